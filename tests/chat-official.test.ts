import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../server/auth/users.js';
import { testApp } from './helpers/app.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
const admin = { email: 'canbo@hoiphunu.vn', password: 'mat-khau-rat-dai-123' };

beforeAll(async () => {
  ({ app } = await testApp({ ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password }));
  await ensureFirstAdmin(app.services.db, app.services.config);
});
afterAll(async () => {
  await app.close();
  await app.services.db.close();
});

it('reuses an approved official answer for a similar question, with its citations', async () => {
  const ask = async (message: string) => (await app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).json();
  const first = await ask('con gái đã lấy chồng có được hưởng thừa kế của bố mẹ như con trai không');
  expect(first.official).toBeUndefined();

  const sent = await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId: first.messageId, conversationId: first.conversationId } });
  expect(sent.statusCode, sent.body).toBeLessThan(300);
  const token = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: admin })).json().token as string;
  const auth = { authorization: `Bearer ${token}` };
  const items = (await app.inject({ method: 'GET', url: '/api/admin/handover', headers: auth })).json().items;
  const id = items[0].id;
  const answered = await app.inject({
    method: 'POST',
    url: `/api/admin/handover/${id}/answer`,
    headers: auth,
    payload: {
      answer: 'Con gái và con trai được hưởng di sản ngang nhau khi chia theo pháp luật.',
      citations: [{ documentId: '91-2015-qh13', article: '651', clause: '2' }],
    },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: auth })).statusCode).toBe(200);

  const again = await ask('con gai da lay chong co duoc huong thua ke cua bo me nhu con trai khong');
  expect(again.official).toBe(true);
  expect(again.answer).toContain('Cán bộ Hội đã trả lời');
  expect(again.answer).toContain('ngang nhau');
  expect(again.citations).toEqual([expect.objectContaining({ article: '651', clause: '2', document: expect.objectContaining({ number: '91/2015/QH13' }) })]);
  expect(again.citations[0].quote.length).toBeGreaterThan(10);
  // A reload shows the badge again.
  const restored = (await app.inject({ method: 'GET', url: `/api/conversations/${again.conversationId}` })).json();
  expect(restored.messages.at(-1)).toMatchObject({ role: 'assistant', official: true });
});

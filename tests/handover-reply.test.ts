import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ingestDocument } from '../ingest/pipeline.js';
import type { Services } from '../server/services.js';
import { addMessage, createConversation } from '../store/conversations.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';

/**
 * The member hears back: an approved official answer to the question she handed over appears
 * in her conversation, marked as the union's, with its citations; the browser side is in
 * tests/e2e-web.test.ts.
 */

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;
let editor: Login;
let admin: Login;

const LAW = `title: Luật Thử nghiệm gia đình
number: 88/2030/QH15
type: Luật
issued: 2030-01-01
status: còn hiệu lực

Điều 5. Nuôi con sau ly hôn
1. Cha mẹ thoả thuận người trực tiếp nuôi con.
2. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi.
`;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp());
  await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(LAW), origin: 'upload' });
  await services.retriever.refresh();
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
  await addOfficial(services, 'admin@hoiphunu.vn', 'admin');
  editor = await login(app, 'bientap@hoiphunu.vn');
  admin = await login(app, 'admin@hoiphunu.vn');
});
afterAll(() => close());

async function handedOver(question: string) {
  const conversationId = `conv-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await createConversation(services.db, conversationId);
  await addMessage(services.db, { conversationId, role: 'user', content: question, resolvedQuery: question });
  const messageId = await addMessage(services.db, { conversationId, role: 'assistant', content: 'Ngoài phạm vi…', kind: 'out_of_scope' });
  const r = await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId, conversationId } });
  expect(r.statusCode).toBe(201);
  return { conversationId, id: json(r).id as number, message: json(r).message as string };
}

const answer = (id: number, text: string) =>
  app.inject({
    method: 'POST',
    url: `/api/admin/handover/${id}/answer`,
    headers: bearer(editor),
    payload: { answer: text, citations: [{ documentId: '88-2030-qh15', article: '5', clause: '2' }] },
  });
const approve = (id: number) => app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(admin) });
const conversation = async (id: string) => json(await app.inject({ method: 'GET', url: `/api/conversations/${id}` }));

describe('an official reply reaches her conversation', () => {
  it('says how she will get the reply, and delivers it only once approved', async () => {
    const h = await handedOver('Con tôi 2 tuổi, ly hôn thì ai nuôi? Số tôi 0912345678');
    expect(h.message).toMatch(/cuộc trò chuyện này/);

    expect((await answer(h.id, 'Con dưới 36 tháng tuổi thường được giao cho mẹ nuôi.')).statusCode).toBe(200);
    expect((await conversation(h.conversationId)).messages).toHaveLength(2);

    expect((await approve(h.id)).statusCode).toBe(200);
    const after = await conversation(h.conversationId);
    expect(after.messages).toHaveLength(3);
    const reply = after.messages[2];
    expect(reply).toMatchObject({ role: 'assistant', kind: 'answer', official: true });
    expect(reply.content).toMatch(/^Cán bộ Hội Phụ nữ đã trả lời câu hỏi chị gửi:\nCon dưới 36 tháng tuổi/);
    // Her question as officials saw it: the phone number was redacted before it left her.
    expect(reply.reply.question).toContain('ly hôn thì ai nuôi');
    expect(reply.reply.question).not.toContain('0912345678');
    expect(reply.citations).toEqual([
      expect.objectContaining({ article: '5', clause: '2', document: expect.objectContaining({ id: '88-2030-qh15', number: '88/2030/QH15' }) }),
    ]);
    expect(reply.citations[0].quote).toContain('Con dưới 36 tháng tuổi');
    // The answers the chat itself wrote are not marked as replies.
    expect(after.messages[1].reply).toBeUndefined();
  });

  it('an edited and re-approved answer rewrites the same message rather than adding one', async () => {
    const h = await handedOver('Ai nuôi con khi ly hôn?');
    await answer(h.id, 'Bản đầu.');
    await approve(h.id);
    await answer(h.id, 'Bản đã sửa: cha mẹ thoả thuận trước.');
    await approve(h.id);
    const c = await conversation(h.conversationId);
    const replies = c.messages.filter((m: { reply?: unknown }) => m.reply);
    expect(replies).toHaveLength(1);
    expect(replies[0].content).toContain('Bản đã sửa');
  });

  it('approves without delivering when her conversation is gone', async () => {
    const h = await handedOver('Ly hôn ai nuôi con nhỏ?');
    await services.db.query('delete from conversations where id = $1', [h.conversationId]);
    await answer(h.id, 'Con dưới 36 tháng tuổi thường được giao cho mẹ nuôi.');
    const r = await approve(h.id);
    expect(r.statusCode).toBe(200);
    expect(json(r).item.state).toBe('approved');
    const row = (await services.db.query<{ reply_message_id: string | null }>('select reply_message_id from handover where id = $1', [h.id])).rows[0]!;
    expect(row.reply_message_id).toBeNull();
  });
});

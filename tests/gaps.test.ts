import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { redactForReport } from '../server/insights/gaps.js';
import { ELDERLY_LAW } from './fixtures/elderly-law.js';
import { addOfficial, json, login, officialsApp, type Login } from './helpers/officials.js';

const QUESTIONS = [
  'Bà nội em 82 tuổi ở thôn Đông Hoà có được trợ cấp người cao tuổi hằng tháng không, số em 0912 345 678',
  'người cao tuổi không có lương hưu được trợ cấp hằng tháng không',
  'ông ngoại 85 tuổi có được hưởng trợ cấp hằng tháng của người cao tuổi không',
];

describe('gap report: what members could not get answered', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let editor: Login;
  const refused: { messageId: number; conversationId: string }[] = [];
  let refusedToday = 0;
  const report = async () => json(await ctx.app.inject({ method: 'GET', url: '/api/admin/gaps?days=30', headers: { cookie: editor.cookie } }));

  beforeAll(async () => {
    ctx = await officialsApp();
    await addOfficial(ctx.services, 'bientap@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap@hoi.vn');
    // The library has nothing on older people yet: every question is refused.
    for (const message of QUESTIONS) {
      const r = await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
      expect(json(r).kind).toBe('out_of_scope');
      refused.push({ messageId: json(r).messageId, conversationId: json(r).conversationId });
    }
  });
  afterAll(async () => ctx?.close());

  it('groups refused questions, redacted, with an upload suggestion named by their words', async () => {
    const r = await report();
    expect(r.totals.refused).toBe(3);
    const group = r.groups.find((g: { examples: string[] }) => g.examples.some((e) => e.includes('82 tuổi')));
    expect(group).toMatchObject({ closest: null, answeredNow: 0, stillRefused: group.count, action: { kind: 'upload' } });
    expect(group.count).toBeGreaterThanOrEqual(2);
    expect(group.action.text).toMatch(/^Tải lên văn bản về .*(cao|tuổi|trợ|cấp)/);
    expect(group.months).toEqual([{ month: new Date().toISOString().slice(0, 7), count: group.count }]);
    const shown = JSON.stringify(r);
    expect(shown).not.toContain('0912');
    expect(shown).not.toContain('Đông Hoà');
    expect(shown).toContain('[địa chỉ]');
  });

  it('shows at once where a freshly uploaded law stands: the law they now come closest to, and how many would still be refused', async () => {
    await ingestDocument(ctx.services.db, ctx.services.embedder, { bytes: Buffer.from(ELDERLY_LAW), filename: 'nguoi-cao-tuoi.txt', origin: 'upload' });
    await ctx.services.retriever.refresh();
    const r = await report();
    const first = r.groups[0];
    expect(first.closest).toMatchObject({ name: expect.stringContaining('91/2030/QH15'), article: '2' });
    expect(first.closest.uploadedAt).not.toBeNull();
    expect(first.count).toBe(3);
    // What a member asking today gets is decided by the chat's own scope gate; the report agrees with it.
    const today = await Promise.all(
      QUESTIONS.map(async (message) => json(await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).kind),
    );
    refusedToday = today.filter((k) => k === 'out_of_scope').length;
    expect(first.stillRefused).toBe(refusedToday);
    expect(first.answeredNow).toBe(3 - first.stillRefused);
    expect(first.action.text).toContain('Điều 2 Luật Chăm sóc người cao tuổi');
    expect(first.action.text).toContain('mới tải lên');
    expect(first.action.kind).toBe(first.stillRefused ? 'review_phrasings' : 'review_answers');
  });

  it('counts a 👎 answer and refuses strangers', async () => {
    const fb = await ctx.app.inject({ method: 'POST', url: '/api/feedback', payload: { ...refused[0]!, rating: -1 } });
    expect(fb.statusCode).toBe(200);
    // A refused answer she marked 👎 counts once, as 👎.
    const r = await report();
    expect(r.totals.disliked).toBe(1);
    expect(r.totals.refused).toBe(2 + refusedToday);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/admin/gaps' })).statusCode).toBe(401);
  });

  it('redacts places and contacts', () => {
    expect(redactForReport('em ở xóm Trại, xã Quảng Phú, gọi 0987.654.321')).toBe('em ở xóm [địa chỉ], xã [địa chỉ], gọi [số điện thoại]');
  });
});

describe('gap report: a sanction asked for on a subject the library holds no text on', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let editor: Login;
  const ASKED = ['chở ba người trên xe máy có bị phạt không', 'do xe may truoc cong cho co bi phat khong'];

  beforeAll(async () => {
    ctx = await officialsApp();
    await addOfficial(ctx.services, 'bientap2@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap2@hoi.vn');
  });
  afterAll(async () => ctx?.close());

  it('counts it as a gap still refused today, as the chat refuses it, not as answered by the fines the library holds', async () => {
    for (const message of ASKED)
      expect(json(await ctx.app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).kind, message).toBe('out_of_scope');
    const r = json(await ctx.app.inject({ method: 'GET', url: '/api/admin/gaps?days=30', headers: { cookie: editor.cookie } }));
    expect(r.totals.refused).toBe(ASKED.length);
    const counted = r.groups.reduce((n: number, g: { count: number }) => n + g.count, 0);
    const still = r.groups.reduce((n: number, g: { stillRefused: number }) => n + g.stillRefused, 0);
    const now = r.groups.reduce((n: number, g: { answeredNow: number }) => n + g.answeredNow, 0);
    expect([counted, still, now]).toEqual([ASKED.length, ASKED.length, 0]);
  });
});

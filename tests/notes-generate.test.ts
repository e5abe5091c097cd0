import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNotes, parseGenerated } from '../ingest/notes/generate.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { addOfficial, json, login, multipart, officialsApp, type Login } from './helpers/officials.js';

const DRAFT = JSON.stringify({
  hoi: ['muốn đi học may vá có mất tiền không', 'học nghề xong có được cho tiền ăn không', 'Học nghề miễn phí', 'ngắn'],
  nghia: 'Phụ nữ nông thôn được học nghề ngắn hạn miễn phí và được hỗ trợ tiền ăn, tiền đi lại.',
});

describe('member phrasings drafted by the model for uploads (issue 12, item 2)', () => {
  let fake: FakeOpenAI;
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let editor: Login;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ reply: `Đây là kết quả:\n${DRAFT}` });
    ctx = await officialsApp({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', CHAT_MODEL: 'fake-model', LLM_ASSIST_TIMEOUT_MS: '0' });
    await addOfficial(ctx.services, 'bientap@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap@hoi.vn');
  });
  afterAll(async () => {
    await ctx?.close();
    await fake?.close();
  });

  it('reads only the JSON asked for, dropping a phrasing that repeats the title or is too short', () => {
    expect(parseGenerated(DRAFT, 'Học nghề miễn phí')).toEqual({
      asks: ['muốn đi học may vá có mất tiền không', 'học nghề xong có được cho tiền ăn không'],
      meaning: 'Phụ nữ nông thôn được học nghề ngắn hạn miễn phí và được hỗ trợ tiền ăn, tiền đi lại.',
    });
    expect(parseGenerated('}{ lorem ipsum', null)).toBeNull();
    expect(parseGenerated('{"hoi": 3, "nghia": ""}', null)).toBeNull();
  });

  it('an upload gets drafted notes after its response, shown as "generated", used by retrieval, cached by text', async () => {
    const body = multipart([{ filename: 'luat-nong-thon.txt', content: RURAL_LAW, type: 'text/plain' }]);
    const up = await ctx.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { ...body.headers, cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      payload: body.payload,
    });
    expect(up.statusCode).toBe(201);
    const documentId = json(up).uploads[0].documentId as string;

    let rows: { article: string; kind: string; origin: string }[] = [];
    for (let i = 0; i < 100 && rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = (
        await ctx.services.db.query<{ article: string; kind: string; origin: string }>(
          `select article, kind, origin from article_notes where document_id = $1`,
          [documentId],
        )
      ).rows;
    }
    // Three articles with three phrasings and one sentence each, less Điều 3's phrasing that repeats its title.
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.article === '3')).toHaveLength(3);
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['generated']));
    const prompts = fake.requests.filter((r) => JSON.stringify(r.body.messages).includes('VIẾT CÁCH HỎI CỦA HỘI VIÊN'));
    expect(prompts).toHaveLength(3);

    const view = json(await ctx.app.inject({ method: 'GET', url: `/api/admin/notes/${documentId}/3`, headers: { cookie: editor.cookie } }));
    expect(view.notes.map((n: { origin: string }) => n.origin)).toEqual(['generated', 'generated', 'generated']);
    await ctx.services.retriever.refresh();
    const hits = (await ctx.services.retriever.search('may vá', { k: 1 })).hits;
    expect(hits[0]?.document.id).toBe(documentId);
    const audit = await ctx.services.db.query<{ details: { generated: number } }>(`select details from audit_log where action = 'notes.generate'`);
    expect(audit.rows[0]!.details.generated).toBe(3);

    // Again (a re-index): the cache answers, the model is not asked.
    const again = await generateNotes(ctx.services.db, documentId, { model: 'fake-model', apiKey: 'sk-test', baseURL: fake.url, timeoutMs: 5000 });
    expect(again).toEqual({ articles: 3, generated: 0, cached: 3, failed: 0 });
    expect(fake.requests.filter((r) => JSON.stringify(r.body.messages).includes('VIẾT CÁCH HỎI CỦA HỘI VIÊN'))).toHaveLength(3);
  });

  it('a model that writes garbage leaves the document without drafted notes, and an official’s edit is never overwritten', async () => {
    const id = (await ctx.services.db.query<{ id: string }>(`select id from documents limit 1`)).rows[0]!.id;
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/admin/notes/${id}/2`,
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      payload: { notes: [{ kind: 'ask', text: 'cần vốn mở tiệm thì hỏi ai' }] },
    });
    fake.mode = 'garbage';
    const r = await generateNotes(ctx.services.db, id, { model: 'another-model', baseURL: fake.url, timeoutMs: 5000 });
    expect(r).toMatchObject({ generated: 0, failed: 3 });
    const left = (
      await ctx.services.db.query<{ article: string; origin: string }>(`select article, origin from article_notes where document_id = $1 order by article`, [
        id,
      ])
    ).rows;
    expect(left).toEqual([{ article: '2', origin: 'official' }]);
  });
});

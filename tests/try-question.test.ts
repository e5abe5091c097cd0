import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { addOfficial, json, login, officialsApp, type Login } from './helpers/officials.js';

const row = (...cols: string[]) => cols.join('\t');

describe('try a question and edit an article’s notes (console)', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let corpus: string;
  let editor: Login;
  let documentId: string;

  const notesFile = () => path.join(corpus, 'articles', 'luat-nong-thon.tsv');
  const writeNotes = (rows: string[]) => fs.writeFileSync(notesFile(), rows.join('\n'));
  const tryIt = (question: string, who = editor) =>
    ctx.app.inject({ method: 'POST', url: '/api/admin/try', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, payload: { question } });
  const putNotes = (article: string, notes: unknown[]) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/api/admin/notes/${encodeURIComponent(documentId)}/${article}`,
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      payload: { notes },
    });

  beforeAll(async () => {
    ctx = await officialsApp();
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-try-'));
    fs.mkdirSync(path.join(corpus, 'articles'));
    fs.writeFileSync(path.join(corpus, 'luat-nong-thon.txt'), RURAL_LAW);
    writeNotes([
      row('2', '', '', 'hỏi', 'muốn mở tiệm tạp hoá cần tiền thì hỏi ai'),
      row('2', '', '', 'nghĩa', 'Phụ nữ nông thôn được vay vốn ưu đãi để làm ăn.'),
    ]);
    await syncBundledCorpus(ctx.services.db, ctx.services.embedder, [corpus]);
    // Written straight to the store: wait for the search index rather than its background rebuild.
    await ctx.services.retriever.refresh();
    documentId = (await ctx.services.db.query<{ id: string }>(`select id from documents where number = '77/2030/QH15'`)).rows[0]!.id;
    await addOfficial(ctx.services, 'bientap@hoi.vn', 'editor');
    editor = await login(ctx.app, 'bientap@hoi.vn');
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(corpus, { recursive: true, force: true });
  });

  it('explains a ranking: scores, the words that carried the first article, its matched phrasing, and why it won', async () => {
    const res = await tryIt('mở tiệm tạp hoá cần vay tiền');
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.hits[0]).toMatchObject({ rank: 1, article: '2', asks: 1, meaning: 'Phụ nữ nông thôn được vay vốn ưu đãi để làm ăn.' });
    // The hit's own BM25F terms, strongest first, with the fields that hold them.
    const terms = body.hits[0].terms as { term: string; score: number; fields: string[] }[];
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['tiem', 'taphoa', 'tien']));
    expect(terms.find((t) => t.term === 'tiem')!.fields).toEqual(['member']);
    expect(terms.map((t) => t.score)).toEqual([...terms.map((t) => t.score)].sort((a, b) => b - a));
    expect(body.hits[0].lexical).toBeGreaterThan(0);
    expect(body.hits[0].phrasings[0]).toMatchObject({ text: 'muốn mở tiệm tạp hoá cần tiền thì hỏi ai' });
    expect(body.hits[0].phrasings[0].shared).toEqual(expect.arrayContaining(['tiem', 'tap', 'hoa']));
    expect(body.why).toMatch(/^Điều 2 đứng đầu/);
    expect(body.why).toContain('muốn mở tiệm tạp hoá');
    if (body.hits[1]) expect(body.hits[1].score).toBeLessThanOrEqual(body.hits[0].score);
  });

  it('names the vocabulary rows that turned her words into the law’s', async () => {
    const body = json(await tryIt('chồng đánh vợ thì báo ai'));
    expect(body.vocabulary.length).toBeGreaterThan(0);
    for (const v of body.vocabulary) {
      expect(v.phrases.length).toBeGreaterThan(0);
      expect(v.line).toBeGreaterThan(0);
    }
    const violence = body.vocabulary.find((v: { topic: string }) => v.topic === 'bao_luc_gia_dinh');
    expect(violence.phrases).toEqual(expect.arrayContaining(['đánh vợ', 'chồng đánh']));
    expect(violence.concepts).toContain('bạo lực gia đình');
    // A row whose phrase is absent is not named ("dọa" rows of the same topic).
    expect(body.vocabulary.some((v: { phrases: string[] }) => v.phrases.includes('dọa'))).toBe(false);
  });

  it('an official’s phrasing is live at the next question, audited, survives a reloaded notes file, and exports as TSV', async () => {
    expect(json(await tryIt('may vá làm bánh')).hits).toEqual([]);
    const before = json(await ctx.app.inject({ method: 'GET', url: `/api/admin/notes/${documentId}/3`, headers: { cookie: editor.cookie } }));
    expect(before).toMatchObject({ article: '3', title: 'Học nghề miễn phí', clauses: ['1', '2'], notes: [] });

    const saved = await putNotes('3', [
      { kind: 'ask', text: 'muốn đi học may vá làm bánh có mất tiền không' },
      { kind: 'ask', clause: '2', text: 'đi học nghề xa nhà có được cho tiền xe không' },
      { kind: 'meaning', text: 'Phụ nữ nông thôn được học nghề ngắn hạn miễn phí.' },
    ]);
    expect(saved.statusCode).toBe(200);
    expect(json(saved)).toEqual({ saved: 3, replaced: 0 });
    expect(json(await tryIt('may vá làm bánh')).hits[0]).toMatchObject({ article: '3', asks: 2 });

    const audit = await ctx.services.db.query<{ action: string; target_id: string; details: any }>(
      `select action, target_id, details from audit_log where action = 'notes.update'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ target_id: `${documentId}/3` });
    expect(audit.rows[0]!.details.after).toHaveLength(3);

    // The bundled file changes and is reloaded: it may not bring back notes over the official's article.
    writeNotes([row('3', '', '', 'hỏi', 'học nấu cỗ cưới ở đâu'), row('2', '', '', 'hỏi', 'muốn mở tiệm tạp hoá cần tiền thì hỏi ai')]);
    await syncBundledCorpus(ctx.services.db, ctx.services.embedder, [corpus]);
    const after = json(await ctx.app.inject({ method: 'GET', url: `/api/admin/notes/${documentId}/3`, headers: { cookie: editor.cookie } }));
    expect(after.notes.map((n: { origin: string }) => n.origin)).toEqual(['official', 'official', 'official']);

    const tsv = await ctx.app.inject({ method: 'GET', url: `/api/admin/documents/${documentId}/notes.tsv`, headers: { cookie: editor.cookie } });
    expect(tsv.statusCode).toBe(200);
    expect(tsv.headers['content-type']).toContain('text/tab-separated-values');
    const lines = tsv.body.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      row('2', '', '', 'hỏi', 'muốn mở tiệm tạp hoá cần tiền thì hỏi ai'),
      row('3', '', '', 'hỏi', 'muốn đi học may vá làm bánh có mất tiền không'),
      row('3', '2', '', 'hỏi', 'đi học nghề xa nhà có được cho tiền xe không'),
      row('3', '', '', 'nghĩa', 'Phụ nữ nông thôn được học nghề ngắn hạn miễn phí.'),
    ]);
  });

  it('refuses a khoản the article does not have, two whole-article sentences, strangers and empty questions', async () => {
    const badClause = await putNotes('3', [{ kind: 'ask', clause: '9', text: 'khoản không có' }]);
    expect(badClause.statusCode).toBe(400);
    expect(json(badClause)).toMatchObject({ error: 'invalid:note_clause', message: 'Điều 3 không có khoản 9.' });
    const two = await putNotes('3', [
      { kind: 'meaning', text: 'Một.' },
      { kind: 'meaning', text: 'Hai.' },
    ]);
    expect(json(two).error).toBe('invalid:note_meaning');
    expect((await putNotes('99', [])).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/admin/try', payload: { question: 'vay vốn' } })).statusCode).toBe(401);
    expect((await tryIt('   ')).statusCode).toBe(400);
  });
});

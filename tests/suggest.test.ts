import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../ingest/text/vietnamese.js';
import { asQuestion } from '../server/chat/suggest.js';
import { testApp } from './helpers/app.js';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let app: Ctx['app'];
let services: Ctx['services'];

beforeAll(async () => {
  ({ app, services } = await testApp());
});
afterAll(async () => {
  await app.close();
  await services.db.close();
});

async function ask(message: string) {
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The member phrasing a suggestion was made from: an 'ask' note of that very article. */
async function phrasingExists(s: { text: string; documentId: string; article: string }): Promise<boolean> {
  const rows = await services.db.query<{ text: string }>("select text from article_notes where kind = 'ask' and document_id = $1 and article = $2", [
    s.documentId,
    s.article,
  ]);
  return rows.rows.some((r) => asQuestion(r.text) === s.text);
}

describe('suggested next questions', () => {
  it('offers two or three member phrasings of neighbouring articles, none repeating her question', async () => {
    for (const q of ['vợ chồng thuận tình ly hôn cần điều kiện gì', 'chồng không cho tiền nuôi con sau ly hôn thì sao', 'nghi thai san duoc bao nhieu thang']) {
      const r = await ask(q);
      expect(r.kind, q).toBe('answer');
      expect(r.suggestions.length, q).toBeGreaterThanOrEqual(2);
      expect(r.suggestions.length, q).toBeLessThanOrEqual(3);
      const texts = r.suggestions.map((s: { text: string }) => s.text);
      expect(new Set(texts).size).toBe(texts.length);
      for (const s of r.suggestions) {
        expect(await phrasingExists(s), `${q} → ${s.text}`).toBe(true);
        expect(fold(s.text)).not.toContain(fold(q));
        expect(s.text).toMatch(/^[A-ZĐÀ-Ỹ].*\?$/u);
      }
      // Different subjects: one suggestion per article.
      expect(new Set(r.suggestions.map((s: { documentId: string; article: string }) => `${s.documentId}|${s.article}`)).size).toBe(r.suggestions.length);
    }
  });

  it("the best article's neighbours come first: a question on one Điều suggests Điều ±1..3 of the same law", async () => {
    const r = await ask('vợ chồng thuận tình ly hôn cần điều kiện gì');
    const best = r.citations[0];
    const first = r.suggestions[0];
    expect(first.documentId).toBe(best.document.id);
    expect(Math.abs(Number(first.article) - Number(best.article))).toBeLessThanOrEqual(3);
  });

  it('never leads an emergency somewhere she did not go: only the cited articles, only on her words', async () => {
    const msg = 'chồng đang cầm dao dọa giết em, cứu em với';
    const r = await ask(msg);
    expect(r.kind).toBe('emergency');
    const cited = new Set(r.citations.map((c: { document: { id: string }; article: string }) => `${c.document.id}|${c.article}`));
    const words = new Set(fold(msg).split(/\s+/));
    for (const s of r.suggestions) {
      expect(cited.has(`${s.documentId}|${s.article}`), s.text).toBe(true);
      expect(
        fold(s.text)
          .split(/\s+/)
          .some((w) => w.length > 1 && words.has(w) && !['em', 'voi'].includes(w)),
        s.text,
      ).toBe(true);
    }
  });

  it("keeps each answer's suggestions with it: reopening the conversation shows the same ones under the same answers", async () => {
    const first = await ask('vợ chồng thuận tình ly hôn cần điều kiện gì');
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'cách nấu phở bò ngon', conversationId: first.conversationId } });
    const second = res.json();
    expect(first.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(second.suggestions).toEqual([]);
    const back = (await app.inject({ method: 'GET', url: `/api/conversations/${first.conversationId}` })).json();
    const answers = back.messages.filter((m: { role: string }) => m.role === 'assistant');
    expect(answers.map((m: { id: number }) => m.id)).toEqual([first.messageId, second.messageId]);
    expect(answers[0].suggestions).toEqual(first.suggestions);
    // None kept for an answer that had none, and never on her own messages.
    expect(answers[1].suggestions).toBeUndefined();
    expect(back.messages.filter((m: { role: string; suggestions?: unknown }) => m.role === 'user' && m.suggestions)).toEqual([]);
  });

  it('suggests nothing when the question is outside the library', async () => {
    const r = await ask('cách nấu phở bò ngon');
    expect(r.kind).toBe('out_of_scope');
    expect(r.suggestions).toEqual([]);
  });

  it('turns a phrasing into a question she can send', () => {
    expect(asQuestion('chồng không cho vợ đi làm công ty')).toBe('Chồng không cho vợ đi làm công ty thì sao?');
    expect(asQuestion('vợ có được ủy quyền cho chồng ký bán đất chung không')).toBe('Vợ có được ủy quyền cho chồng ký bán đất chung không?');
    expect(asQuestion('ai nuôi con khi ly hôn')).toBe('Ai nuôi con khi ly hôn?');
  });
});

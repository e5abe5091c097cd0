import { describe, expect, it } from 'vitest';
import type { AnswerInput } from '../server/answer/answerer.js';
import { ExtractiveAnswerer } from '../server/answer/extractive.js';
import type { ArticleHit } from '../server/retrieval/retriever.js';
import type { ArticleNote } from '../server/retrieval/index/corpus-index.js';

/**
 * The offline answerer on hand-made hits (it reads no store): which articles it states, which
 * it names under "Xem thêm", and that no article retrieval found near the top is left out.
 */

const DOC = { id: 'luat-x', number: '1/2020/QH14', title: 'Luật thử', name: 'Luật thử 2020 (1/2020/QH14)', type: 'Luật', status: 'in_force' as const, binding: true };

function hit(article: string, title: string, clauses: string[], score: number, notes: ArticleNote[] = []): ArticleHit {
  const body = clauses.map((c, i) => `${i + 1}. ${c}`);
  return {
    document: DOC, chunkId: Number(article), article, articleNum: Number(article), articleTitle: title, heading: null, section: null,
    clause: '1', clauses: clauses.map((_, i) => String(i + 1)), header: `Điều ${article}. ${title}`,
    text: [`Điều ${article}. ${title}`, ...body].join('\n'), score, notes,
  };
}

const meaning = (text: string, clause: string | null = '1'): ArticleNote => ({ kind: 'meaning', clause, point: null, text });
const ask = (text: string, clause: string | null = '1'): ArticleNote => ({ kind: 'ask', clause, point: null, text });

function input(hits: ArticleHit[], question: string, weights: Record<string, number>, kind: AnswerInput['kind'] = 'answer'): AnswerInput {
  return { question, resolvedQuestion: question, hits, termWeights: weights, nextSteps: [], nextStepWeights: {}, history: [], kind, topics: [], legalAidPhone: '' };
}

const articlesOf = (citations: { article: string }[]) => citations.map((c) => c.article);
const beforeSeeAlso = (answer: string) => answer.split('\nXem thêm:')[0]!;

// One long plain sentence: two of them do not fit the ~120 words before "Xem thêm".
const long = (subject: string) => `${subject} ${'được pháp luật bảo vệ và có quyền yêu cầu cơ quan có thẩm quyền giải quyết theo quy định '.repeat(5)}`.trim();

describe('offline answer (server/answer/extractive.ts)', () => {
  const weights = { luong: 2, giu: 1.5, chong: 1, kinhte: 1, 'giu luong': 2 };
  const first = hit('3', 'Hành vi bạo lực', ['Chồng giữ lương của vợ, kiểm soát thu nhập là bạo lực về kinh tế.'], 1.2, [meaning(long('Chồng giữ hết lương của vợ là bạo lực về kinh tế, vợ')), ask('chồng giữ hết lương')]);
  const second = hit('44', 'Phạt hành vi bạo lực về kinh tế', ['Phạt tiền chồng giữ hết lương của vợ, kiểm soát thu nhập là bạo lực về kinh tế.'], 1.1, [meaning(long('Chồng giữ hết lương của vợ có thể bị phạt tiền, vợ')), ask('chồng giữ hết lương')]);
  const others = ['5', '6', '7'].map((a, i) => hit(a, `Điều khác ${a}`, ['Quy định khác về gia đình.'], 0.9 - i * 0.1));

  it('names a second statement that does not fit one screen under "Xem thêm" instead of dropping it', async () => {
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(input([first, second, ...others], 'chồng giữ hết lương của em có sai không', weights));
    expect(out.citations[0]).toMatchObject({ article: '3', clause: '1' });
    // The second article's sentence would pass the word budget: it is named, not stated.
    expect(beforeSeeAlso(out.answer)).not.toContain('bị phạt tiền');
    expect(out.answer.split('\nXem thêm:')[1]).toContain('Điều 44 Luật thử 2020');
    expect(articlesOf(out.citations)).toEqual(['3', '44', '5', '6', '7']);
  });

  it('states an emergency answer from the best articles only but names the others', async () => {
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(input([others[0]!, others[1]!, first, others[2]!], 'chồng giữ hết lương của em', weights, 'emergency'));
    // The article fitting best (ranked third) is not stated in an emergency: only the first two are read.
    expect(['5', '6']).toContain(out.citations[0]!.article);
    expect(beforeSeeAlso(out.answer)).not.toContain('bạo lực về kinh tế');
    expect(articlesOf(out.citations).sort()).toEqual(['3', '5', '6', '7']);
  });
});

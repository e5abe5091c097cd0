import { describe, expect, it } from 'vitest';
import { fieldTerms } from '../server/retrieval/index/corpus-index.js';
import { LexicalIndex, type ChunkTerms } from '../server/retrieval/index/lexical-index.js';
import { withContrast } from '../server/retrieval/rank/contrast.js';
import { firstArticles } from '../server/retrieval/rank/first-articles.js';

/** Three articles (the last in two chunks) as the index holds them: folded syllables and pairs. */
const TEXTS = [
  'Bạo lực gia đình là hành vi cố ý của thành viên gia đình gây tổn hại về thể chất, tinh thần, kinh tế.',
  'Phạt tiền đối với hành vi bạo lực gia đình gây tổn hại về thể chất thành viên gia đình.',
  'Thành viên gia đình có nghĩa vụ tôn trọng nhau.',
  'Thành viên gia đình chăm sóc nhau khi ốm đau.',
];
const ARTICLE_OF = Int32Array.from([0, 1, 2, 2]);

function index(): LexicalIndex {
  const entries: ChunkTerms[] = TEXTS.map((text, i) => ({
    chunk: { id: i + 1, documentId: 'd', articleKey: String(ARTICLE_OF[i]) },
    fields: { body: fieldTerms(text), title: [], member: [] },
  }));
  return LexicalIndex.build(entries);
}

const weightsOf = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe('contrast among the first articles (rank/contrast.ts)', () => {
  it('lists the best chunk of each article, best first', () => {
    const ranked = [
      { index: 2, score: 1 },
      { index: 3, score: 3 },
      { index: 0, score: 2 },
      { index: 1, score: 0.5 },
    ];
    expect(firstArticles(ARTICLE_OF, ranked, 10).map((r) => r.index)).toEqual([3, 0, 1]);
    expect(firstArticles(ARTICLE_OF, ranked, 2).map((r) => r.index)).toEqual([3, 0]);
  });

  it('lifts the article holding the word only it has among the first, not by the words all share', () => {
    const lex = index();
    const ranked = [0, 1, 2, 3].map((i) => ({ index: i, score: 1 }));
    // "thanh vien gia dinh" is in every article; "kinh te" only in the first.
    const out = withContrast(lex, ARTICLE_OF, ranked, weightsOf('thanh', 'vien', 'gia', 'dinh', 'kinh', 'te'), 0.1);
    expect(out.map((r) => r.score)).toEqual([1.1, 1, 1, 1]);
  });

  it('gives each article its share of the discriminating mass, on every one of its chunks', () => {
    const lex = index();
    const ranked = [0, 1, 2, 3].map((i) => ({ index: i, score: 2 }));
    // "trọng" and "nhau" only in article 2; "phạt" only in article 1; "gia" everywhere.
    const out = withContrast(lex, ARTICLE_OF, ranked, weightsOf('trong', 'nhau', 'phat', 'gia'), 0.2);
    const score = new Map(out.map((r) => [r.index, r.score]));
    // Scaled to the best (2 → 1), then the bonus; article 2's chunks share the bonus of its best chunk.
    expect(score.get(2)).toBeCloseTo(1.2);
    expect(score.get(3)).toBeCloseTo(1.2);
    expect(score.get(1)!).toBeGreaterThan(1);
    expect(score.get(1)!).toBeLessThan(1.2);
    expect(score.get(0)).toBe(1);
  });

  it('leaves the order alone when no term tells the first articles apart, or when off', () => {
    const lex = index();
    const ranked = [0, 1, 2, 3].map((i) => ({ index: i, score: 4 - i }));
    expect(withContrast(lex, ARTICLE_OF, ranked, weightsOf('thanh', 'vien'), 0.1)).toBe(ranked);
    expect(withContrast(lex, ARTICLE_OF, ranked, weightsOf('kinh'), 0)).toBe(ranked);
  });

  it('compares the first articles by the law text alone when one of them has no notes (an upload)', () => {
    const entries = (notes: string): ChunkTerms[] => [
      {
        chunk: { id: 1, documentId: 'd', articleKey: '1' },
        fields: { body: fieldTerms('Thành viên gia đình tôn trọng nhau.'), title: [], member: fieldTerms('chồng giữ hết lương') },
      },
      {
        chunk: { id: 2, documentId: 'u', articleKey: '1' },
        fields: { body: fieldTerms('Thành viên gia đình chăm sóc nhau.'), title: [], member: fieldTerms(notes) },
      },
    ];
    const ranked = [0, 1].map((i) => ({ index: i, score: 1 }));
    const weights = weightsOf('luong', 'gia');
    const articles = Int32Array.from([0, 1]);
    // Both noted: "lương" in the first article's notes tells them apart.
    expect(withContrast(LexicalIndex.build(entries('mẹ chăm con ốm')), articles, ranked, weights, 0.1).map((r) => r.score)).toEqual([1.1, 1]);
    // The second without notes: the first's notes are not held against it.
    const upload = LexicalIndex.build(entries(''));
    expect(withContrast(upload, articles, ranked, weights, 0.1)).toBe(ranked);
  });
});

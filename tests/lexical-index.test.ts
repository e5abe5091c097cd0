import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, FIELDS, LexicalIndex, type ChunkTerms, type ScoredChunk } from '../server/retrieval/index/lexical-index.js';
import { kthLargest } from '../server/retrieval/index/select.js';

/**
 * The fast paths of the lexical index (strongest, bestPerGroup) must return what scoring every
 * chunk would: the same chunks, the same scores to the last bit, in the same order — except that
 * strongest() in a library larger than its limit may add its most common terms last, which may
 * move a score's last bit and the order of ties (sameCandidates).
 */
const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** A library of `n` chunks over a Zipf-like vocabulary, some chunks exact copies of others (ties). */
function library(n: number, seed = 3): ChunkTerms[] {
  const rand = seeded(seed);
  const vocab = Array.from({ length: 60 }, (_, i) => `w${i}`);
  // Rank r drawn with probability ~ 1/(r+1): a few words in most chunks, most words rare.
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length + 1)) - 1))]!;
  const words = (len: number) => Array.from({ length: len }, word);
  const out: ChunkTerms[] = [];
  for (let i = 0; i < n; i++) {
    const copy = i > 10 && rand() < 0.2 ? out[Math.floor(rand() * i)]! : null;
    out.push({
      chunk: { id: i + 1, documentId: `d${i % 7}`, articleKey: String(Math.floor(i / 3)) },
      fields: copy
        ? copy.fields
        : { body: words(5 + Math.floor(rand() * 60)), title: words(Math.floor(rand() * 4)), member: rand() < 0.5 ? words(Math.floor(rand() * 12)) : [] },
    });
  }
  return out;
}

const queries: Map<string, number>[] = [
  new Map([
    ['w0', 1],
    ['w1', 1],
    ['w7', 2],
    ['w30', 0.45],
  ]),
  new Map([
    ['w2', 1],
    ['w45', 1],
    ['w3', 0.5],
    ['nope', 1],
  ]),
  new Map([
    ['w0', 1],
    ['w1', 1],
    ['w2', 1],
    ['w3', 1],
    ['w4', 1],
    ['w5', 2],
  ]),
];

const acceptDoc = (id: string) => id !== 'd3';

/** The reference: every chunk scored, accepted by document, the limit's best with ties, in order. */
function reference(lex: LexicalIndex, weights: Map<string, number>, limit: number, weak?: Set<string>): ScoredChunk[] {
  const all = lex.scoreUnordered(weights, (c) => acceptDoc(c.documentId), DEFAULT_PARAMS, weak);
  if (all.length <= limit) return all;
  const border = kthLargest(
    Float64Array.from(all, (r) => r.score),
    limit,
  );
  return all.filter((r) => r.score >= border);
}

/** The same chunks with the same scores but for the last bits, in any order. */
function sameCandidates(got: ScoredChunk[], want: ScoredChunk[]): void {
  const byIndex = (a: ScoredChunk, b: ScoredChunk) => a.index - b.index;
  const g = [...got].sort(byIndex);
  const w = [...want].sort(byIndex);
  expect(g.map((r) => r.index)).toEqual(w.map((r) => r.index));
  for (const [i, r] of g.entries()) expect(Math.abs(r.score - w[i]!.score)).toBeLessThanOrEqual(1e-12 * w[i]!.score);
}

describe('lexical index', () => {
  const entries = library(3000);
  const lex = LexicalIndex.build(entries);

  it('scores BM25F as written: field frequencies normalised, weighted and summed before saturation', () => {
    const { k1, fields } = DEFAULT_PARAMS;
    const avg = FIELDS.map((f) => lex.fieldLength(0, f).average);
    const weights = queries[0]!;
    const got = new Map(lex.scoreUnordered(weights, () => true).map((r) => [r.index, r.score]));
    for (const ci of [0, 1, 17, 500, 2999]) {
      let want = 0;
      for (const [term, w] of weights) {
        let f = 0;
        FIELDS.forEach((field, k) => {
          const tf = entries[ci]!.fields[field].filter((t) => t === term).length;
          const len = entries[ci]!.fields[field].length;
          if (tf) f += (fields[field].weight * tf) / (1 - fields[field].b + (fields[field].b * len) / avg[k]!);
        });
        if (f > 0) want += w * lex.idf(term) * (f / (k1 + f));
      }
      expect(got.get(ci) ?? 0).toBeCloseTo(want, 12);
    }
  });

  it('keeps the same candidates, scores and order as scoring every chunk when the library is no larger than the limit', () => {
    for (const weights of queries) expect(lex.strongest(weights, acceptDoc, 5000)).toEqual(reference(lex, weights, 5000));
  });

  it('keeps the same candidates and scores in a larger library, its most common terms added last, ties at the border included', () => {
    // The path under test: terms in more than a quarter of the library, beside rarer ones.
    expect(lex.df('w0')).toBeGreaterThan(lex.n / 4);
    for (const weights of queries) {
      for (const limit of [1, 10, 150, 1000, 2999]) sameCandidates(lex.strongest(weights, acceptDoc, limit), reference(lex, weights, limit));
    }
    // Only common terms, or common ones that could lift a chunk the others never reached over the border: scored as they come.
    const common = new Map([
      ['w0', 1],
      ['w1', 1],
    ]);
    expect(lex.strongest(common, acceptDoc, 100)).toEqual(reference(lex, common, 100));
    const lifted = new Map([
      ['w0', 2],
      ['w59', 0.1],
    ]);
    expect(lex.strongest(lifted, acceptDoc, 10)).toEqual(reference(lex, lifted, 10));
  });

  it('keeps the same when rare terms reach only a few of the chunks (the border found among those reached)', () => {
    // The rarest words of the library, as many as reach under a fifth of it together.
    const rare = Array.from({ length: 60 }, (_, i) => `w${i}`)
      .filter((t) => lex.df(t) > 0)
      .sort((a, b) => lex.df(a) - lex.df(b));
    const weights = new Map<string, number>();
    let reach = 0;
    for (const t of rare) {
      if (weights.size && reach + lex.df(t) > lex.n / 5) break;
      weights.set(t, weights.size % 2 ? 0.45 : 1);
      reach += lex.df(t);
    }
    const reached = lex.scoreUnordered(weights, () => true).length;
    // The path under test: more reached than kept, and fewer than a quarter of the library.
    expect(reached).toBeGreaterThan(40);
    expect(reached * 4).toBeLessThan(lex.n);
    for (const limit of [1, 10, 40, reached, 5000]) expect(lex.strongest(weights, acceptDoc, limit)).toEqual(reference(lex, weights, limit));
    const weak = new Set([rare[0]!]);
    sameCandidates(lex.strongest(weights, acceptDoc, 20, DEFAULT_PARAMS, weak), reference(lex, weights, 20, weak));
  });

  it('never makes a candidate of a chunk only weak terms reach, yet counts them beside others', () => {
    const weights = queries[2]!;
    const weak = new Set(['w0', 'w1']);
    const got = lex.strongest(weights, acceptDoc, 200, DEFAULT_PARAMS, weak);
    sameCandidates(got, reference(lex, weights, 200, weak));
    const onlyWeak = lex.scoreUnordered(new Map([...weights].filter(([t]) => weak.has(t))), () => true).map((r) => r.index);
    const strongTerms = new Map([...weights].filter(([t]) => !weak.has(t)));
    const reachedStrong = new Set(lex.scoreUnordered(strongTerms, () => true).map((r) => r.index));
    expect(onlyWeak.some((ci) => !reachedStrong.has(ci))).toBe(true);
    for (const r of got) expect(reachedStrong.has(r.index)).toBe(true);
  });

  it('finds each wanted group’s best and the best of all as scoring every chunk would', () => {
    const groupOf = Int32Array.from(entries, (_, i) => (i % 11 === 0 ? -1 : Math.floor(i / 4)));
    for (const weights of queries) {
      const all = lex.scoreUnordered(weights, (c) => acceptDoc(c.documentId));
      const want = new Map<number, number>();
      let top = 0;
      for (const r of all) {
        const g = groupOf[r.index]!;
        if (g < 0) continue;
        want.set(g, Math.max(want.get(g) ?? 0, r.score));
        top = Math.max(top, r.score);
      }
      const wanted = [3, 40, 41, 500, 749];
      const got = lex.bestPerGroup(weights, acceptDoc, groupOf, wanted);
      expect(got.top).toBe(top);
      for (const g of wanted) expect(got.best.get(g) ?? 0).toBe(want.get(g) ?? 0);
      expect([...got.best.keys()].every((g) => wanted.includes(g))).toBe(true);
    }
  });

  it('leaves nothing behind between searches', () => {
    const first = queries.map((w) => lex.strongest(w, acceptDoc, 100));
    const groupOf = Int32Array.from(entries, (_, i) => Math.floor(i / 5));
    for (const w of queries) lex.bestPerGroup(w, acceptDoc, groupOf, [1, 2, 3]);
    expect(queries.map((w) => lex.strongest(w, acceptDoc, 100))).toEqual(first);
    expect(queries.map((w) => lex.scoreUnordered(w, () => true))).toEqual(queries.map((w) => LexicalIndex.build(entries).scoreUnordered(w, () => true)));
  });
});

import type { ChunkTerms, IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { LSA_DEFAULTS, LsaSpace, type LsaOptions } from './lsa.js';
import { contentTerms, isContentTerm } from './terms.js';

/**
 * Meaning learned from the library itself at index time (no downloaded weights), rebuilt with the
 * lexical index for every corpus version: a latent space (lsa.ts) in which an article's law text
 * and the member notes written beside it (corpus/articles/*.tsv) share dimensions, so that her
 * everyday words are near the law's words for the same thing.
 */
export interface Associations {
  lsa: LsaSpace;
  /**
   * The same articles, each also placed by the title of the division it stands in ("CHẾ ĐỘ THAI
   * SẢN", "THỪA KẾ THEO PHÁP LUẬT": an article's own title often leaves out the topic its chapter
   * names). It orders the first five only (rank/division-head.ts); absent when no article has such
   * a division.
   */
  placed?: LsaSpace;
  /** `${documentId}\u0000${articleKey}` → the article's position in the space. */
  articles: Map<string, number>;
  /** The lexical index's chunk (by position, as given to buildAssociations) → its article's position. */
  rowOfChunk: Int32Array;
  builtMs: number;
}

/**
 * Weight of the meaning cosine against the lexical score (both scaled to their best). Measured
 * against 0: blind R@5 0.842 → 0.858, MRR@10 0.724 → 0.734, answers citing gold 0.808 → 0.825
 * (dev MRR 0.865 → 0.854, R@5 unchanged); 0.5 lost on the blind set (R@10 0.917 → 0.900).
 */
export const MEANING_WEIGHT = 0.3;

/** Pointwise mutual information a pair of syllables needs to count as a word of the law. */
const MIN_PAIR_PMI = 1;

/**
 * Groups the index's chunks into articles and builds the space from each article's law terms
 * (body and title) and its notes' terms. An article without notes (an upload) is placed by its
 * own text; it is found through the law words that members' words are near. `divisions`, by
 * entry, holds the terms of the division title each chunk stands in (none for a division that
 * names no topic): they make the `placed` space, counted per chunk as its title is.
 */
export function buildAssociations(
  entries: readonly ChunkTerms[],
  notesOf: (documentId: string, articleKey: string) => readonly { text: string }[],
  opts: LsaOptions = LSA_DEFAULTS,
  divisions: readonly (readonly string[])[] = [],
): Associations {
  const t0 = performance.now();
  const articles = new Map<string, { documentId: string; articleKey: string; law: string[]; division: string[] }>();
  entries.forEach((e, i) => {
    const key = `${e.chunk.documentId}\u0000${e.chunk.articleKey}`;
    let a = articles.get(key);
    if (!a) articles.set(key, (a = { documentId: e.chunk.documentId, articleKey: e.chunk.articleKey, law: [], division: [] }));
    for (const t of e.fields.body) a.law.push(t);
    for (const t of e.fields.title) a.law.push(t);
    for (const t of divisions[i] ?? []) a.division.push(t);
  });
  const lawTerm = lawVocabulary(entries);
  const list = [...articles.values()];
  const notes = list.map((a) => notesOf(a.documentId, a.articleKey).flatMap((n) => contentTerms(n.text)));
  const lsa = LsaSpace.build(
    list.map((a, i) => ({ terms: [...a.law.filter(lawTerm), ...notes[i]!] })),
    opts,
  );
  const placed = list.some((a) => a.division.length)
    ? LsaSpace.build(
        list.map((a, i) => ({ terms: [...a.law.filter(lawTerm), ...a.division.filter(lawTerm), ...notes[i]!] })),
        opts,
      )
    : undefined;
  const rows = new Map([...articles.keys()].map((k, i) => [k, i]));
  const rowOfChunk = Int32Array.from(entries, (e) => rows.get(`${e.chunk.documentId}\u0000${e.chunk.articleKey}`)!);
  return { lsa, ...(placed ? { placed } : {}), articles: rows, rowOfChunk, builtMs: performance.now() - t0 };
}

/**
 * The law-side terms worth learning from. Every adjacent pair is indexed, and most pairs straddle
 * two words ("tội dâm ô đối với" gives "ô đối"); a pair counts when its syllables occur together
 * more often than chance (PMI over the whole library), a syllable when it is not a function word.
 * Terms with digits (article numbers in headers) say nothing about meaning.
 */
function lawVocabulary(entries: readonly ChunkTerms[]): (t: string) => boolean {
  const syl = new Map<string, number>();
  const pairs = new Map<string, { n: number; a: string; b: string }>();
  let total = 0;
  for (const e of entries) {
    for (const field of [e.fields.body, e.fields.title]) {
      // Both are the folded syllables followed by their adjacent pairs (ingest searchText, fieldTerms).
      const n = (field.length + 1) / 2;
      if (!Number.isInteger(n)) continue;
      for (let i = 0; i < n; i++) syl.set(field[i]!, (syl.get(field[i]!) ?? 0) + 1);
      total += n;
      for (let i = 0; i + 1 < n; i++) {
        const p = field[n + i]!;
        if (p !== field[i]! + field[i + 1]!) break;
        const c = pairs.get(p);
        if (c) c.n++;
        else pairs.set(p, { n: 1, a: field[i]!, b: field[i + 1]! });
      }
    }
  }
  const verdict = new Map<string, boolean>();
  return (t) => {
    let ok = verdict.get(t);
    if (ok === undefined) {
      const p = pairs.get(t);
      ok = isContentTerm(t) && !/\d/.test(t) && (p ? p.n >= 2 && Math.log((p.n * total) / (syl.get(p.a)! * syl.get(p.b)!)) >= MIN_PAIR_PMI : syl.has(t));
      verdict.set(t, ok);
    }
    return ok;
  };
}

/**
 * Adds to each chunk's score (scaled to the best, 1) the cosine between the question and the
 * chunk's article in the meaning space, scaled to the best cosine among the candidates, times
 * `weight`. The question's vector is made of the same weighted terms the lexical index scored.
 * The candidates keep their order: the caller sorts as many as it needs.
 */
export function withMeaning(
  assoc: Associations,
  chunks: readonly IndexedChunk[],
  ranked: ScoredChunk[],
  weights: ReadonlyMap<string, number>,
  weight = MEANING_WEIGHT,
): ScoredChunk[] {
  if (weight <= 0 || !ranked.length) return ranked;
  const q = assoc.lsa.queryVector(weights);
  if (!q) return ranked;
  // Chunks of one article share its cosine: computed once per article (the request's hot path),
  // kept in arrays by article that are reused between searches (a stamp tells this search's).
  const memo = memoOf(assoc);
  const stamp = ++memo.stamp;
  // Each candidate's cosine, in a scratch array kept between searches (a search is synchronous).
  if (memo.byCandidate.length < ranked.length) memo.byCandidate = new Float64Array(ranked.length);
  const cos = memo.byCandidate;
  let best = 0;
  // The candidates may come in any order: scale to the strongest, wherever it is.
  let top = 0;
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    if (r.score > top) top = r.score;
    const row = assoc.rowOfChunk[r.index];
    cos[i] = 0;
    if (row === undefined) continue;
    if (memo.seen[row] !== stamp) {
      memo.seen[row] = stamp;
      memo.cos[row] = Math.max(0, assoc.lsa.similarity(q, row));
    }
    const c = memo.cos[row]!;
    cos[i] = c;
    if (c > best) best = c;
  }
  if (best <= 0) return ranked;
  top ||= 1;
  return ranked.map((r, i) => ({ index: r.index, score: r.score / top + (weight * cos[i]!) / best }));
}

interface CosineMemo {
  cos: Float64Array;
  seen: Float64Array;
  stamp: number;
  byCandidate: Float64Array;
}
const memos = new WeakMap<Associations, CosineMemo>();

function memoOf(assoc: Associations): CosineMemo {
  let m = memos.get(assoc);
  if (!m) {
    const rows = assoc.articles.size;
    memos.set(assoc, (m = { cos: new Float64Array(rows), seen: new Float64Array(rows), stamp: 0, byCandidate: new Float64Array(0) }));
  }
  return m;
}

/**
 * How each candidate's meaning changes when its article is placed by its division's title as well
 * (Associations.placed): by the candidate's article row, `weight` × (its cosine in the placed space
 * − its cosine in the own space, each scaled to that space's best among the candidates), in
 * withMeaning's units. Null when there is nothing to compare (no placed space, or no meaning in either).
 */
export function placedShift(
  assoc: Associations,
  ranked: readonly ScoredChunk[],
  weights: ReadonlyMap<string, number>,
  weight: number,
): Map<number, number> | null {
  if (!assoc.placed || weight <= 0) return null;
  const qa = assoc.lsa.queryVector(weights);
  const qp = assoc.placed.queryVector(weights);
  if (!qa || !qp) return null;
  const own = new Map<number, number>();
  const placed = new Map<number, number>();
  let bestOwn = 0;
  let bestPlaced = 0;
  for (const r of ranked) {
    const row = assoc.rowOfChunk[r.index];
    if (row === undefined || own.has(row)) continue;
    const a = Math.max(0, assoc.lsa.similarity(qa, row));
    const p = Math.max(0, assoc.placed.similarity(qp, row));
    own.set(row, a);
    placed.set(row, p);
    if (a > bestOwn) bestOwn = a;
    if (p > bestPlaced) bestPlaced = p;
  }
  if (bestOwn <= 0 || bestPlaced <= 0) return null;
  const shift = new Map<number, number>();
  for (const [row, a] of own) shift.set(row, weight * (placed.get(row)! / bestPlaced - a / bestOwn));
  return shift;
}

import { FIELDS, type Field, type LexicalIndex, type ScoredChunk } from '../index/lexical-index.js';
import { firstArticles } from './first-articles.js';

/**
 * Contrast among the first candidates: her terms re-weighed by how well they tell the first
 * `depth` articles apart. A term every one of them contains says nothing about which is meant; a
 * term only one contains decides between them. For each term, a local IDF over the first articles
 * (ln(depth / how many of them contain it)) times its weight in the search; each of the first
 * articles gains `weight` × its sum over the terms it contains, scaled to the best such sum.
 *
 * Measured against 0 (dev R@1 0.816, MRR@10 0.865; blind R@1 0.658, R@5 0.892, MRR@10 0.751):
 * at 0.1 dev R@1 0.839, MRR 0.880 (only gains: definitions in PCBLGĐ and HN&GĐ Điều 3 over the
 * articles that use the term); blind R@1 0.675, R@5 0.892, MRR 0.758. At 0.15 and 0.2 dev fell
 * (MRR 0.858, 0.854); over the first 5 or 20 articles, dev MRR 0.878 / 0.874; the terms' BM25F
 * saturated frequencies instead of presence, dev MRR 0.873 at 0.1 and never above; a
 * Robertson–Spärck Jones local IDF, dev MRR 0.868.
 *
 * An upload without notes among the first articles: each law in turn stripped of its notes, its
 * own dev questions (97) were R@5 0.814, MRR 0.617 without contrast, 0.804 / 0.641 with it over
 * every field, and 0.845 / 0.660 comparing by the law text alone when one of the first has no notes.
 */
export const CONTRAST_WEIGHT = 0.1;
export const CONTRAST_DEPTH = 10;

const LAW_TEXT: readonly Field[] = ['body', 'title'];

/**
 * `ranked` (any order, every candidate's chunks) scaled to its best score, with the contrast bonus
 * on every chunk of the first `depth` articles; unchanged (the same array) when it cannot tell.
 * `articleOf`: chunk → article ordinal.
 */
export function withContrast(
  lex: LexicalIndex,
  articleOf: Int32Array,
  ranked: ScoredChunk[],
  weights: ReadonlyMap<string, number>,
  weight = CONTRAST_WEIGHT,
  depth = CONTRAST_DEPTH,
): ScoredChunk[] {
  if (weight <= 0 || ranked.length < 2) return ranked;
  const firsts = firstArticles(articleOf, ranked, depth);
  const n = firsts.length;
  if (n < 2) return ranked;
  // Compared like with like: when one of them has no member notes (an upload), by the law's own
  // text only — an article's notes would otherwise give it terms the others could not have.
  const fields = firsts.some((c) => lex.fieldLength(c.index, 'member').length === 0) ? LAW_TEXT : FIELDS;
  const mass = new Float64Array(n);
  const has = new Uint8Array(n);
  for (const [term, w] of weights) {
    if (w <= 0) continue;
    let df = 0;
    for (let a = 0; a < n; a++) df += has[a] = lex.contains(firsts[a]!.index, term, fields) ? 1 : 0;
    if (df === 0 || df === n) continue;
    const g = w * lex.idf(term) * Math.log(n / df);
    for (let a = 0; a < n; a++) if (has[a]) mass[a] = mass[a]! + g;
  }
  let best = 0;
  for (const m of mass) if (m > best) best = m;
  if (best <= 0) return ranked;
  const bonus = new Map<number, number>();
  for (let a = 0; a < n; a++) bonus.set(articleOf[firsts[a]!.index]!, (weight * mass[a]!) / best);
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  top ||= 1;
  return ranked.map((r) => ({ index: r.index, score: r.score / top + (bonus.get(articleOf[r.index]!) ?? 0) }));
}

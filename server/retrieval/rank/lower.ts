import type { ScoredChunk } from '../index/lexical-index.js';

/**
 * `ranked` with `share` of the best score taken from every chunk `lowered` picks: the shape of the
 * priors against an article she did not ask about (foreign.ts, children.ts). A share of the best, not
 * a factor, so the cost is the same whatever the chunk's own score.
 */
export function lowerWhere(ranked: ScoredChunk[], share: number, lowered: (index: number) => boolean): ScoredChunk[] {
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  const take = share * top;
  return ranked.map((r) => (lowered(r.index) ? { index: r.index, score: r.score - take } : r));
}

/** `ranked` with `share` of the best score added to every chunk `lifted` picks: the bonuses for what she asks (forbidden.ts, counts-as.ts). */
export function liftWhere(ranked: ScoredChunk[], share: number, lifted: (index: number) => boolean): ScoredChunk[] {
  return lowerWhere(ranked, -share, lifted);
}

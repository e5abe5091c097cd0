import type { ScoredChunk } from '../index/lexical-index.js';
import { kthLargest } from '../index/select.js';

/**
 * The best chunk of each of the first `depth` articles of `ranked`, best first, as a stable sort of
 * `ranked` by score would list them. Candidates come in any order: only as many of the best
 * chunks are sorted as those articles need. `articleOf`: chunk → article ordinal.
 */
export function firstArticles(articleOf: Int32Array, ranked: readonly ScoredChunk[], depth: number): ScoredChunk[] {
  for (let want = 4 * depth; ; want *= 4) {
    const head = bestChunks(ranked, want);
    const seen = new Set<number>();
    const out: ScoredChunk[] = [];
    for (const r of head) {
      if (r.score <= 0) break;
      const a = articleOf[r.index]!;
      if (seen.has(a)) continue;
      seen.add(a);
      out.push(r);
      if (out.length >= depth) break;
    }
    if (out.length >= depth || head.length === ranked.length) return out;
  }
}

/** The `n` best of `list` and every one tied with the last, stably sorted: the start of the whole list sorted. */
function bestChunks(list: readonly ScoredChunk[], n: number): ScoredChunk[] {
  if (list.length <= n) return [...list].sort(byScore);
  // The scores in a scratch array kept between searches (selection reorders it; a search is synchronous).
  if (scratch.length < list.length) scratch = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) scratch[i] = list[i]!.score;
  const border = kthLargest(scratch.subarray(0, list.length), n);
  return list.filter((r) => r.score >= border).sort(byScore);
}
let scratch = new Float64Array(0);

const byScore = (a: ScoredChunk, b: ScoredChunk) => b.score - a.score;

import type { ScoredChunk } from './index/lexical-index.js';

/**
 * How many lexical candidates go on to the phrasing and meaning stages. The bundled library has
 * about 1,200 chunks, so every candidate does; in a library fifty times larger a common word
 * touches tens of thousands of chunks, and rescoring all of them made a search 28 times slower.
 * A chunk that far down the lexical ranking cannot reach the first ten by the added evidence.
 */
export const MAX_CANDIDATES = 3000;

/** The `n` best-scored candidates (ties at the border kept), in no particular order; O(length). */
export function strongest(list: ScoredChunk[], n: number): ScoredChunk[] {
  if (list.length <= n) return list;
  const scores = Float64Array.from(list, (r) => r.score);
  const border = kthLargest(scores, n);
  return list.filter((r) => r.score >= border);
}

/** Quickselect: the k-th largest value (1-based) of `a`, which it reorders. */
export function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}

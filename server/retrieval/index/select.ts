/** Quickselect: the k-th largest value (1-based) of `a`, which it reorders; O(length) on average. */
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

/**
 * Of the first `length` scores (and their chunks, moved alike), those at least `floor` moved to the
 * front in the order they were in; returns how many.
 */
export function keepFrom(scores: Float64Array, chunks: Int32Array, length: number, floor: number): number {
  let m = 0;
  for (let i = 0; i < length; i++) {
    const v = scores[i]!;
    if (v < floor) continue;
    scores[m] = v;
    chunks[m++] = chunks[i]!;
  }
  return m;
}

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

const BUCKETS = 4096;
const counts = new Int32Array(BUCKETS);

/**
 * The k-th largest of the first `length` values of `a` (non-negative, `max` the largest), as
 * kthLargest() would give it, in about two sequential passes: a histogram finds the bucket the
 * k-th value falls in, and only the values from that bucket up are selected among (moved to the
 * front of `a`). Bucket numbers are monotone in the value, so those values are exactly the
 * largest ones.
 */
export function kthLargestOfMany(a: Float64Array, length: number, k: number, max: number): number {
  if (length < 4 * BUCKETS || max <= 0) return kthLargest(a.subarray(0, length), k);
  counts.fill(0);
  const scale = (BUCKETS - 1) / max;
  for (let i = 0; i < length; i++) counts[Math.floor(a[i]! * scale)]!++;
  let from = BUCKETS - 1;
  for (let seen = counts[from]!; seen < k; seen += counts[from]!) from--;
  let m = 0;
  for (let i = 0; i < length; i++) {
    const v = a[i]!;
    if (Math.floor(v * scale) >= from) a[m++] = v;
  }
  return kthLargest(a.subarray(0, m), k);
}

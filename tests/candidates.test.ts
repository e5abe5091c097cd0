import { describe, expect, it } from 'vitest';
import { kthLargest, kthLargestOfMany } from '../server/retrieval/index/select.js';

describe('selection of the k-th largest score', () => {
  const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('finds the k-th largest score as a full sort would, duplicates included', () => {
    const rand = seeded(7);
    for (const n of [1, 2, 10, 999, 5000]) {
      const values = Array.from({ length: n }, () => Math.round(rand() * 50) / 10);
      const sorted = [...values].sort((a, b) => b - a);
      for (const k of [1, Math.ceil(n / 2), n]) expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1]);
    }
  });

  it('finds the same value through a histogram over many scores, ties at the border included', () => {
    const rand = seeded(11);
    for (const n of [20_000, 60_000]) {
      // Coarse values: many equal scores around every border.
      const values = Array.from({ length: n }, () => Math.round(rand() ** 3 * 400) / 37);
      const sorted = [...values].sort((a, b) => b - a);
      const max = sorted[0]!;
      for (const k of [1, 10, 3000, n - 1, n]) {
        const a = new Float64Array(n + 5);
        a.set(values);
        expect(kthLargestOfMany(a, n, k, max)).toBe(sorted[k - 1]);
      }
    }
  });
});

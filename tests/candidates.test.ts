import { describe, expect, it } from 'vitest';
import { kthLargest } from '../server/retrieval/index/select.js';

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
});

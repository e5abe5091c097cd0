import { describe, expect, it } from 'vitest';
import { kthLargest, strongest } from '../server/retrieval/candidates.js';

describe('lexical candidates kept for the later stages', () => {
  const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('finds the k-th largest score as a full sort would, duplicates included', () => {
    const rand = seeded(7);
    for (const n of [1, 2, 10, 999, 5000]) {
      const values = Array.from({ length: n }, () => Math.round(rand() * 50) / 10);
      const sorted = [...values].sort((a, b) => b - a);
      for (const k of [1, Math.ceil(n / 2), n]) expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1]);
    }
  });

  it('keeps every candidate of a small library, and the n best (ties at the border) of a large one', () => {
    // Distinct scores in a shuffled order (7919 is prime to 20,000).
    const list = Array.from({ length: 20_000 }, (_, index) => ({ index, score: ((index * 7919) % 20_000) / 20_000 }));
    expect(strongest(list.slice(0, 100), 3000)).toHaveLength(100);
    const kept = strongest(list, 3000);
    expect(kept).toHaveLength(3000);
    expect(Math.min(...kept.map((r) => r.score))).toBe(17_000 / 20_000);
    const tied = [...list.slice(0, 10), ...Array.from({ length: 5 }, (_, i) => ({ index: 100 + i, score: -1 }))].map((r) => ({
      ...r,
      score: r.score < 0 ? 0.5 : 1,
    }));
    expect(strongest(tied, 12)).toHaveLength(15);
  });
});

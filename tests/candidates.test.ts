import { describe, expect, it } from 'vitest';
import { keepFrom, kthLargest } from '../server/retrieval/index/select.js';

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

  it('keeps the scores at or above a floor with their chunks, in the order they were in, ties included', () => {
    const scores = Float64Array.from([3, 1, 2, 2, 5, 0.5, 2, 9]);
    const chunks = Int32Array.from([10, 11, 12, 13, 14, 15, 16, 17]);
    const m = keepFrom(scores, chunks, 7, 2);
    expect(m).toBe(5);
    expect([...scores.subarray(0, m)]).toEqual([3, 2, 2, 5, 2]);
    expect([...chunks.subarray(0, m)]).toEqual([10, 12, 13, 14, 16]);
    // Past \`length\` nothing is read.
    expect(chunks[7]).toBe(17);
  });
});

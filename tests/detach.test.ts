import { describe, expect, it } from 'vitest';
import { detach } from '../ingest/text/detach.js';
import { fold } from '../ingest/text/vietnamese.js';

/** detach() copies strings kept in memos and results; the copy must be exactly the string. */
describe('detach', () => {
  it('returns the same text for short, long, Vietnamese and astral strings cut from a larger text', () => {
    const doc = `${'Điều 51. Quyền yêu cầu giải quyết việc ly hôn 😀 '.repeat(200)}số 52/2014/QH13`;
    for (const [from, to] of [
      [0, 0],
      [0, 5],
      [3, 16],
      [10, 34],
      [45, 49],
      [doc.length - 15, doc.length],
      [0, doc.length],
    ] as const) {
      const s = doc.slice(from, to);
      expect(detach(s)).toBe(s);
      expect(detach(s).length).toBe(to - from);
    }
  });

  it('leaves fold() memoised results unchanged for words cut from a document', () => {
    const doc = 'Người yêu cầu: Toà án nhân dân cấp huyện; NGHỊ-ĐỊNH-126/2014/NĐ-CP';
    const words = doc.split(/[\s;:]+/);
    const first = words.map((w) => fold(w));
    expect(words.map((w) => fold(w))).toEqual(first);
    expect(first).toContain('nghi-dinh-126/2014/nd-cp');
  });
});

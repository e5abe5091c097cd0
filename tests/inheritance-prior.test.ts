import { describe, expect, it } from 'vitest';
import type { IndexedChunk } from '../server/retrieval/index/lexical-index.js';
import { INHERITANCE_UNASKED_PENALTY, namesDeath, withoutInheritanceUnasked } from '../server/retrieval/rank/inheritance.js';

const chunks = [
  { id: 1, documentId: 'hngd', articleKey: '56' },
  { id: 2, documentId: 'blds', articleKey: '655', inheritance: true },
] as unknown as IndexedChunk[];

describe('inheritance when she names no death (rank/inheritance.ts)', () => {
  it('hears a death, a will, an estate or what someone leaves, with or without dấu', () => {
    expect(namesDeath('chồng em mất không để lại di chúc')).toBe(true);
    expect(namesDeath('bo e qua doi, nha dat chia the nao')).toBe(true);
    expect(namesDeath('đất của bố mẹ chia cho ai')).toBe(true);
    expect(namesDeath('vợ chồng ly thân 2 năm rồi chồng có con riêng thì em đòi được gì')).toBe(false);
  });

  it('lowers a division on inheritance only when she names no death', () => {
    const ranked = [
      { index: 0, score: 0.95 },
      { index: 1, score: 1 },
    ];
    const living = withoutInheritanceUnasked(chunks, ranked, 'vợ chồng ly thân rồi chồng có con riêng thì em đòi được gì');
    expect(living.find((r) => r.index === 1)!.score).toBeCloseTo(1 - INHERITANCE_UNASKED_PENALTY);
    expect(living.find((r) => r.index === 0)!.score).toBe(0.95);
    expect(withoutInheritanceUnasked(chunks, ranked, 'chồng em chết thì em đòi được gì')).toBe(ranked);
  });
});

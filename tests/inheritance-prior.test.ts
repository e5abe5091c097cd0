import { describe, expect, it } from 'vitest';
import type { IndexedChunk } from '../server/retrieval/index/lexical-index.js';
import { INHERITANCE_UNASKED_PENALTY, asksEstate, withoutInheritanceUnasked } from '../server/retrieval/rank/inheritance.js';
import { analyzeQuery } from '../server/retrieval/query.js';

const chunks = [
  { id: 1, documentId: 'hngd', articleKey: '56' },
  { id: 2, documentId: 'blds', articleKey: '655', inheritance: true },
] as unknown as IndexedChunk[];

describe('inheritance when she does not ask about it (rank/inheritance.ts)', () => {
  it('hears a will, an estate or what someone leaves, or a death beside property, a share or a debt, with or without dấu', () => {
    expect(asksEstate('chồng em mất không để lại di chúc')).toBe(true);
    expect(asksEstate('bo e qua doi, nha dat chia the nao')).toBe(true);
    expect(asksEstate('đất của bố mẹ chia cho ai')).toBe(true);
    expect(asksEstate('vợ chồng ly thân 2 năm rồi chồng có con riêng thì em đòi được gì')).toBe(false);
    expect(asksEstate('vo toi mat roi, giu so tiet kiem cua co ay thi sao')).toBe(true);
    expect(asksEstate('chồng tôi qua đời, ngân hàng bắt tôi trả nợ thay')).toBe(true);
  });

  it('hears a death told as the background of another question as no inheritance', () => {
    const background = [
      'chồng tôi qua đời năm ngoái, giờ tôi lấy chồng mới thì bố mẹ chồng cũ có cấm được không',
      'ck mat roi, ong ba noi khong cho e dua con ve ngoai',
      'chồng chết ở viện huyện thì làm khai tử ở đâu',
    ];
    for (const q of background) {
      const a = analyzeQuery(q);
      expect(asksEstate(a.tokens.join(' '))).toBe(false);
      // The death rows of the thesaurus read no inheritance alone (vocabulary.tsv, conditional).
      expect(a.concepts.join(' ')).not.toMatch(/thừa kế|di sản/);
      expect(asksEstate(a.tokens.join(' '), a.topics)).toBe(false);
    }
    // Beside a word of inheritance the death reads it: a will told by mouth, a debt, land.
    for (const q of ['bố tôi dặn miệng trước khi mất là cho tôi cái xe máy', 'chồng mất, nhà chồng đòi lấy hết đất']) {
      const a = analyzeQuery(q);
      expect(asksEstate(a.tokens.join(' '), a.topics)).toBe(true);
    }
    expect(analyzeQuery('chồng mất, nhà chồng đòi lấy hết đất').concepts.join(' ')).toMatch(/thừa kế/);
  });

  it('lowers a division on inheritance only when she does not ask about it', () => {
    const ranked = [
      { index: 0, score: 0.95 },
      { index: 1, score: 1 },
    ];
    const living = withoutInheritanceUnasked(chunks, ranked, asksEstate('vợ chồng ly thân rồi chồng có con riêng thì em đòi được gì'));
    expect(living.find((r) => r.index === 1)!.score).toBeCloseTo(1 - INHERITANCE_UNASKED_PENALTY);
    expect(living.find((r) => r.index === 0)!.score).toBe(0.95);
    expect(withoutInheritanceUnasked(chunks, ranked, asksEstate('chồng em chết thì em đòi được gì'))).toBe(ranked);
  });
});

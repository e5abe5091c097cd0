import { describe, expect, it } from 'vitest';
import type { IndexedChunk } from '../server/retrieval/index/lexical-index.js';
import { CHILD_UNASKED_PENALTY, aboutChildren, namesChild, withoutChildrenUnasked } from '../server/retrieval/rank/children.js';

const chunks = [
  { id: 1, documentId: 'pcblgd', articleKey: '19' },
  { id: 2, documentId: 'treem', articleKey: '51' },
] as unknown as IndexedChunk[];
const docs = new Map([
  ['pcblgd', { title: 'Luật Phòng, chống bạo lực gia đình' }],
  ['treem', { title: 'Luật Trẻ em' }],
]);

describe('a law about children when she names no child (rank/children.ts)', () => {
  it('hears a child in kinship words, pupils and ages under 18, with or without dấu', () => {
    expect(namesChild('con em bị bố đánh thì báo ai')).toBe(true);
    expect(namesChild('chau 15 tuoi bi du di lam')).toBe(true);
    expect(namesChild('học sinh lớp 7 bị bạn đánh')).toBe(true);
    expect(namesChild('ck say rượu về là đánh e, e phải báo cho ai')).toBe(false);
    expect(namesChild('em 20 tuổi bị người quen hiếp')).toBe(false);
  });

  it('knows a document about children by its title, not a code that names children among others', () => {
    expect(aboutChildren({ title: 'Luật Trẻ em' })).toBe(true);
    expect(aboutChildren({ title: 'Nghị định quy định chi tiết một số điều của Luật Trẻ em' })).toBe(true);
    expect(aboutChildren({ title: 'Bộ luật Hình sự (trích các điều liên quan phụ nữ, trẻ em, gia đình)' })).toBe(false);
  });

  it("lowers the children's law only when she names no child", () => {
    const ranked = [
      { index: 0, score: 0.95 },
      { index: 1, score: 1 },
    ];
    const adult = withoutChildrenUnasked(chunks, docs, ranked, 'ck say rượu về là đánh e, e phải báo cho ai');
    expect(adult.find((r) => r.index === 1)!.score).toBeCloseTo(1 - CHILD_UNASKED_PENALTY);
    expect(adult.find((r) => r.index === 0)!.score).toBe(0.95);
    expect(withoutChildrenUnasked(chunks, docs, ranked, 'ck say rượu về là đánh con, e phải báo cho ai')).toBe(ranked);
  });

  it('lowers an offence against a child of an age its title names, in a code about everyone, only when she names no child', () => {
    const code = [
      { id: 3, documentId: 'blhs', articleKey: '141' },
      { id: 4, documentId: 'blhs', articleKey: '142', ages: [0, 16] },
    ] as unknown as IndexedChunk[];
    const codeDocs = new Map([['blhs', { title: 'Bộ luật Hình sự (trích các điều liên quan phụ nữ, trẻ em, gia đình)' }]]);
    const ranked = [
      { index: 0, score: 0.97 },
      { index: 1, score: 1 },
    ];
    const adult = withoutChildrenUnasked(code, codeDocs, ranked, 'chong ep em quan he khi em khong muon');
    expect(adult.find((r) => r.index === 1)!.score).toBeCloseTo(1 - CHILD_UNASKED_PENALTY);
    expect(adult.find((r) => r.index === 0)!.score).toBe(0.97);
    expect(withoutChildrenUnasked(code, codeDocs, ranked, 'con gái em 14 tuổi bị ép quan hệ')).toBe(ranked);
  });
});

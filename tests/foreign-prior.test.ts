import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, fieldTerms } from '../server/retrieval/index/corpus-index.js';
import { LexicalIndex, type ChunkTerms } from '../server/retrieval/index/lexical-index.js';
import { FOREIGN_UNASKED_PENALTY, mentionsForeign, withoutForeignUnasked } from '../server/retrieval/rank/foreign.js';

/** A domestic article and a foreign-element one, as the index holds their titles and bodies. */
const ARTICLES = [
  { title: 'Điều kiện đối với người nhận con nuôi', body: 'Cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.' },
  { title: 'Các trường hợp nuôi con nuôi có yếu tố nước ngoài', body: 'Là cô, cậu, dì, chú, bác ruột của người được nhận làm con nuôi.' },
];

function index(): LexicalIndex {
  const entries: ChunkTerms[] = ARTICLES.map((a, i) => ({
    chunk: { id: i + 1, documentId: 'd', articleKey: String(i) },
    fields: { body: fieldTerms(a.body), title: fieldTerms(a.title), member: [] },
  }));
  return LexicalIndex.build(entries);
}

describe('a foreign element she did not mention (rank/foreign.ts)', () => {
  it('hears a foreign element in countries, working abroad and "nước ngoài", with or without dấu', () => {
    expect(mentionsForeign('em lấy chồng người Trung Quốc, muốn về Việt Nam ly hôn')).toBe(true);
    expect(mentionsForeign('chong di xuat khau lao dong 5 nam')).toBe(true);
    expect(mentionsForeign('người nước ngoài xin con nuôi')).toBe(true);
    expect(mentionsForeign('chồng em đi Lào làm thuê')).toBe(true);
    // A country whose folded name is a common word counts only with its dấu: "lao động", "giáo dục".
    // A nationality as members say it: "ck người Hàn", "lấy chồng Tàu", "đi Hàn làm".
    expect(mentionsForeign('ck nguoi Han ve nuoc roi, e muon ly hon')).toBe(true);
    expect(mentionsForeign('em lấy chồng Tàu, giờ muốn đưa con về quê')).toBe(true);
    expect(mentionsForeign('chồng đi Hàn làm 3 năm không gửi tiền về')).toBe(true);
    // "hạn", "tàu" and "Hoa" as common words are not foreign.
    expect(mentionsForeign('thời hạn kháng cáo là bao lâu')).toBe(false);
    expect(mentionsForeign('chồng em làm trên tàu đánh cá')).toBe(false);
    expect(mentionsForeign('em là lao động nữ, công ty giáo dục')).toBe(false);
    expect(mentionsForeign('muốn nhận con nuôi là cháu ruột thì thủ tục thế nào')).toBe(false);
  });

  it('lowers the foreign-element article only when she says nothing foreign', () => {
    const lex = index();
    const ranked = [
      { index: 0, score: 0.95 },
      { index: 1, score: 1 },
    ];
    const domestic = withoutForeignUnasked(lex, ranked, 'muốn nhận cháu ruột làm con nuôi');
    expect(domestic.find((r) => r.index === 1)!.score).toBeCloseTo(1 - FOREIGN_UNASKED_PENALTY);
    expect(domestic.find((r) => r.index === 0)!.score).toBe(0.95);
    expect(withoutForeignUnasked(lex, ranked, 'Việt kiều muốn nhận cháu ruột làm con nuôi')).toBe(ranked);
  });

  it('reads an article in a chapter about a foreign element as foreign, though its own title is not', () => {
    const row = (id: number, article: string, path: string[]) => ({
      id,
      document_id: 'nuoi-con-nuoi',
      article,
      section: null,
      path,
      article_title: 'Hồ sơ của người nhận con nuôi',
      heading: null,
      clauses: [],
      search_text: fieldTerms('Hồ sơ của người nhận con nuôi gồm đơn xin nhận con nuôi').join(' '),
    });
    const idx = buildCorpusIndex({
      version: '1',
      docs: [],
      notes: [],
      chunks: [row(1, '17', ['Chương II NUÔI CON NUÔI TRONG NƯỚC']), row(2, '31', ['Chương III NUÔI CON NUÔI CÓ YẾU TỐ NƯỚC NGOÀI'])],
      readingTexts: [],
      readMs: 0,
    });
    const at = (article: string) => idx.lexical.chunks.findIndex((c) => c.articleKey === article);
    const ranked = [
      { index: at('17'), score: 0.9 },
      { index: at('31'), score: 1 },
    ];
    const domestic = withoutForeignUnasked(idx.lexical, ranked, 'nhận con nuôi cần giấy tờ gì');
    expect(domestic.find((r) => r.index === at('31'))!.score).toBeCloseTo(1 - FOREIGN_UNASKED_PENALTY);
    expect(domestic.find((r) => r.index === at('17'))!.score).toBe(0.9);
    expect(withoutForeignUnasked(idx.lexical, ranked, 'người nước ngoài nhận con nuôi cần giấy tờ gì')).toBe(ranked);
  });
});

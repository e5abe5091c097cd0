import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../server/retrieval/query.js';
import { buildCorpusIndex, fieldTerms } from '../server/retrieval/index/corpus-index.js';
import { namesForeignPerson } from '../server/retrieval/rank/foreign.js';
import { orderTitleTwins, titleTwins } from '../server/retrieval/rank/title-twins.js';

/** Articles as the index builds them: one rule per regime under one title, and an article with no twin. */
function index() {
  const row = (id: number, document: string, article: string, title: string, path: string[], text: string) => ({
    id,
    document_id: document,
    article,
    section: null,
    path,
    article_title: title,
    heading: null,
    clauses: [],
    search_text: fieldTerms(`${title} ${text}`).join(' '),
  });
  const compulsory = ['Chương V. BẢO HIỂM XÃ HỘI BẮT BUỘC', 'Mục 4. CHẾ ĐỘ HƯU TRÍ'];
  const voluntary = ['Chương VI. BẢO HIỂM XÃ HỘI TỰ NGUYỆN', 'Mục 2. CHẾ ĐỘ HƯU TRÍ'];
  return buildCorpusIndex({
    version: '1',
    docs: [],
    notes: [],
    chunks: [
      row(1, 'bhxh', '64', 'Đối tượng và điều kiện hưởng lương hưu', compulsory, 'đóng đủ 15 năm'),
      row(2, 'bhxh', '66', 'Mức lương hưu hằng tháng', compulsory, 'bằng 45% mức bình quân'),
      row(3, 'bhxh', '98', 'Đối tượng và điều kiện hưởng lương hưu', voluntary, 'đóng đủ 15 năm'),
      row(4, 'ht', '24', 'Thẩm quyền đăng ký nhận cha, mẹ, con', ['Chương II. ĐĂNG KÝ HỘ TỊCH TẠI UỶ BAN NHÂN DÂN CẤP XÃ'], 'ủy ban cấp xã'),
      row(
        5,
        'ht',
        '43',
        'Thẩm quyền đăng ký nhận cha, mẹ, con',
        ['Chương III. ĐĂNG KÝ HỘ TỊCH TẠI ỦY BAN NHÂN DÂN CẤP HUYỆN'],
        'giữa công dân Việt Nam với người nước ngoài',
      ),
    ],
    readingTexts: [],
    readMs: 0,
  });
}

describe('one rule told per regime under one title (rank/title-twins.ts)', () => {
  it('pairs the twins by title within a document, the first as the general one, and marks them by the chapter words only they hold', () => {
    const twins = titleTwins([
      { documentId: 'bhxh', articleKey: '64', title: 'Đối tượng và điều kiện hưởng lương hưu', path: ['Chương V. BẢO HIỂM XÃ HỘI BẮT BUỘC'], text: 'dong du' },
      {
        documentId: 'bhxh',
        articleKey: '98',
        title: 'Đối tượng và điều kiện hưởng lương hưu',
        path: ['Chương VI. BẢO HIỂM XÃ HỘI TỰ NGUYỆN'],
        text: 'dong du',
      },
      { documentId: 'other', articleKey: '5', title: 'Đối tượng và điều kiện hưởng lương hưu', path: [], text: '' },
      { documentId: 'bhxh', articleKey: '66', title: 'Mức lương hưu hằng tháng', path: ['Chương V. BẢO HIỂM XÃ HỘI BẮT BUỘC'], text: '' },
    ]);
    expect(twins[0]).toMatchObject({ general: true, marks: ['batbuoc'], foreign: false });
    // "hoitu" spans "xã hội" and "tự nguyện": no mark.
    expect(twins[1]).toMatchObject({ general: false, marks: ['tunguyen'], foreign: false });
    expect(twins[0]!.group).toBe(twins[1]!.group);
    // Another document's article of the same title, and an article alone with its title, have no twin.
    expect(twins[2]).toBeUndefined();
    expect(twins[3]).toBeUndefined();
  });

  it('moves the twin she asks about to just before its first twin, and leaves every other article in place', () => {
    const idx = index();
    const chunks = idx.lexical.chunks;
    const at = (article: string) => chunks.findIndex((c) => c.articleKey === article);
    const top = [
      { index: at('98'), score: 1 },
      { index: at('66'), score: 0.9 },
      { index: at('64'), score: 0.8 },
    ];
    const order = (question: string) => orderTitleTwins(chunks, top, new Set(analyzeQuery(question).pairs), question).map((r) => chunks[r.index]!.articleKey);
    // Neither regime named: the general one (compulsory insurance) is the one she asks about.
    expect(order('đóng bảo hiểm 12 năm rồi nghỉ, đến tuổi già có được lương hưu không')).toEqual(['64', '98', '66']);
    expect(orderTitleTwins(chunks, top, new Set(analyzeQuery('dong bh 12 nam').pairs), 'dong bh 12 nam')[0]).toEqual({ index: at('64'), score: 1 });
    // She names voluntary insurance, with or without dấu: nothing moves.
    expect(order('đóng bảo hiểm tự nguyện 20 năm thì có lương hưu không')).toEqual(['98', '66', '64']);
    expect(orderTitleTwins(chunks, top, new Set(analyzeQuery('dong bao hiem tu nguyen').pairs), 'dong bao hiem tu nguyen')).toBe(top);
  });

  it('takes the foreign twin when she says something foreign, and the commune one otherwise', () => {
    const idx = index();
    const chunks = idx.lexical.chunks;
    const at = (article: string) => chunks.findIndex((c) => c.articleKey === article);
    expect(chunks[at('43')]!.twin).toMatchObject({ general: false, foreign: true });
    const top = [
      { index: at('24'), score: 1 },
      { index: at('43'), score: 0.9 },
    ];
    const first = (question: string) => chunks[orderTitleTwins(chunks, top, new Set(analyzeQuery(question).pairs), question)[0]!.index]!.articleKey;
    expect(first('con em đẻ với người Trung Quốc, giờ anh ấy muốn nhận con thì làm ở đâu')).toBe('43');
    expect(first('chồng em muốn nhận con thì đăng ký ở đâu')).toBe('24');
    // A Vietnamese fiancé working in Korea is a place abroad, not a foreign person: the commune's twin.
    expect(first('chồng sắp cưới của em đang đi làm ở Hàn Quốc, anh ấy muốn nhận con thì đăng ký ở đâu')).toBe('24');
  });

  it('hears a foreign person, not a place abroad or a word that folds like a country', () => {
    for (const q of ['con e de voi 1 nguoi Trung Quoc', 'lấy chồng Đài Loan', 'chồng em là Việt kiều', 'em lấy chồng người Lào', 'ck e nguoi Nhat'])
      expect(namesForeignPerson(q), q).toBe(true);
    for (const q of ['ck e di xuat khau lao dong ben Han Quoc', 'người lao động nữ nghỉ thai sản', 'nguoi han che nang luc hanh vi', 'chị Hoa nhà bên'])
      expect(namesForeignPerson(q), q).toBe(false);
  });
});

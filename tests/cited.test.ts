import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusFromText } from '../ingest/parse/header.js';
import { citableLibrary, readCited, readShortForms, type CitableDocument } from '../server/retrieval/cited.js';

/** The bundled library as the reader sees it: each file's header, as ingest reads it. */
function bundled(): CitableDocument[] {
  return fs
    .readdirSync('corpus')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const head = fs.readFileSync(path.join('corpus', f), 'utf8').normalize('NFC').split('\n\n')[0]!;
      const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(head)?.[1]?.trim() ?? '';
      const status = statusFromText(field('status'), field('replaced_by') || undefined);
      return { id: f.replace(/\.txt$/, ''), number: field('number'), title: field('title'), type: field('type'), issued: field('issued'), status };
    });
}

const library = citableLibrary(bundled());
const named = (q: string) => readCited(q, library)?.documents ?? [];
const articles = (q: string) => (readCited(q, library)?.articles ?? []).map((a) => [a.documentId, a.article, a.clause, a.point]);

const HNGD = 'luat-hon-nhan-va-gia-dinh-2014';
const BLLD = 'bo-luat-lao-dong-2019';
const ND144 = 'nghi-dinh-144-2021-trich';
const ND282 = 'nghi-dinh-282-2025-trich';

describe('a law she names (retrieval/cited.ts)', () => {
  it('reads a law by its title, with or without dấu, "và" and commas', () => {
    expect(named('điều 51 luật hôn nhân và gia đình nói gì')).toEqual([HNGD]);
    expect(named('theo luat hon nhan gia dinh thi sao')).toEqual([HNGD]);
    expect(named('Luật Phòng, chống bạo lực gia đình quy định…')).toEqual(['luat-phong-chong-bao-luc-gia-dinh-2022']);
    expect(named('luat phong chong bao luc gia dinh')).toEqual(['luat-phong-chong-bao-luc-gia-dinh-2022']);
    // "luật" for a Bộ luật, and the first words of a title only one title starts with.
    expect(named('luật lao động nghỉ đẻ mấy tháng')).toEqual([BLLD]);
    expect(named('luật hôn nhân quy định chia tài sản thế nào')).toEqual([HNGD]);
  });

  it('reads a law by its số hiệu, whole or in part', () => {
    expect(named('theo 52/2014/QH13 thì sao')).toEqual([HNGD]);
    expect(named('nghị định 144/2021 phạt bao nhiêu')).toEqual([ND144]);
    expect(named('theo nghị định 144 chồng đánh vợ phạt bao nhiêu')).toEqual([ND144]);
    expect(named('NĐ 144 phạt bao nhiêu')).toEqual([ND144]);
    expect(named('nđ144 phat bao nhieu')).toEqual([ND144]);
    expect(named('Nghị định 282 phạt bao nhiêu')).toEqual([ND282]);
    expect(named('luật số 52/2014 nói gì về ly hôn')).toEqual([HNGD]);
    // Two laws of the library are numbered 52: without the year she names both.
    expect(named('luật số 52 nói gì')).toEqual([HNGD, 'luat-nuoi-con-nuoi-2010']);
  });

  it('reads a common short form, after the type unless the form holds it', () => {
    expect(named('theo Điều 81 Luật HNGĐ con ở với ai')).toEqual([HNGD]);
    expect(named('đ.51 luật hn&gđ')).toEqual([HNGD]);
    expect(named('luat hn va gd')).toEqual([HNGD]);
    expect(named('khoản 1 điều 139 BLLĐ')).toEqual([BLLD]);
    expect(named('luật BHXH mới nghỉ thai sản mấy tháng')).toEqual(['luat-bao-hiem-xa-hoi-2024']);
    // The insurance, not the law; a law not in the library names nothing.
    expect(named('công ty không đóng bhxh cho em')).toEqual([]);
    expect(named('luật tgpl ai được trợ giúp miễn phí')).toEqual([]);
  });

  it('every short form reads its example as naming a law when the library holds it', () => {
    const forms = readShortForms();
    expect(forms.length).toBeGreaterThan(10);
    const inLibrary = forms.filter((f) => f.stands.length && named(`luật ${f.stands.join(' ')}`).length);
    expect(inLibrary.length).toBeGreaterThan(8);
    for (const f of inLibrary) expect(named(f.example), f.example).not.toEqual([]);
  });

  it('reads a year as the version she means', () => {
    expect(named('luật đất đai 2024 chia đất cho con')).toEqual(['luat-dat-dai-2024-trich']);
    expect(articles('bộ luật lao động 2019 điều 137')).toEqual([[BLLD, '137', null, null]]);
    expect(articles('bộ luật lao động năm 2019 điều 137')).toEqual([[BLLD, '137', null, null]]);
    // Another version of the law: named (its successor in the library is close), its article not forced.
    expect(named('luật hôn nhân gia đình 2000 điều 51')).toEqual([HNGD]);
    expect(articles('điều 51 luật hôn nhân gia đình 2000')).toEqual([]);
  });

  it('reads the article, khoản and điểm beside the law, before or after it', () => {
    expect(articles('điều 51 luật hôn nhân và gia đình nói gì')).toEqual([[HNGD, '51', null, null]]);
    expect(articles('khoan 1 dieu 139 bo luat lao dong')).toEqual([[BLLD, '139', '1', null]]);
    expect(articles('điểm a khoản 2 Điều 59 của Bộ luật Lao động')).toEqual([[BLLD, '59', '2', 'a']]);
    expect(articles('bộ luật lao động điều 139 khoản 1')).toEqual([[BLLD, '139', '1', null]]);
    expect(articles('đ.51 luật hn&gđ')).toEqual([[HNGD, '51', null, null]]);
    expect(articles('đ 51 luật hngđ')).toEqual([[HNGD, '51', null, null]]);
  });

  it('does not read "điều" the common word, a bare "luật" or "nghị định", a phone number, an age or an amount', () => {
    expect(readCited('điều kiện ly hôn là gì', library)).toBeNull();
    expect(readCited('em muốn hỏi một điều, điều này có đúng luật không', library)).toBeNull();
    expect(readCited('luật có cho chồng đánh vợ không', library)).toBeNull();
    // "luật" inside another word: discipline at work, the law in general.
    expect(readCited('có những hình thức kỷ luật lao động nào', library)).toBeNull();
    expect(readCited('vi phạm pháp luật lao động bị xử lý thế nào', library)).toBeNull();
    // Two decrees are in force: "nghị định" alone names neither.
    expect(readCited('nghị định phạt chồng đánh vợ bao nhiêu', library)).toBeNull();
    expect(articles('gọi số 0912345678 theo luật hôn nhân gia đình')).toEqual([]);
    expect(articles('luật lao động điều 18 tuổi được đi làm chưa')).toEqual([]);
    expect(articles('theo luật hngđ khoản 5 triệu tiền nuôi con có đúng không')).toEqual([]);
    expect(articles('luật hngđ có 2 điều 3 đứa con')).toEqual([]);
    // "đ" alone is an article only right before a law; a date is no số hiệu.
    expect(articles('luật hôn nhân gia đình đ 51')).toEqual([]);
    expect(readCited('ngày 15/12/2025 em ly hôn', library)).toBeNull();
  });

  it('with one decree in force, "nghị định" alone names it', () => {
    const one = citableLibrary(bundled().filter((d) => d.id !== 'nghi-dinh-56-2017'));
    expect(readCited('nghị định phạt chồng đánh vợ bao nhiêu', one)?.documents).toEqual([ND282]);
  });

  it('names an uploaded law by its own title', () => {
    const lib = citableLibrary([
      ...bundled(),
      { id: 'tgpl', number: '11/2017/QH14', title: 'Luật Trợ giúp pháp lý', type: 'Luật', issued: '2017-06-20', status: 'in_force' },
    ]);
    expect(readCited('điều 7 luật tgpl ai được trợ giúp', lib)).toEqual({
      documents: ['tgpl'],
      articles: [{ documentId: 'tgpl', article: '7', clause: null, point: null }],
    });
    expect(readCited('luat tro giup phap ly', lib)?.documents).toEqual(['tgpl']);
    // The first words of a long title are not its name: "luật bảo vệ" is no law named.
    const long = citableLibrary([
      { id: 'ntd', number: '19/2023/QH15', title: 'Luật Bảo vệ quyền lợi người tiêu dùng', type: 'Luật', issued: '2023-06-20', status: 'in_force' },
    ]);
    expect(readCited('luật bảo vệ em không', long)).toBeNull();
    expect(readCited('luật bảo vệ quyền lợi người tiêu dùng', long)?.documents).toEqual(['ntd']);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkStructure, articleHeading, joinArticlePieces } from '../ingest/chunk/chunker.js';
import { parseText } from '../ingest/parse/text.js';
import { reflowPages, startsParagraph } from '../ingest/parse/reflow.js';
import { parseLegalStructure, parseSections, parseStructure } from '../ingest/structure/legal.js';
import type { Structure } from '../ingest/types.js';
import { LAW_PARAGRAPHS, LAW_PRINTED, PLAN_TEXT } from './fixtures/documents.js';

const SHARED = path.resolve(import.meta.dirname, '../../shared/corpus');
const BUNDLED = path.resolve(import.meta.dirname, '../corpus');
const txt = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
const sharedFiles = txt(SHARED);
// Every shared text, and the bundled texts that exist only here (found by look-up later).
const corpusFiles = [
  ...sharedFiles.map((f) => path.join(SHARED, f)),
  ...txt(BUNDLED)
    .filter((f) => !sharedFiles.includes(f))
    .map((f) => path.join(BUNDLED, f)),
];

/** The real article counts of the complete laws and decrees (official texts). */
const FULL_COUNTS: Record<string, number> = {
  '13/2022/QH15': 56,
  '52/2014/QH13': 133,
  '73/2006/QH11': 44,
  '102/2016/QH13': 106,
  '45/2019/QH14': 220,
  '41/2024/QH15': 141,
  '56/2017/NĐ-CP': 58,
  '60/2014/QH13': 77,
  '52/2010/QH12': 52,
  '11/2017/QH14': 48,
};

/** "1-6; 52-68" → ['1', …, '6', '52', …, '68'] */
function expandRanges(spec: string): string[] {
  return spec.split(/[;,]/).flatMap((part) => {
    const [a, b] = part
      .trim()
      .split(/\s*[-–]\s*/)
      .map(Number);
    if (!a) return [];
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => String(a + i));
  });
}

/** Body lines that are a Chương heading (with or without title on the same line). */
function chapterLines(body: string): string[] {
  return body
    .split('\n')
    .map((l) => /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b/u.exec(l.trim())?.[1])
    .filter((x): x is string => Boolean(x))
    .map((n) => `Chương ${n}`);
}

const REFERENCE_TITLE = /^(?:\p{Ll}|của\b|này\b|Luật này\b|Bộ luật này\b|Nghị định này\b)/u;

describe('corpus: every law parses to its real structure', () => {
  it('covers the twelve shared corpus documents', () => {
    expect(
      sharedFiles.length,
      `${SHARED} is missing: the structure tests read the official texts from the shared folder beside the checkout`,
    ).toBeGreaterThanOrEqual(12);
  });

  for (const file of corpusFiles) {
    describe(path.relative(path.resolve(import.meta.dirname, '../..'), file), () => {
      const parsed = parseText(fs.readFileSync(file));
      const structure = parseStructure(parsed.text);
      const labels = structure.articles.map((a) => a.label);
      const number = parsed.meta.number!;

      it('has exactly the articles the law has (or the excerpt lists)', () => {
        expect(structure.kind).toBe('legal');
        if (parsed.meta.excerpt && parsed.meta.articlesPresent) {
          expect(labels).toEqual(expandRanges(parsed.meta.articlesPresent));
        } else {
          const expected = FULL_COUNTS[number];
          expect(expected, `known article count for ${number}`).toBeDefined();
          expect(labels.length).toBe(expected);
          expect(labels).toEqual(expandRanges(`1-${expected}`));
        }
      });

      it('takes no heading from an in-text reference', () => {
        // Every article heading is a line of its own in the source, in order, with a real title.
        const headingLines = parsed.text.split('\n').filter((l) => /^Điều \d+[a-zđ]?\.\s/u.test(l));
        for (const a of structure.articles) {
          expect(headingLines).toContain(articleHeading(a));
          expect(a.title, `Điều ${a.label}`).not.toMatch(REFERENCE_TITLE);
        }
        const nums = structure.articles.map((a) => a.num);
        expect(nums).toEqual([...nums].sort((x, y) => x - y));
      });

      it('leaves no chunk that is a heading alone', () => {
        const chunks = chunkStructure(structure, { documentName: number });
        expect(chunks.length).toBeGreaterThanOrEqual(structure.articles.length);
        for (const c of chunks) {
          const body = c.text.split('\n').slice(1).join('\n').trim();
          expect(body.length, `${c.header}`).toBeGreaterThan(0);
        }
        for (const a of structure.articles) expect(a.intro.length + a.clauses.length, `Điều ${a.label}`).toBeGreaterThan(0);
      });

      it('captures the chapters', () => {
        const expected = [...new Set(chapterLines(parsed.text))];
        const found = [...new Set(structure.articles.flatMap((a) => a.path.filter((p) => p.startsWith('Chương')).map((p) => p.split('.')[0]!)))];
        expect(found).toEqual(expected);
      });
    });
  }
});

function legal(text: string): Structure {
  return parseLegalStructure(text);
}

describe('legal structure: tricky headings', () => {
  it('accepts "Điều 1:" and "ĐIỀU 1." variants', () => {
    const s = legal('Điều 1: Phạm vi\nNội dung một.\nĐIỀU 2. ĐỐI TƯỢNG ÁP DỤNG\nNội dung hai.\nĐiều 3 . Hiệu lực\nNội dung ba.');
    expect(s.articles.map((a) => [a.label, a.title])).toEqual([
      ['1', 'Phạm vi'],
      ['2', 'ĐỐI TƯỢNG ÁP DỤNG'],
      ['3', 'Hiệu lực'],
    ]);
  });

  it('keeps inserted articles ("Điều 8a.") in order and refuses going back', () => {
    const s = legal('Điều 8. Tám\nA.\nĐiều 8a. Tám a\nB.\nĐiều 8b. Tám b\nC.\nĐiều 8a. Lặp lại\nD.\nĐiều 9. Chín\nE.');
    expect(s.articles.map((a) => a.label)).toEqual(['8', '8a', '8b', '9']);
    expect(s.articles[2]!.intro).toEqual(['C.', 'Điều 8a. Lặp lại', 'D.']);
  });

  it('does not take a wrapped cross-reference line for a heading', () => {
    const s = legal(
      [
        'Điều 4. Trách nhiệm',
        'Cơ quan có trách nhiệm thực hiện theo quy định tại',
        'Điều 5 của Luật này.',
        'Điều 5. của Luật này và các văn bản khác',
        'Điều 40. Trường hợp khác được áp dụng như quy định tại Điều 4',
        'Điều 5. Hòa giải',
        'Nội dung.',
      ].join('\n'),
    );
    expect(s.articles.map((a) => a.label)).toEqual(['4', '5']);
    expect(s.articles[0]!.intro).toContain('Điều 5 của Luật này.');
    expect(s.articles[1]!.title).toBe('Hòa giải');
  });

  it('accepts a jump when no skipped article follows (excerpts)', () => {
    const s = legal('Điều 6. Sáu\nA.\nĐiều 52. Năm mươi hai\nB.');
    expect(s.articles.map((a) => a.label)).toEqual(['6', '52']);
  });

  it('a khoản number out of sequence in body text stays text', () => {
    const s = legal(
      [
        'Điều 7. Bảy',
        'Người đó phải đáp ứng các điều kiện sau:',
        '3. năm kinh nghiệm là điều kiện tối thiểu.',
        '1. Khoản một.',
        '2. Khoản hai.',
        '2014. Năm.',
        '3. Khoản ba.',
      ].join('\n'),
    );
    const a = s.articles[0]!;
    expect(a.intro).toEqual(['Người đó phải đáp ứng các điều kiện sau:', '3. năm kinh nghiệm là điều kiện tối thiểu.']);
    expect(a.clauses.map((c) => c.label)).toEqual(['1', '2', '3']);
    expect(a.clauses[1]!.text).toBe('2. Khoản hai.\n2014. Năm.');
  });

  it('takes "Phần thứ nhất" / "Chương I" titles from the next line, Mục and Tiểu mục too', () => {
    const s = legal(
      [
        'PHẦN THỨ NHẤT',
        'NHỮNG QUY ĐỊNH CHUNG',
        'Chương I',
        'PHẠM VI ĐIỀU CHỈNH',
        'Mục 1',
        'QUY ĐỊNH CHUNG VỀ HỢP ĐỒNG',
        'Tiểu mục 1',
        'GIAO KẾT HỢP ĐỒNG',
        'Điều 1. Một',
        'Nội dung.',
        'Phần thứ hai',
        'Chương II. QUYỀN VÀ NGHĨA VỤ',
        'Điều 2. Hai',
        'Nội dung.',
        'Phần này: không phải tiêu đề',
      ].join('\n'),
    );
    expect(s.articles[0]!.path).toEqual([
      'Phần thứ nhất. NHỮNG QUY ĐỊNH CHUNG',
      'Chương I. PHẠM VI ĐIỀU CHỈNH',
      'Mục 1. QUY ĐỊNH CHUNG VỀ HỢP ĐỒNG',
      'Tiểu mục 1. GIAO KẾT HỢP ĐỒNG',
    ]);
    expect(s.articles[1]!.path).toEqual(['Phần thứ hai', 'Chương II. QUYỀN VÀ NGHĨA VỤ']);
    expect(s.articles[1]!.intro).toEqual(['Nội dung.', 'Phần này: không phải tiêu đề']);
  });

  it('attaches points to their khoản', () => {
    const s = legal('Điều 3. Ba\n1. Các hành vi:\na) Một;\nb) Hai;\nđ) Năm.\n2. Khoản hai.');
    expect(s.articles[0]!.clauses.map((c) => [c.label, c.points.map((p) => p.label)])).toEqual([
      ['1', ['a', 'b', 'đ']],
      ['2', []],
    ]);
  });

  it('cuts a khoản too long for one chunk between its điểm, repeating its lead line', () => {
    const act = (l: string) => `${l}) Hành vi ${l} ${'được mô tả rất dài trong luật '.repeat(12)};`;
    const labels = 'abcdđeghiklmno'.split('');
    const s = legal(`Điều 3. Giải thích từ ngữ\n1. Hành vi bạo lực gia đình bao gồm:\n${labels.map(act).join('\n')}\n2. Khoản hai ngắn.`);
    const chunks = chunkStructure(s, { documentName: 'Luật X' });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(2000);
    const parts = chunks.filter((c) => c.clauses.includes('1'));
    expect(parts.length).toBeGreaterThan(1);
    for (const c of parts) {
      expect(c.text.split('\n').slice(0, 2)).toEqual(['Điều 3. Giải thích từ ngữ', '1. Hành vi bạo lực gia đình bao gồm:']);
      // Each piece records exactly the điểm it holds, so "điểm o khoản 1" is cited from the right one.
      for (const p of c.points['1']!) expect(c.text).toContain(`\n${p}) Hành vi ${p} `);
    }
    expect(parts.flatMap((c) => c.points['1']!)).toEqual(labels);
    expect(chunks.at(-1)!.text).toContain('2. Khoản hai ngắn.');
    // The source view puts the pieces back together without repeating anything.
    expect(joinArticlePieces(chunks)).toEqual(['1. Hành vi bạo lực gia đình bao gồm:', ...labels.map(act), '2. Khoản hai ngắn.']);
  });

  it('ends the last article at the signature block', () => {
    const s = legal('Điều 1. Một\nNội dung.\nĐiều 2. Hai\nQuyết định có hiệu lực.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    expect(s.articles[1]!.intro).toEqual(['Quyết định có hiệu lực.']);
  });
});

describe('plans and other documents without articles fall back to sections', () => {
  it('cuts a provincial plan at I. / 1. headings with a) and - as body', () => {
    const s = parseStructure(PLAN_TEXT);
    expect(s.kind).toBe('sections');
    expect(s.sections.map((x) => [x.path, x.heading])).toEqual([
      [['I. MỤC ĐÍCH, YÊU CẦU'], '1. Mục đích'],
      [['I. MỤC ĐÍCH, YÊU CẦU'], '2. Yêu cầu'],
      [[], 'II. NỘI DUNG THỰC HIỆN'],
      [['II. NỘI DUNG THỰC HIỆN'], '3. Hỗ trợ người bị bạo lực gia đình'],
      [[], 'III. TỔ CHỨC THỰC HIỆN'],
    ]);
    // One-line tasks under II stay text of II, points and dashes stay in their section.
    expect(s.sections[2]!.paragraphs).toEqual([
      '1. Tuyên truyền, phổ biến pháp luật về phòng, chống bạo lực gia đình.',
      '2. Tập huấn kỹ năng hòa giải cho tổ hòa giải ở cơ sở.',
    ]);
    expect(s.sections[3]!.paragraphs).toEqual([
      'a) Bố trí địa chỉ tin cậy tại các xã, phường;',
      'b) Tư vấn tâm lý, pháp lý miễn phí;',
      '- Đường dây nóng tiếp nhận tin báo 24/7.',
    ]);
    expect(s.preamble[0]).toBe('ỦY BAN NHÂN DÂN');
  });

  it('never emits a heading-only chunk', () => {
    const s = parseSections('I. MỞ ĐẦU\nII. NỘI DUNG\n1. Mục một\n2. Mục hai\nNội dung mục hai.\nIII. KẾT LUẬN');
    const chunks = chunkStructure(s, { documentName: 'KH' });
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(c.text.split('\n').length, c.text).toBeGreaterThan(1);
  });

  it('represents a decision by the plan it issues', () => {
    const text = [
      'QUYẾT ĐỊNH',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện năm 2024.',
      'Điều 2. Quyết định có hiệu lực từ ngày ký.',
      'Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.',
      'Nơi nhận:',
      '- Như Điều 3;',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'KẾ HOẠCH',
      'Thực hiện công tác năm 2024',
      'I. MỤC ĐÍCH',
      'Nâng cao nhận thức.',
      'II. NỘI DUNG',
      'Tuyên truyền pháp luật.',
    ].join('\n');
    const s = parseStructure(text);
    expect(s.kind).toBe('sections');
    expect(s.sections.map((x) => x.heading)).toEqual(['I. MỤC ĐÍCH', 'II. NỘI DUNG']);
  });
});

describe('PDF line reflow', () => {
  it('rejoins the printed law into one paragraph per unit', () => {
    // pdf.js puts the header's right column on the left column's line.
    const pages = LAW_PRINTED.map((p) =>
      p.reduce<string[]>((ls, l) => (l.sameLine ? [...ls.slice(0, -1), `${ls[ls.length - 1]} ${l.text}`] : [...ls, l.text]), []).join('\n'),
    );
    expect(reflowPages(pages).split('\n')).toEqual(LAW_PARAGRAPHS);
  });

  it('starts paragraphs only where structure says so', () => {
    expect(startsParagraph('theo quy định tại', 'Điều 5 của Luật này.')).toBe(false);
    expect(startsParagraph('theo quy định tại khoản', '2. Điều 5 của Luật này.')).toBe(false);
    expect(startsParagraph('các trường hợp sau đây:', 'a) Một;')).toBe(true);
    expect(startsParagraph('một dòng bị gói', '- gạch đầu dòng')).toBe(true);
    expect(startsParagraph('Điều 3. Nguyên tắc phòng ngừa và hỗ trợ người bị bạo lực gia', 'đình')).toBe(false);
    expect(startsParagraph('Điều 1. Phạm vi điều chỉnh', 'Luật này quy định')).toBe(true);
    expect(startsParagraph('Điều 14. Quyền và trách nhiệm của', 'Mặt trận Tổ quốc Việt Nam')).toBe(false);
    expect(startsParagraph('Chương II', 'QUYỀN VÀ NGHĨA VỤ')).toBe(true);
    expect(startsParagraph('kết thúc câu.', 'Câu mới')).toBe(true);
    expect(startsParagraph('năm', '2014 và các năm sau')).toBe(false);
  });

  it('drops page numbers and running headers', () => {
    const page = (n: number) => `CÔNG BÁO/Số 12/Ngày 5-3-2024\nĐiều ${n}. Tên ${n}\nNội dung điều ${n}.\n- ${n} -`;
    expect(reflowPages([1, 2, 3].map(page)).split('\n')).toEqual([
      'Điều 1. Tên 1',
      'Nội dung điều 1.',
      'Điều 2. Tên 2',
      'Nội dung điều 2.',
      'Điều 3. Tên 3',
      'Nội dung điều 3.',
    ]);
  });
});

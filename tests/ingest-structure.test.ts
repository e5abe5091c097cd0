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

/**
 * The text read plainly, for comparison with the parser: a "Điều N." line opens an article, a
 * Chương/Mục/Phần heading or the signature closes it, "N." lines are its khoản and "x)" lines its
 * điểm — except inside a quotation that runs over several lines (an amending article's quoted text).
 */
function plainReading(text: string): Map<string, { clauses: string[]; points: string[] }> {
  const out = new Map<string, { clauses: string[]; points: string[] }>();
  let cur: { clauses: string[]; points: string[] } | null = null;
  let inQuote = false;
  const closes = (l: string) => /[”"][.;,:]*$/u.test(l);
  for (const l of text.split('\n').map((x) => x.trim())) {
    if (/^(Nơi nhận:|TM\.|KT\.)/u.test(l)) break;
    if (inQuote) {
      inQuote = !closes(l);
      continue;
    }
    if (/^[“"]/u.test(l) && !closes(l)) {
      inQuote = true;
      continue;
    }
    const article = /^Điều (\d+[a-zđ]?)\.\s/u.exec(l);
    if (article) out.set(article[1]!, (cur = { clauses: [], points: [] }));
    else if (/^(Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+([IVXLC]+|\d+)\b/u.test(l)) cur = null;
    else if (cur && /^\d+[a-zđ]?\.\s/u.test(l)) cur.clauses.push(l.split('.')[0]!);
    else if (cur && /^[a-zđ]\d?\)/u.test(l)) cur.points.push(l.split(')')[0]!);
  }
  return out;
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

      it('reads every khoản and điểm line of the text as one, in order', () => {
        // Excerpts start an article at any khoản (Luật Đất đai's Điều 87 at khoản 4) and skip any
        // number of them (its Điều 79 runs 1, 15, 21); quoted amendments add none.
        const plain = plainReading(parsed.text);
        for (const a of structure.articles) {
          const read = { clauses: a.clauses.map((c) => c.label), points: a.clauses.flatMap((c) => c.points.map((p) => p.label)) };
          expect(read, `Điều ${a.label}`).toEqual(plain.get(a.label));
        }
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

  it('reads an excerpt article that starts at khoản 4, and skipped khoản', () => {
    const s = legal(
      [
        'Điều 87. Trình tự, thủ tục bồi thường',
        '4. Đơn vị, tổ chức thực hiện nhiệm vụ bồi thường có trách nhiệm sau đây:',
        'a) Phối hợp với Ủy ban nhân dân cấp xã;',
        'b) Gửi phương án bồi thường;',
        'c) Thực hiện việc bồi thường.',
        'Điều 89. Cưỡng chế',
        '1. Việc cưỡng chế phải bảo đảm các nguyên tắc sau đây:',
        'a) Công khai;',
        '15. Khoản mười lăm.',
        '21. Khoản hai mươi mốt.',
      ].join('\n'),
    );
    expect(s.articles.map((a) => [a.label, a.intro, a.clauses.map((c) => [c.label, c.points.map((p) => p.label)])])).toEqual([
      ['87', [], [['4', ['a', 'b', 'c']]]],
      [
        '89',
        [],
        [
          ['1', ['a']],
          ['15', []],
          ['21', []],
        ],
      ],
    ]);
    const chunks = chunkStructure(s, { documentName: 'Luật Đất đai' });
    expect(chunks[0]!.clauses).toEqual(['4']);
    expect(chunks[0]!.points).toEqual({ '4': ['a', 'b', 'c'] });
  });

  it('keeps a numbered list inside a điểm or a khoản in it', () => {
    const s = legal(
      [
        'Điều 5. Năm',
        '1. Khoản một gồm:',
        'a) Điểm a gồm các giấy tờ sau:',
        '1. Giấy thứ nhất;',
        '2. Giấy thứ hai;',
        '3. Giấy thứ ba.',
        'b) Điểm b.',
        '2. Khoản hai gồm:',
        '1. việc một;',
        '2. việc hai;',
        '3. việc ba.',
        '3. Khoản ba.',
        'a) Điểm a có một việc:',
        '1. việc duy nhất;',
        '2. việc cuối.',
        'b) Điểm b.',
        '4. Khoản bốn.',
      ].join('\n'),
    );
    const a = s.articles[0]!;
    expect(a.clauses.map((c) => [c.label, c.points.map((p) => p.label)])).toEqual([
      ['1', ['a', 'b']],
      ['2', []],
      ['3', ['a', 'b']],
      ['4', []],
    ]);
    expect(a.clauses[0]!.points[0]!.text).toBe('a) Điểm a gồm các giấy tờ sau:\n1. Giấy thứ nhất;\n2. Giấy thứ hai;\n3. Giấy thứ ba.');
    expect(a.clauses[1]!.text).toBe('2. Khoản hai gồm:\n1. việc một;\n2. việc hai;\n3. việc ba.');
    expect(a.clauses[2]!.points[0]!.text).toBe('a) Điểm a có một việc:\n1. việc duy nhất;\n2. việc cuối.');
  });

  it('a list item that ended the list leaves the next number to the khoản', () => {
    const s = legal('Điều 6. Sáu\n1. Khoản một gồm:\n1. việc một.\n2. Khoản hai.\n3. Khoản ba.');
    expect(s.articles[0]!.clauses.map((c) => c.label)).toEqual(['1', '2', '3']);
    expect(s.articles[0]!.clauses[0]!.text).toBe('1. Khoản một gồm:\n1. việc một.');
  });

  it('reads the text an amending article quotes as its body, not as khoản, điểm or articles', () => {
    const s = legal(
      [
        'Điều 219. Sửa đổi, bổ sung một số điều của các luật có liên quan',
        '1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm xã hội như sau:',
        'a) Sửa đổi, bổ sung Điều 54 như sau:',
        '“Điều 54. Điều kiện hưởng lương hưu',
        '1. Người lao động nghỉ việc được hưởng lương hưu nếu thuộc một trong các trường hợp sau:',
        'a) Đủ tuổi nghỉ hưu;',
        'b) Có đủ 15 năm làm nghề nặng nhọc.',
        '2. Người lao động khác.',
        '3. Lao động nữ là cán bộ cấp xã.',
        'Điều 230. Điều kiện khác',
        '4. Điều kiện về tuổi theo quy định của Chính phủ.”;',
        'b) Sửa đổi, bổ sung khoản 1 Điều 73 như sau:',
        '"1. Người lao động hưởng lương hưu khi có đủ các điều kiện sau đây:',
        'a) Đủ tuổi nghỉ hưu.”.',
        '2. Sửa đổi, bổ sung Điều 32 của Bộ luật Tố tụng dân sự như sau:',
        'a) Bổ sung các khoản 1a, 1b vào sau khoản 1 như sau:',
        '“1a. Tranh chấp thứ nhất.',
        '1b. Tranh chấp thứ hai.”',
        'b) Bãi bỏ khoản 2 Điều 32.',
        'Điều 220. Hiệu lực thi hành',
        '“Bạo lực gia đình” là hành vi cố ý.',
        '1. Khoản một.',
      ].join('\n'),
    );
    expect(s.articles.map((a) => a.label)).toEqual(['219', '220']);
    const [amending, last] = s.articles;
    expect(amending!.clauses.map((c) => [c.label, c.points.map((p) => p.label)])).toEqual([
      ['1', ['a', 'b']],
      ['2', ['a', 'b']],
    ]);
    expect(amending!.clauses[0]!.points[0]!.text.split('\n')).toHaveLength(9);
    expect(amending!.clauses[0]!.points[0]!.text).toContain('\nĐiều 230. Điều kiện khác\n');
    expect(amending!.clauses[1]!.points[0]!.text).toBe(
      'a) Bổ sung các khoản 1a, 1b vào sau khoản 1 như sau:\n“1a. Tranh chấp thứ nhất.\n1b. Tranh chấp thứ hai.”',
    );
    // A quotation closed on its own line marks nothing.
    expect(last!.intro).toEqual(['“Bạo lực gia đình” là hành vi cố ý.']);
    expect(last!.clauses.map((c) => c.label)).toEqual(['1']);
  });

  it('an opening quote never closed does not swallow the articles after it', () => {
    const s = legal(
      [
        'Điều 1. Một',
        '“Câu trích dẫn không có dấu đóng.',
        '1. Khoản một.',
        'Điều 2. Hai',
        '1. Khoản một.',
        'a) Sửa đổi khoản 2 như sau:',
        '“2. Khoản được sửa.”.',
        'Điều 3. Ba',
        '1. Khoản một.',
      ].join('\n'),
    );
    expect(s.articles.map((a) => [a.label, a.clauses.map((c) => c.label)])).toEqual([
      ['1', ['1']],
      ['2', ['1']],
      ['3', ['1']],
    ]);
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

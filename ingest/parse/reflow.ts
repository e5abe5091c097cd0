/**
 * PDF text comes out one printed line per line. The structure parser wants one paragraph per
 * structural unit, so wrapped lines are joined back: a new paragraph starts only at a
 * structural marker ("Điều N.", "Chương", "Mục", "1.", "a)", "-") or after a line that ends a
 * sentence or a clause (. ; : ! ?), after a heading, or where capitals change to lower case.
 */

const ARTICLE_START = /^(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]/u;
// A division heading: the number is followed by the end, punctuation or a capitalised title,
// never by running text ("Mục 2 của Chương này" is a wrapped reference).
const DIVISION_START =
  /^(?:(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+|\d+)|(?:Mục|MỤC|Tiểu mục|TIỂU MỤC)\s+\d+|(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s+\p{L}+|(?:Phần|PHẦN)\s+[IVXLC]+)\s*(?:$|[.:–-]|\s+\p{Lu})/u;
const BARE_DIVISION =
  /^(?:(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+|\d+)|(?:Mục|MỤC|Tiểu mục|TIỂU MỤC)\s+\d+|(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s+\p{L}+|(?:Phần|PHẦN)\s+[IVXLC]+)\.?$/u;
const CLAUSE_START = /^\d{1,2}[a-zđ]?\.\s+\S/u;
const SUBCLAUSE_START = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\S/u;
const POINT_START = /^[a-zđ]\d?\)\s*\S/u;
const BULLET_START = /^[-–—•+*]\s*\S/u;
const ROMAN_START = /^[IVXLC]+\.\s+\S/u;
const OTHER_START = /^(?:Căn cứ|Số\s*[:.]?\s*\d|Nơi nhận\s*:|TM\.|KT\.|Q\.|TL\.)/u;
/** A document type alone on its line ("LUẬT", "KẾ HOẠCH"): its name follows on the next. */
const TYPE_LINE =
  /^(?:BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ ĐỊNH|NGHỊ QUYẾT|THÔNG TƯ(?: LIÊN TỊCH)?|QUYẾT ĐỊNH|KẾ HOẠCH|CHƯƠNG TRÌNH|CHỈ THỊ|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH)$/u;
const PLACE_DATE = /^[\p{L} .]{2,40},\s*ngày\s+\d/u;
const ENDS_SENTENCE = /[.;:!?…]["”’)]?$/u;
/** A wrapped reference: "… tại khoản" + "2. …" is not a new khoản. */
const ENDS_WITH_REFERENCE_WORD = /(?:khoản|điều|điểm|mục|chương|số|năm|ngày|tháng|Điều|Khoản)$/u;

const ENDS_WITH_CONNECTOR = /(?:[\s(](?:và|của|các|cho|với|về|trong|theo|tại|đối|hoặc|những|được|để|từ|đến|người)|,)$/u;

function isAllCaps(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);
}

interface Line {
  text: string;
  /** Starts a new paragraph whatever the rules say (a table cell, a blank line before it). */
  force: boolean;
}

export function startsParagraph(prev: string, cur: string): boolean {
  if (ARTICLE_START.test(cur) || DIVISION_START.test(cur) || ROMAN_START.test(cur) || OTHER_START.test(cur) || PLACE_DATE.test(cur)) return true;
  const reference = ENDS_WITH_REFERENCE_WORD.test(prev);
  if ((CLAUSE_START.test(cur) || SUBCLAUSE_START.test(cur) || POINT_START.test(cur)) && !reference) return true;
  if (BULLET_START.test(cur)) return true;
  if (ENDS_SENTENCE.test(prev)) return true;
  if (BARE_DIVISION.test(prev) || TYPE_LINE.test(prev)) return true;
  // A heading line ("Điều 5. Tên điều", a chapter title) is followed by a capitalised body line;
  // a wrapped title goes on in lower case.
  // A title that stops on "của", "và", "," … is cut by the margin, whatever case follows.
  if ((ARTICLE_START.test(prev) || DIVISION_START.test(prev)) && /^\p{Lu}/u.test(cur) && !isAllCaps(cur) && !ENDS_WITH_CONNECTOR.test(prev)) return true;
  // A plan's item heading ("1. Mục đích", "2. Yêu cầu") is a short line of its own: the margin
  // never cuts a line that short, so a capitalised line after it starts the item's body.
  if (
    (CLAUSE_START.test(prev) || SUBCLAUSE_START.test(prev)) &&
    prev.length <= 60 &&
    !/[.;:,!?…]$/u.test(prev) &&
    /^\p{Lu}/u.test(cur) &&
    !isAllCaps(cur) &&
    !ENDS_WITH_CONNECTOR.test(prev)
  )
    return true;
  const pc = isAllCaps(prev);
  const cc = isAllCaps(cur);
  if (pc !== cc && /\p{L}{2}/u.test(prev) && /\p{L}{2}/u.test(cur)) return true;
  return false;
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;

function isStructural(l: string): boolean {
  return ARTICLE_START.test(l) || DIVISION_START.test(l) || CLAUSE_START.test(l) || POINT_START.test(l) || ROMAN_START.test(l);
}

/** Page numbers and dates vary from page to page of a running header. */
function runningKey(l: string): string {
  return l.replace(/\d+/g, '#');
}

/** First or last lines repeated on most pages: running headers and footers. */
function runningLines(pages: string[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([lines[0], lines[lines.length - 1]].filter((l): l is string => Boolean(l) && !isStructural(l!)).map(runningKey));
    for (const l of edge) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(3, pages.length * 0.6)).map(([l]) => l));
}

const MOTTO = /(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)/u;
const NUMBER_THEN_DATE = /^((?:[\p{L} ]{0,20}\s)?[Ss]ố\s*:?\s*\S+)\s+(\p{Lu}[\p{L} .]{1,40},\s*ngày\s+\d.*)$/u;

/**
 * pdf.js merges the two columns of the first-page header onto one line ("QUỐC HỘI CỘNG HÒA XÃ
 * HỘI …", "Số: 12/KH-UBND Thanh Hóa, ngày …"): they are cut apart at the motto and the date.
 */
function splitHeaderLine(line: string): string[] {
  const parts = line
    .split(MOTTO)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.flatMap((p) => {
    const m = NUMBER_THEN_DATE.exec(p);
    return m ? [m[1]!, m[2]!] : [p];
  });
}

/**
 * Pages of printed lines → one paragraph per line. Tabs (pdf-parse's cell separator) split the
 * two-column header of page 1 into separate lines; elsewhere they are spaces.
 */
export function reflowPages(pages: string[]): string {
  const split = pages.map((p) =>
    p
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/[ \u00A0]+/g, ' ').trim()),
  );
  const running = runningLines(split.map((ls) => ls.filter(Boolean)));
  const lines: Line[] = [];
  let inHeader = true;
  let blank = false;
  for (const pageLines of split) {
    const nonEmpty = pageLines.filter(Boolean);
    const first = nonEmpty[0];
    const last = nonEmpty[nonEmpty.length - 1];
    for (const raw of pageLines) {
      if (!raw) {
        blank = true;
        continue;
      }
      if ((raw === first || raw === last) && PAGE_NUMBER.test(raw)) continue;
      if ((raw === first || raw === last) && running.has(runningKey(raw))) continue;
      if (inHeader && (ARTICLE_START.test(raw) || DIVISION_START.test(raw) || ROMAN_START.test(raw))) inHeader = false;
      const cells = (inHeader ? splitHeaderLine(raw) : [raw])
        .flatMap((c) => c.split('\t'))
        .map((c) => c.trim())
        .filter(Boolean);
      if (inHeader && cells.length > 1) {
        for (const c of cells) lines.push({ text: c, force: true });
      } else {
        lines.push({ text: cells.join(' '), force: blank });
      }
      blank = false;
    }
    blank = false;
  }
  const out: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev === undefined || l.force || startsParagraph(prev, l.text)) out.push(l.text);
    else out[out.length - 1] = `${prev} ${l.text}`;
  }
  return out.join('\n');
}

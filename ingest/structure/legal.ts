import type { Article, Clause, Structure } from '../types.js';
import { nfc } from '../text/vietnamese.js';
import { parseNumbered, parseHeadings, parseSections } from './plan.js';
import { SIGNATURE_RE } from './signature.js';

export { parseSections };

/**
 * Structure of Vietnamese normative documents (Nghị định 30/2020/NĐ-CP, Luật Ban hành VBQPPL):
 * Phần › Chương (Roman) › Mục › Tiểu mục › Điều N › khoản "1." › điểm "a)".
 *
 * Input is one paragraph per line (format parsers reflow PDF lines first). A line only becomes
 * a heading when it has a heading's form *and* fits the running sequence, so a wrapped
 * cross-reference ("… quy định tại\nĐiều 5 của Luật này") stays body text.
 */

// "Phần thứ nhất", "PHẦN THỨ HAI", "Phần I", "Phần 1" — not "Phần này:" or "Phần còn lại".
const PART_RE =
  /^(PHẦN|Phần)\s+((?:THỨ|thứ|Thứ)\s+(?:NHẤT|HAI|BA|TƯ|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI(?:\s+\S+)?|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+\S+)?)|[IVXLC]+|\d+)\s*(?:[.:–-]\s*(.*))?$/u;
const CHAPTER_RE = /^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\s*(?:[.:–-]\s*(.*))?$/u;
const SECTION_RE = /^(MỤC|Mục)\s+(\d+)\s*(?:[.:–-]\s*(.*))?$/u;
const SUBSECTION_RE = /^(TIỂU MỤC|Tiểu mục)\s+(\d+)\s*(?:[.:–-]\s*(.*))?$/u;
// "Điều 1. Tên", "Điều 1: Tên", "ĐIỀU 1. TÊN", "Điều 8a. Tên". The number must be followed by
// '.' or ':' — a cross-reference ("Điều 5 của Luật này") never is.
const ARTICLE_RE = /^(?:Điều|ĐIỀU)\s+(\d+)([a-zđ]?)\s*[.:]\s*(.*)$/u;
const CLAUSE_RE = /^(\d+)([a-zđ]?)\.\s+(.*)$/u;
const POINT_RE = /^([a-zđ])(\d?)\)\s*(.*)$/u;

export function parseLegalStructure(text: string): Structure {
  const lines = nfc(text)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

  const articles: Article[] = [];
  const preamble: string[] = [];
  let path: { level: number; label: string }[] = [];
  let current: Article | null = null;
  let clause: Clause | null = null;
  let lastNum = 0;
  // A heading ("Chương II") whose title sits on the next line waits here for it.
  let pendingTitle: { level: number; label: string } | null = null;

  const setPath = (level: number, label: string) => {
    path = path.filter((p) => p.level < level);
    path.push({ level, label });
  };

  const quoted = quotedLines(lines);
  const candidates = articleCandidates(lines, quoted);
  // Past the signature block only recipients, signatures and attachments follow.
  let closed = false;
  // A numbered list inside a khoản ("1.", "2." under a điểm): the last item's number, 0 if none.
  let list = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;

    if (pendingTitle) {
      const isTitle = line.length <= 200 && !ARTICLE_RE.test(line) && !CLAUSE_RE.test(line) && !matchDivision(line);
      if (isTitle) {
        const p = path.find((x) => x === pendingTitle);
        if (p) p.label = `${p.label}. ${line}`;
        pendingTitle = null;
        continue;
      }
      pendingTitle = null;
    }

    if (current && SIGNATURE_RE.test(line)) {
      // "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH": the signature block ends the last article.
      current = null;
      clause = null;
      closed = true;
      continue;
    }
    if (closed) {
      preamble.push(line);
      continue;
    }

    if (quoted[i]) {
      // Text an amending article quotes ("“Điều 54. …", its "1.", "a)"…) is that article's
      // body, never a heading, khoản or điểm of this document.
      if (!current) preamble.push(line);
      else appendBody(current, clause, line);
      continue;
    }

    const heading = matchDivision(line);
    if (heading) {
      setPath(heading.level, heading.label);
      if (!heading.hasTitle) pendingTitle = path[path.length - 1]!;
      current = null;
      clause = null;
      continue;
    }

    const am = ARTICLE_RE.exec(line);
    if (am && isArticleHeading(am, lines[i + 1])) {
      const num = Number(am[1]);
      const label = `${am[1]}${am[2] ?? ''}`;
      // Articles only go forward ("Điều 8a" may follow "Điều 8"); anything else is a wrapped
      // reference. A jump is a heading only if no article in between follows as a heading
      // (excerpts jump; "… theo\nĐiều 40. …" in Điều 3 does not, since Điều 4 comes later).
      const forward =
        (num > lastNum && !skipsLaterArticle(candidates, i, lastNum, num)) ||
        (num === lastNum && Boolean(am[2]) && current !== null && am[2]! > current.label.replace(/^\d+/, ''));
      if (forward) {
        current = { label, num, title: am[3]?.trim() ?? '', path: path.map((p) => p.label), intro: [], clauses: [] };
        articles.push(current);
        clause = null;
        list = 0;
        lastNum = num;
        continue;
      }
    }

    if (!current) {
      preamble.push(line);
      continue;
    }

    const cm = CLAUSE_RE.exec(line);
    if (cm) {
      const label = `${cm[1]}${cm[2] ?? ''}`;
      const read = readNumbered(current, label, list, lines[i - 1]);
      if (read === 'clause') {
        clause = { label, text: line, points: [], tail: [] };
        current.clauses.push(clause);
        list = 0;
        continue;
      }
      if (read === 'list') list = Number(cm[1]);
    }

    const pm = POINT_RE.exec(line);
    const pointLabel = pm ? `${pm[1]}${pm[2] ?? ''}` : '';
    if (pm && clause && clause.tail.length === 0) {
      clause.points.push({ label: pointLabel, text: line });
      list = 0;
      continue;
    }
    // A paragraph inside a điểm ("Khi sức khỏe … bình phục …" after điểm b) is followed by the
    // next điểm in sequence: the paragraph belongs to the điểm before it, and the list goes on.
    if (pm && clause && isNextPoint(clause.points[clause.points.length - 1]?.label, pointLabel)) {
      const last = clause.points[clause.points.length - 1]!;
      last.text += `\n${clause.tail.join('\n')}`;
      clause.tail = [];
      clause.points.push({ label: pointLabel, text: line });
      list = 0;
      continue;
    }

    if (clause) {
      if (clause.points.length) clause.tail.push(line);
      else clause.text += `\n${line}`;
    } else if (current.title === '' && current.intro.length === 0 && !CLAUSE_RE.test(line)) {
      // "Điều 5." with its title on the next line.
      current.title = line;
    } else {
      current.intro.push(line);
    }
  }

  return { kind: 'legal', preamble, articles, sections: [] };
}

/**
 * A real article heading has a capitalised title ("Điều 5. Bảo vệ …") or none with its title
 * on the next line; "Điều 5. của Luật này" or "Điều 5." followed by running lower-case text is a
 * wrapped reference.
 */
function isArticleHeading(m: RegExpExecArray, next: string | undefined): boolean {
  const title = m[3]?.trim() ?? '';
  if (title) return !/^\p{Ll}/u.test(title);
  return !next || !/^\p{Ll}/u.test(next);
}

/** (line index, number) of every line outside quotations that has an article heading's form. */
function articleCandidates(lines: string[], quoted: boolean[]): { i: number; num: number }[] {
  const out: { i: number; num: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (quoted[i]) continue;
    const m = ARTICLE_RE.exec(lines[i]!);
    if (m && isArticleHeading(m, lines[i + 1])) out.push({ i, num: Number(m[1]) });
  }
  return out;
}

function skipsLaterArticle(cands: { i: number; num: number }[], at: number, lastNum: number, num: number): boolean {
  if (num <= lastNum + 1) return false;
  return cands.some((c) => c.i > at && c.num > lastNum && c.num < num);
}

function matchDivision(line: string): { level: number; label: string; hasTitle: boolean } | null {
  let m = PART_RE.exec(line);
  if (m && !/[,;]$/.test(line)) {
    const label = `${m[1]} ${m[2]}`;
    return { level: 1, label: m[3] ? `${cap(label)}. ${m[3]}` : cap(label), hasTitle: Boolean(m[3]) };
  }
  m = CHAPTER_RE.exec(line);
  if (m) return { level: 2, label: m[3] ? `Chương ${m[2]}. ${m[3]}` : `Chương ${m[2]}`, hasTitle: Boolean(m[3]) };
  m = SECTION_RE.exec(line);
  if (m) return { level: 3, label: m[3] ? `Mục ${m[2]}. ${m[3]}` : `Mục ${m[2]}`, hasTitle: Boolean(m[3]) };
  m = SUBSECTION_RE.exec(line);
  if (m) return { level: 4, label: m[3] ? `Tiểu mục ${m[2]}. ${m[3]}` : `Tiểu mục ${m[2]}`, hasTitle: Boolean(m[3]) };
  return null;
}

function cap(label: string): string {
  // "PHẦN THỨ NHẤT" → "Phần thứ nhất"
  const lower = label.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** No article has this many khoản: a higher number opening a paragraph ("2014. …") is text. */
const MAX_CLAUSE = 99;

/**
 * What a numbered line ("4. …") inside an article is: the next khoản, an item of a numbered list
 * inside a khoản, or body text.
 * - khoản numbers go forward: 1, 2, 3, with inserted 8a after 8; excerpts and amended texts skip
 *   any number of khoản (Luật Đất đai's Điều 79 excerpt runs 1, 15, 21);
 * - an article's first khoản is any number when nothing precedes it (an excerpt that starts at
 *   khoản 4), and only 1 after an opening paragraph (a "3." there is text);
 * - a "1." inside an open khoản starts a list, and its items (2., 3.) are not khoản; a number that
 *   would both continue the list and be the next khoản is the list's while its last item ended
 *   with ';' (list items do, until the last), the khoản otherwise.
 */
function readNumbered(article: Article, label: string, list: number, previous: string | undefined): 'clause' | 'list' | 'text' {
  const n = parseInt(label, 10);
  const prev = article.clauses[article.clauses.length - 1];
  if (!prev) return n >= 1 && (n === 1 || (article.intro.length === 0 && n <= MAX_CLAUSE)) ? 'clause' : 'text';
  const pn = parseInt(prev.label, 10);
  const lettered = /[a-zđ]$/.test(label);
  if (n === pn && lettered && label !== prev.label && label > prev.label) return 'clause';
  if (!lettered && list > 0 && n === list + 1 && (n !== pn + 1 || /;\s*$/.test(previous ?? ''))) return 'list';
  if (n > pn && n <= MAX_CLAUSE) return 'clause';
  if (!lettered && n === 1) return 'list';
  return 'text';
}

/** A body line (a quoted one, or one that is no heading, khoản or điểm) after what it continues. */
function appendBody(article: Article, clause: Clause | null, line: string): void {
  if (!clause) article.intro.push(line);
  else if (clause.tail.length) clause.tail.push(line);
  else if (clause.points.length) clause.points[clause.points.length - 1]!.text += `\n${line}`;
  else clause.text += `\n${line}`;
}

const OPEN_QUOTE = /^[“"]/u;
/** A quoted amendment longer than this (a whole chapter) is read as text of its own. */
const MAX_QUOTED_LINES = 300;

/**
 * Lines inside a quotation that runs over several paragraphs: an amending article's "… như sau:"
 * followed by "“Điều 54. …" up to the line whose closing quote ends it ("… Chính phủ.”;").
 * A quotation closed on its own line ("“Bạo lực gia đình” là …") marks nothing, and an opening
 * quote never closed (another opens first, or none closes within MAX_QUOTED_LINES) marks nothing
 * either: a stray mark must not swallow the articles after it.
 */
function quotedLines(lines: string[]): boolean[] {
  const out = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    if (!OPEN_QUOTE.test(lines[i]!) || !opensQuote(lines[i]!)) continue;
    let j = i + 1;
    const end = Math.min(lines.length, i + 1 + MAX_QUOTED_LINES);
    // Another quotation opening first means this one was never closed.
    while (j < end && !closesQuote(lines[j]!) && !(OPEN_QUOTE.test(lines[j]!) && opensQuote(lines[j]!))) j++;
    if (j === end || !closesQuote(lines[j]!)) continue;
    for (let k = i; k <= j; k++) out[k] = true;
    i = j;
  }
  return out;
}

function quoteBalance(line: string): { curly: number; straight: number } {
  let curly = 0;
  let straight = 0;
  for (const ch of line) {
    if (ch === '“') curly++;
    else if (ch === '”') curly--;
    else if (ch === '"') straight++;
  }
  return { curly, straight };
}

function opensQuote(line: string): boolean {
  const b = quoteBalance(line);
  return line.startsWith('“') ? b.curly > 0 : b.straight % 2 === 1 && b.curly >= 0;
}

function closesQuote(line: string): boolean {
  const b = quoteBalance(line);
  return b.curly < 0 || (b.straight % 2 === 1 && b.curly <= 0 && /["”][.;,:]*$/u.test(line));
}

/** Caps line that opens a document attached to a decision ("QUY CHẾ", "KẾ HOẠCH" …). */
const ATTACHMENT_RE = /^(KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|ĐIỀU LỆ)(?:\s+[\p{Lu}\d ,–-]*)?$/u;

/**
 * Legal structure when the text has articles; heading sections otherwise. A decision that only
 * issues an attached plan or regulation ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …")
 * is represented by the attachment, its substance.
 */
/** Vietnamese point letters in order (no f, j, w, z; đ after d). */
const POINT_ORDER = 'abcdđeghiklmnopqrstuvxy';

function isNextPoint(previous: string | undefined, label: string): boolean {
  if (!previous || previous.length !== 1 || label.length !== 1) return false;
  return POINT_ORDER.indexOf(label) === POINT_ORDER.indexOf(previous) + 1;
}

export function parseStructure(text: string): Structure {
  const legal = parseLegalStructure(text);
  const attachment = legal.articles.length > 0 && legal.articles.length <= 6 ? splitAttachment(text) : null;
  if (attachment) {
    const inner = parseStructure(attachment.body);
    const useful = inner.kind === 'legal' ? inner.articles.length >= 2 : inner.scheme === 'numbered' && inner.sections.length >= 1;
    if (useful) return { ...inner, preamble: [...attachment.head.split('\n'), ...inner.preamble].filter(Boolean) };
  }
  if (legal.articles.length >= 2) return legal;
  const numbered = parseNumbered(text);
  if (numbered && numbered.sections.length > 0) return numbered;
  if (legal.articles.length === 1) return legal;
  return parseHeadings(text);
}

/** The text after a signature block that starts with an attachment's type line, if any. */
function splitAttachment(text: string): { head: string; body: string } | null {
  const lines = nfc(text)
    .split(/\r?\n/)
    .map((l) => l.trim());
  const sig = lines.findIndex((l) => SIGNATURE_RE.test(l));
  if (sig < 0) return null;
  const at = lines.findIndex((l, i) => i > sig && ATTACHMENT_RE.test(l));
  if (at < 0) return null;
  return { head: lines.slice(0, at).join('\n'), body: lines.slice(at).join('\n') };
}

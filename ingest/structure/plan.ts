import type { Section, Structure } from '../types.js';
import { nfc } from '../text/vietnamese.js';
import { SIGNATURE_RE } from './signature.js';
import { romanValue, toRoman } from '../text/roman.js';

/**
 * Documents without Điều: the kế hoạch, quyết định attachments and hướng dẫn that UBND tỉnh and
 * the Hội issue are divided into Roman parts ("III. NHIỆM VỤ, GIẢI PHÁP"), numbered items
 * ("2. Hỗ trợ người bị bạo lực gia đình", sometimes "2.1."), lettered points ("a)", "a.") and
 * dash lists. Each unit keeps its place in that numbering (III › 2 › a), which is how officials
 * cite these documents: "mục III.2 Kế hoạch số 123/KH-UBND".
 *
 * As with articles, a line only becomes a part, item or point when it has the form *and* fits the
 * running sequence (I, II, III; 1, 2, 3 under each part; a, b, c under each item), so a stray
 * "3." or "c)" in running text stays text.
 */

const ROMAN_RE = /^([IVXLC]{1,6})\s*[.:–-]\s*(.*)$/u;
// OCR drops the dot: "I MỤC ĐÍCH". Only with a title in capitals.
const ROMAN_CAPS_RE = /^([IVXLC]{1,6})\s+(\p{Lu}[\p{Lu}\s,–-]{2,})$/u;
const PART_WORD_RE = /^(?:PHẦN|Phần)\s+([IVXLC]{1,6}|(?:THỨ|thứ|Thứ)\s+\p{L}+)\s*(?:[.:–-]\s*(.*))?$/u;
const ITEM_RE = /^(\d{1,2})\.\s+(\S.*)$/u;
const SUB_ITEM_RE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/u;
const POINT_RE = /^([a-zđ])(?:\)\s*|\.\s+)(\S.*)$/u;
/** Lines of the document's head: number, date, type, name, legal bases. */
const HEAD_RE = /^(?:Số\s*[:.]?\s*\S|Căn cứ|Kính gửi|V\/v|Về việc|Độc lập|CỘNG HÒA|CỘNG HOÀ)|^[\p{L} .]{2,40},\s*ngày\s+\d/u;
// Points follow the Vietnamese alphabet (a b c d đ e g h i k …); many offices skip đ or follow the
// Latin one. The next point is the next letter in either.
const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const nextLetters = (l: string) => new Set([VI_LETTERS[VI_LETTERS.indexOf(l) + 1], LATIN_LETTERS[LATIN_LETTERS.indexOf(l) + 1]].filter(Boolean));
const ORDINALS: Record<string, number> = { nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };

// Headings are short; a longer line with the form is a sentence that happens to start so.
const MAX_HEADING_CHARS = 200;
// Paragraph groups of a document with no headings at all.
const MAX_GROUP_CHARS = 1500;

interface Node {
  level: 0 | 1 | 2 | 3 | 4; // root, part, item, sub-item, point
  label: string;
  line: string;
  body: string[];
  children: Node[];
}

function lines(text: string): string[] {
  return nfc(text)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** "III. NHIỆM VỤ", "III - NHIỆM VỤ", "III.", "Phần III", "PHẦN THỨ BA" → value and title. */
function matchPart(line: string): { value: number; title: string } | null {
  const w = PART_WORD_RE.exec(line);
  if (w) {
    const label = w[1]!;
    const value = /^[IVXLC]+$/.test(label) ? romanValue(label) : (ORDINALS[label.split(/\s+/)[1]!.toLocaleLowerCase('vi')] ?? 0);
    return value ? { value, title: w[2]?.trim() ?? '' } : null;
  }
  const m = ROMAN_RE.exec(line) ?? ROMAN_CAPS_RE.exec(line);
  if (!m) return null;
  // "V.I. Lê-nin", "X. quang": a part title is capitalised (or on the next line).
  const title = m[2]!.trim();
  if (title && !/^[\p{Lu}\d"“(]/u.test(title)) return null;
  return { value: romanValue(m[1]!), title };
}

const isStructural = (l: string) => Boolean(matchPart(l) || ITEM_RE.test(l) || SUB_ITEM_RE.test(l) || POINT_RE.test(l));

/** Parses the numbered outline; null when the text has no part and fewer than two items. */
export function parseNumbered(text: string): Structure | null {
  const ls = lines(text);
  const root: Node = { level: 0, label: '', line: '', body: [], children: [] };
  let stack: Node[] = [root];
  const preamble: string[] = [];
  let started = false;
  let closed = false;
  let lastPart = 0;
  let parts = 0;
  let items = 0;

  const childrenOfLevel = (n: Node, level: number) => n.children.filter((c) => c.level === level);
  const open = (parent: Node, node: Node) => {
    parent.children.push(node);
    stack = [...stack.slice(0, stack.indexOf(parent) + 1), node];
    started = true;
  };

  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    if (closed) {
      preamble.push(line);
      continue;
    }
    if (started && SIGNATURE_RE.test(line)) {
      closed = true;
      preamble.push(line);
      continue;
    }

    const part = line.length <= MAX_HEADING_CHARS ? matchPart(line) : null;
    // A part heading in capitals whose numeral does not follow ("I. NHIỆM VỤ" after "I.") is
    // what OCR makes of "II.": it is taken as the next part.
    if (part && started && part.value <= lastPart && part.title && isAllCaps(part.title)) part.value = lastPart + 1;
    if (part && part.value > lastPart && part.value <= lastPart + 2 && (started || part.value === 1)) {
      let title = part.title;
      const next = ls[i + 1];
      // "III." with its title on the next line.
      if (!title && next && next.length <= MAX_HEADING_CHARS && !isStructural(next)) {
        title = next;
        i++;
      }
      const label = toRoman(part.value);
      open(root, { level: 1, label, line: title ? `${label}. ${title}` : `${label}.`, body: [], children: [] });
      lastPart = part.value;
      parts++;
      continue;
    }

    const sub = SUB_ITEM_RE.exec(line);
    if (sub && started) {
      const parent = [...stack].reverse().find((n) => n.level === 2 && n.label === sub[1]);
      if (parent) {
        const prev = childrenOfLevel(parent, 3).at(-1);
        const n = Number(sub[2]);
        const prevN = prev ? Number(prev.label.split('.')[1]) : 0;
        if (n > prevN && n <= prevN + 2) {
          open(parent, { level: 3, label: `${sub[1]}.${sub[2]}`, line, body: [], children: [] });
          continue;
        }
      }
    }

    const item = ITEM_RE.exec(line);
    if (item) {
      const parent = [...stack].reverse().find((n) => n.level <= 1)!;
      const prev = childrenOfLevel(parent, 2).at(-1);
      const n = Number(item[1]);
      const prevN = prev ? Number(prev.label) : 0;
      const fits = prev ? n > prevN && n <= prevN + 2 : n === 1;
      if (fits && (started || n === 1)) {
        open(parent, { level: 2, label: String(n), line, body: [], children: [] });
        items++;
        continue;
      }
    }

    const point = POINT_RE.exec(line);
    if (point && started) {
      const parent = [...stack].reverse().find((n) => n.level >= 1 && n.level <= 3);
      if (parent) {
        const prev = childrenOfLevel(parent, 4).at(-1);
        if (prev ? nextLetters(prev.label).has(point[1]!) : point[1] === 'a') {
          open(parent, { level: 4, label: point[1]!, line, body: [], children: [] });
          continue;
        }
      }
    }

    if (!started) preamble.push(line);
    else stack[stack.length - 1]!.body.push(line);
  }

  if (parts === 0 && items < 2) return null;
  const sections: Section[] = [];
  for (const child of root.children) emit(child, [], sections);
  // Lines under the root that belong to no part or item (a closing paragraph) are kept as text.
  return { kind: 'sections', scheme: 'numbered', preamble: [...preamble, ...root.body], articles: [], sections };
}

/** A unit with nothing under its own line: a one-line task in a list. */
const oneLiner = (n: Node) => n.body.length === 0 && n.children.length === 0;

/**
 * Sections in document order. A part's own paragraphs, its direct points and each run of its
 * one-line items form one section (citable as "mục II", the item as "mục II.2"); an item or
 * sub-item with a body is a section of its own, its points inside it. A unit whose only content
 * is its children is a path, never a heading-only section.
 */
function emit(node: Node, ancestors: Node[], out: Section[]): void {
  const labels = [...ancestors.map((a) => a.label), node.label];
  const path = ancestors.map((a) => a.line);
  const fresh = (): Section => ({ path, heading: node.line, paragraphs: [], labels, items: [], points: [] });
  let own: Section = { ...fresh(), paragraphs: [...node.body] };
  const flush = () => {
    if (own.paragraphs.length) out.push(own);
    own = fresh();
  };
  const childLevel = node.level + 1;
  for (const c of node.children) {
    if (c.level === 4) {
      own.paragraphs.push(c.line, ...c.body);
      own.points.push(c.label);
    } else if (oneLiner(c) && (node.level >= 1 || c.level === childLevel)) {
      if (node.level === 0) {
        // A numbered list with no parts: each item is its own section.
        flush();
        out.push({ path: [], heading: c.line, paragraphs: [], labels: [c.label], items: [], points: [] });
        continue;
      }
      own.paragraphs.push(c.line);
      own.items.push(c.label);
    } else {
      flush();
      emit(c, node.level === 0 ? [] : [...ancestors, node], out);
    }
  }
  flush();
}

/**
 * A document with neither Điều nor numbering (a công văn, a leaflet): sections at its headings
 * (short lines with no closing punctuation, in capitals or followed by a longer paragraph), and
 * paragraphs grouped when there are none. Labels are positions ("§2"), since the text has none.
 */
/** Fewer words than this, with no Điều and no numbering, is not a document (a note, a greeting). */
const MIN_DOCUMENT_WORDS = 40;

export function parseHeadings(text: string): Structure {
  const ls = lines(text);
  const preamble: string[] = [];
  let i = 0;
  // The head: issuer, number, date, type and name (capitals), bases and addressee.
  while (i < ls.length && (HEAD_RE.test(ls[i]!) || isAllCaps(ls[i]!)) && i < 15) preamble.push(ls[i++]!);
  const body: string[] = [];
  const tail: string[] = [];
  for (; i < ls.length; i++) {
    if (SIGNATURE_RE.test(ls[i]!)) {
      tail.push(...ls.slice(i));
      break;
    }
    body.push(ls[i]!);
  }

  const sections: Section[] = [];
  let current: Section | null = null;
  // Sections started by a real heading, as opposed to groups of paragraphs.
  const headed = new Set<Section>();
  const start = (heading: string, isHeading: boolean) => {
    current = { path: [], heading, paragraphs: [], labels: [], items: [], points: [] };
    if (isHeading) headed.add(current);
    sections.push(current);
  };
  for (let j = 0; j < body.length; j++) {
    const line = body[j]!;
    const cur = current as Section | null;
    if (isHeading(line, body[j + 1])) start(line, true);
    else if (!cur) start(line, false);
    else if (!headed.has(cur) && [cur.heading, ...cur.paragraphs].join('\n').length + line.length > MAX_GROUP_CHARS) start(line, false);
    else cur.paragraphs.push(line);
  }
  const kept = sections.filter((s) => s.paragraphs.length > 0 || !headed.has(s));
  kept.forEach((s, n) => (s.labels = [`§${n + 1}`]));
  // Without Điều or numbering, only the amount of text says it is a document at all: a greeting,
  // a chat message pasted into a file or a list of numbers is refused, not indexed.
  const words = body
    .join(' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
  return { kind: 'sections', scheme: 'headings', preamble: [...preamble, ...tail], articles: [], sections: words >= MIN_DOCUMENT_WORDS ? kept : [] };
}

function isAllCaps(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && s === s.toLocaleUpperCase('vi');
}

/** Short, capitalised, no closing punctuation: "Đối tượng được hỗ trợ", "ĐỊA CHỈ LIÊN HỆ". */
function isHeadingLine(line: string): boolean {
  const words = line.split(' ').length;
  return line.length <= 100 && words <= 14 && /^[\p{Lu}\d]/u.test(line) && !/[.;,…]$/u.test(line);
}

function isHeading(line: string, next: string | undefined): boolean {
  if (!isHeadingLine(line) || !next) return false;
  return isAllCaps(line) || (next.length > line.length && !isHeadingLine(next)) || /:$/.test(line);
}

/** Sections of a document without Điều: by its numbering when it has one, else by headings. */
export function parseSections(text: string): Structure {
  return parseNumbered(text) ?? parseHeadings(text);
}

import type { Article, Clause, Section, Structure } from '../types.js';
import { nfc } from '../text/vietnamese.js';

/**
 * Structure of Vietnamese normative documents (Nghị định 30/2020/NĐ-CP, Luật Ban hành VBQPPL):
 * Phần › Chương (Roman) › Mục › Tiểu mục › Điều N › khoản "1." › điểm "a)".
 *
 * Input is one paragraph per line (format parsers reflow PDF lines first). A line only becomes
 * a heading when it has a heading's form *and* fits the running sequence, so a wrapped
 * cross-reference ("… quy định tại\nĐiều 5 của Luật này") stays body text.
 */

const PART_RE = /^(PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\S+)\s*(?:[.:–-]\s*(.*))?$/u;
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

    const heading = matchDivision(line);
    if (heading) {
      setPath(heading.level, heading.label);
      if (!heading.hasTitle) pendingTitle = path[path.length - 1]!;
      current = null;
      clause = null;
      continue;
    }

    const am = ARTICLE_RE.exec(line);
    if (am) {
      const num = Number(am[1]);
      const label = `${am[1]}${am[2] ?? ''}`;
      // Articles only go forward ("Điều 8a" may follow "Điều 8"); anything else is a wrapped reference.
      const forward = num > lastNum || (num === lastNum && am[2] && current && current.label !== label);
      if (forward) {
        current = { label, num, title: am[3]?.trim() ?? '', path: path.map((p) => p.label), intro: [], clauses: [] };
        articles.push(current);
        clause = null;
        lastNum = num;
        continue;
      }
    }

    if (!current) {
      preamble.push(line);
      continue;
    }

    const cm = CLAUSE_RE.exec(line);
    if (cm && isNextClause(current, `${cm[1]}${cm[2] ?? ''}`)) {
      clause = { label: `${cm[1]}${cm[2] ?? ''}`, text: line, points: [], tail: [] };
      current.clauses.push(clause);
      continue;
    }

    const pm = POINT_RE.exec(line);
    if (pm && clause && clause.tail.length === 0) {
      clause.points.push({ label: `${pm[1]}${pm[2] ?? ''}`, text: line });
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

/** khoản numbers run 1, 2, 3 (with inserted 8a after 8); a "3." elsewhere is body text. */
function isNextClause(article: Article, label: string): boolean {
  const prev = article.clauses[article.clauses.length - 1];
  const n = parseInt(label, 10);
  if (!prev) return n === 1 || (n > 1 && article.intro.length === 0 && n <= 3);
  const pn = parseInt(prev.label, 10);
  if (n === pn + 1) return true;
  if (n === pn && /[a-zđ]$/.test(label) && label !== prev.label) return true;
  // Excerpts and amended texts skip repealed khoản.
  return n > pn && n <= pn + 3;
}

/**
 * Provincial plans and other non-normative documents: "I. MỤC ĐÍCH, YÊU CẦU" › "1. Mục đích"
 * › "a)" › "-". Sections are cut at Roman and numbered headings; the rest is body.
 */
const ROMAN_HEADING_RE = /^([IVXLC]+)\.\s+(.+)$/u;
const NUMBERED_HEADING_RE = /^(\d+(?:\.\d+)*)\.\s+(.+)$/u;

export function parseSections(text: string): Structure {
  const lines = nfc(text)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const sections: Section[] = [];
  const preamble: string[] = [];
  let roman: string | null = null;
  let current: Section | null = null;

  for (const line of lines) {
    const rm = ROMAN_HEADING_RE.exec(line);
    if (rm) {
      roman = line;
      current = { path: [], heading: line, paragraphs: [] };
      sections.push(current);
      continue;
    }
    const nm = NUMBERED_HEADING_RE.exec(line);
    // A short numbered line is a heading ("1. Mục đích"); a long one is a numbered paragraph.
    if (nm && line.length <= 160) {
      current = { path: roman ? [roman] : [], heading: line, paragraphs: [] };
      sections.push(current);
      continue;
    }
    if (current) current.paragraphs.push(line);
    else preamble.push(line);
  }
  return { kind: 'sections', preamble, articles: [], sections };
}

/** Legal structure when the text has articles; heading sections otherwise. */
export function parseStructure(text: string): Structure {
  const legal = parseLegalStructure(text);
  if (legal.articles.length >= 2) return legal;
  const sections = parseSections(text);
  if (sections.sections.length === 0 && legal.articles.length === 1) return legal;
  return sections;
}

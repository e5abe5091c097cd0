import type { Article, ChunkDraft, Section, Structure } from '../types.js';

/**
 * One chunk per Điều (or, in a document without Điều, per part or item); a long Điều is cut at khoản boundaries with its heading repeated, so every
 * chunk can be cited as "khoản k Điều n" and none is a heading without its body.
 */

/**
 * What the structure parser and this chunker make of a text. Raise it whenever either changes the
 * chunks a text is cut into (their boundaries, khoản or điểm labels, text): at the next start every
 * bundled law stored by an older version is cut again (ingest/corpus-sync.ts); uploaded documents
 * are re-parsed from their kept original by an official (console: reindex).
 * 1: excerpts' khoản read from any number (Luật Đất đai Điều 87 from khoản 4), lists inside a
 *    khoản and quoted amendments no longer read as khoản.
 * 2: a chunk's search text reads "%" as "phần trăm" (ingest/text/vietnamese.ts), so the laws' "85%"
 *    is found by a member's "bao nhiêu phần trăm".
 */
export const CHUNKER_VERSION = 2;

// ~350 Vietnamese words: long enough to keep most articles whole, short enough to cite precisely.
const MAX_CHARS = 2000;

export interface ChunkContext {
  /** "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)" */
  documentName: string;
}

export function chunkStructure(structure: Structure, ctx: ChunkContext): ChunkDraft[] {
  const out: ChunkDraft[] = [];
  if (structure.kind === 'legal') {
    for (const a of structure.articles) for (const c of chunkArticle(a, ctx)) out.push({ ...c, ordinal: out.length });
  } else {
    for (const s of structure.sections) for (const c of chunkSection(s, ctx)) out.push({ ...c, ordinal: out.length });
  }
  return out;
}

export function articleHeading(a: Pick<Article, 'label' | 'title'>): string {
  return a.title ? `Điều ${a.label}. ${a.title}` : `Điều ${a.label}`;
}

export function contextHeader(documentName: string, path: string[], last: string): string {
  // Only the short label of each division ("Chương III"), so headers stay one line on a phone.
  const short = path.map((p) => p.split('. ')[0]!);
  return [documentName, ...short, last].join(' › ');
}

function clauseText(c: Article['clauses'][number]): string {
  return [c.text, ...c.points.map((p) => p.text), ...c.tail].join('\n');
}

function chunkArticle(a: Article, ctx: ChunkContext): Omit<ChunkDraft, 'ordinal'>[] {
  const heading = articleHeading(a);
  const header = contextHeader(ctx.documentName, a.path, heading);
  const intro = a.intro.join('\n');
  const bodies = a.clauses.map(clauseText);
  const whole = [heading, intro, ...bodies].filter(Boolean).join('\n');
  const base = {
    path: a.path,
    article: a.label,
    articleNum: a.num,
    articleTitle: a.title,
    header,
  };
  const pointsOf = (cs: Article['clauses']) => Object.fromEntries(cs.filter((c) => c.points.length).map((c) => [c.label, c.points.map((p) => p.label)]));

  if (whole.length <= MAX_CHARS || a.clauses.length < 2) {
    return [{ ...base, clauses: a.clauses.map((c) => c.label), points: pointsOf(a.clauses), part: 0, text: whole }];
  }

  const pieces: Omit<ChunkDraft, 'ordinal'>[] = [];
  let group: Unit[] = [];
  let size = heading.length + intro.length;
  const flush = () => {
    if (!group.length) return;
    const lead = pieces.length === 0 && intro ? [heading, intro] : [heading];
    const clauses = [...new Set(group.map((u) => u.clause.label))];
    const points: Record<string, string[]> = {};
    for (const u of group) if (u.points.length) (points[u.clause.label] ??= []).push(...u.points);
    pieces.push({ ...base, clauses, points, part: pieces.length + 1, text: [...lead, ...group.map((u) => u.text)].join('\n') });
    group = [];
    size = heading.length;
  };
  for (const u of a.clauses.flatMap((c) => units(c, MAX_CHARS - heading.length))) {
    if (group.length && size + u.text.length > MAX_CHARS) flush();
    group.push(u);
    size += u.text.length;
  }
  flush();
  return pieces;
}

/** A khoản, or, when one khoản alone is too long, its lead line with a run of its điểm. */
interface Unit {
  clause: Article['clauses'][number];
  points: string[];
  text: string;
}

/**
 * A khoản that lists many điểm (prohibited acts, definitions, penalties) is cut between điểm,
 * each piece repeating the khoản's lead line, so a question about one act finds a short chunk
 * that names it, citable as "điểm o khoản 1 Điều 3".
 */
function units(c: Article['clauses'][number], max: number): Unit[] {
  const whole = clauseText(c);
  if (whole.length <= max || c.points.length < 2) return [{ clause: c, points: c.points.map((p) => p.label), text: whole }];
  const out: Unit[] = [];
  let run: Article['clauses'][number]['points'] = [];
  let size = c.text.length;
  const flush = (tail: string[]) => {
    out.push({ clause: c, points: run.map((p) => p.label), text: [c.text, ...run.map((p) => p.text), ...tail].join('\n') });
    run = [];
    size = c.text.length;
  };
  for (const p of c.points) {
    if (run.length && size + p.text.length > max) flush([]);
    run.push(p);
    size += p.text.length;
  }
  flush(c.tail);
  return out;
}

/**
 * The body lines of a split article put back together (the inverse of chunkArticle): every piece
 * repeats the heading line, and a piece that continues a khoản cut between its điểm repeats that
 * khoản's lead line; each is kept once.
 */
export function joinArticlePieces(pieces: { text: string; clauses: string[] }[]): string[] {
  const out: string[] = [];
  let prevClauses: string[] = [];
  for (const p of pieces) {
    const lines = p.text.split('\n').slice(1);
    const continues = p.clauses.length > 0 && prevClauses.includes(p.clauses[0]!);
    out.push(...(continues ? lines.slice(1) : lines));
    prevClauses = p.clauses;
  }
  return out;
}

/**
 * A section of a document without Điều (a plan's part or item): one chunk, or, when long, pieces
 * cut between paragraphs, each repeating the section's heading line. Every piece carries the
 * section's place in the document's numbering (III › 2), so it is cited as "mục III.2".
 */
function chunkSection(s: Section, ctx: ChunkContext): Omit<ChunkDraft, 'ordinal'>[] {
  const header = contextHeader(ctx.documentName, s.path, s.heading);
  const pieces: Omit<ChunkDraft, 'ordinal'>[] = [];
  const owner = s.labels[s.labels.length - 1] ?? '';
  let buf: string[] = [];
  let size = s.heading.length;
  const flush = () => {
    const text = [s.heading, ...buf].join('\n');
    // Only the items and points this piece holds, so a cited "mục II.2" comes from the right one.
    const items = s.items.filter((label) => buf.some((l) => l.startsWith(`${label}. `)));
    const points = s.points.filter((p) => buf.some((l) => l.startsWith(`${p})`) || l.startsWith(`${p}. `)));
    pieces.push({
      path: s.path,
      heading: s.heading,
      section: s.labels,
      clauses: pieces.length === 0 && buf.length === 0 ? s.items : items,
      points: points.length ? { [owner]: points } : {},
      part: pieces.length,
      header,
      text,
    });
    buf = [];
    size = s.heading.length;
  };
  for (const p of s.paragraphs) {
    if (buf.length && size + p.length > MAX_CHARS) flush();
    buf.push(p);
    size += p.length;
  }
  if (buf.length || pieces.length === 0) flush();
  return pieces;
}

/** "mục III.2": a section's labels as a document's own numbering writes them. */
export function sectionRef(labels: readonly string[]): string {
  return labels.join('.');
}

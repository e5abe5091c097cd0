import { fold, foldedSyllables } from '../../../ingest/text/vietnamese.js';
import type { IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { foldedTitle } from './ages.js';
import { namesForeignPerson } from './foreign.js';

/**
 * Some laws state one rule twice under the same title, once per regime, and only the chapter tells
 * them apart: the social-insurance law's "Mức lương hưu hằng tháng" (Điều 66, compulsory insurance;
 * Điều 99, voluntary), the civil-status law's "Thẩm quyền đăng ký khai sinh" (Điều 13 at the
 * commune; Điều 35 at the district, for a foreign element), the adoption law's "Điều kiện đối với
 * người nhận con nuôi" (Điều 14 in the country; Điều 29 with a foreign element). Both twins share
 * her words, and her words rarely name the chapter. The law writes the general regime first and the
 * special one after it, so: the twin whose chapter words she says ("tự nguyện"), or which is about a
 * foreign element when she names a foreign person (foreign.ts namesForeignPerson: "người Trung
 * Quốc", not a fiancé working in Korea), is the one she asks about; when she says neither,
 * the first twin is. Only her own words name a chapter: the thesaurus reads "buôn bán" as voluntary
 * insurance, which a worker who will trade with what she withdraws is not. The twin she asks about
 * moves to just before its first twin among the first articles, so nothing else changes place.
 * Measured on member probes 1–10 (the bundled corpus): first places +7 (the general twin for a
 * worker's pension, survivor's or lump-sum question; the foreign twin for a Chinese father
 * acknowledging his child), −0; MRR 0.822 → 0.824; blind unchanged.
 */

/** How many first articles are searched for twins, whatever k: the first hit must not depend on how many were asked for. */
export const TWIN_DEPTH = 10;

/** What an article with a same-titled sibling in its document carries (IndexedChunk.twin). */
export interface TitleTwin {
  /** Twins share it: the document and the folded title. */
  group: string;
  /** The first of its twins in the document: the general regime. */
  general: boolean;
  /** Folded syllable pairs of its chapter's title that no other twin's holds ("tunguyen"; see twinMarks). */
  marks: readonly string[];
  /** A later twin about a foreign element: its chapter says so, or its text names "nước ngoài" and the first twin's does not. */
  foreign: boolean;
}

/** What titleTwins reads of a chunk row. */
export interface TwinSource {
  documentId: string;
  articleKey: string;
  title: string | null;
  path: readonly string[] | null | undefined;
  /** Folded text of the chunk (chunks.search_text). */
  text: string;
}

/** A division label's number ("Chương III. ", "Mục 2. "), before its title. */
export const DIVISION_NUMBER = /^(phần|chương|mục|tiểu mục)\s+[^.\s]+\.?\s*/iu;

/** Folded syllables of a division's title, without its number ("Chương VI. BẢO HIỂM XÃ HỘI TỰ NGUYỆN" → bao hiem xa hoi tu nguyen). */
function divisionSyllables(label: string | undefined): string[] {
  return label ? foldedSyllables(label.replace(DIVISION_NUMBER, '')) : [];
}

/**
 * The marks of each twin: at the first division level where the twins' paths differ (the chapter
 * for the social-insurance law, not its sections, whose own titles differ by accident — "CHẾ ĐỘ
 * THAI SẢN", "TRỢ CẤP THAI SẢN"), the pairs of adjacent syllables that are both absent from every
 * other twin's title there: "tunguyen", "batbuoc", never "hoitu" (a word of "xã hội" and one of
 * "tự nguyện", which a message reads when "bh" is expanded before "từ").
 */
function twinMarks(paths: readonly (readonly string[])[]): string[][] {
  const depth = Math.max(...paths.map((p) => p.length));
  let level = 0;
  while (level < depth && paths.every((p) => p[level] === paths[0]![level])) level++;
  const syllables = paths.map((p) => divisionSyllables(p[level]));
  return syllables.map((own, i) => {
    const others = new Set(syllables.filter((_, j) => j !== i).flat());
    const marks: string[] = [];
    for (let k = 0; k + 1 < own.length; k++) if (!others.has(own[k]!) && !others.has(own[k + 1]!)) marks.push(own[k]! + own[k + 1]!);
    return marks;
  });
}

const namesForeign = (folded: string) => /\bnuoc ngoai\b/.test(folded);

/**
 * Each chunk's twin information (by the chunk's position in `rows`), for the articles of a document
 * that share their title with another of its articles; undefined for every other chunk.
 */
export function titleTwins(rows: readonly TwinSource[]): (TitleTwin | undefined)[] {
  // document + folded title → article keys in the order the document states them
  const articles = new Map<string, string[]>();
  const paths = new Map<string, readonly string[]>();
  const foreignText = new Set<string>();
  for (const r of rows) {
    const title = foldedTitle(r.title);
    if (!title) continue;
    const group = `${r.documentId}\u0000${title}`;
    let keys = articles.get(group);
    if (!keys) articles.set(group, (keys = []));
    const art = `${group}\u0000${r.articleKey}`;
    if (!keys.includes(r.articleKey)) keys.push(r.articleKey);
    if (!paths.has(art)) paths.set(art, r.path ?? []);
    if (namesForeign(r.text)) foreignText.add(art);
  }
  const info = new Map<string, TitleTwin>();
  for (const [group, keys] of articles) {
    if (keys.length < 2) continue;
    const marks = twinMarks(keys.map((k) => paths.get(`${group}\u0000${k}`) ?? []));
    const firstForeign = foreignText.has(`${group}\u0000${keys[0]}`);
    keys.forEach((k, i) => {
      const art = `${group}\u0000${k}`;
      const path = paths.get(art) ?? [];
      const foreign = i > 0 && (path.some((l) => namesForeign(fold(l.toLowerCase()))) || (foreignText.has(art) && !firstForeign));
      info.set(art, { group, general: i === 0, marks: marks[i]!, foreign });
    });
  }
  return rows.map((r) => {
    const title = foldedTitle(r.title);
    return title ? info.get(`${r.documentId}\u0000${title}\u0000${r.articleKey}`) : undefined;
  });
}

/**
 * `top` (the first articles, best first) with the twin she asks about (see above) moved to just
 * before its first twin when it ranks below it; every other article keeps its place relative to the
 * rest, and the moved twin takes the score of the place it moves to. The same array when nothing
 * moves. `terms` are her search terms (folded syllables and pairs).
 */
export function orderTitleTwins(
  chunks: readonly IndexedChunk[],
  top: ScoredChunk[],
  terms: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  question: string,
): ScoredChunk[] {
  const groups = new Map<string, number[]>();
  top.forEach((r, pos) => {
    const t = chunks[r.index]!.twin;
    if (!t) return;
    const list = groups.get(t.group);
    if (list) list.push(pos);
    else groups.set(t.group, [pos]);
  });
  let foreignAsked: boolean | null = null;
  const asked = (t: TitleTwin) => {
    if (t.marks.some((m) => terms.has(m))) return true;
    if (!t.foreign) return false;
    foreignAsked ??= namesForeignPerson(question);
    return foreignAsked;
  };
  let out = top;
  for (const positions of groups.values()) {
    if (positions.length < 2) continue;
    const twins = positions.map((pos) => ({ pos, twin: chunks[top[pos]!.index]!.twin! }));
    const said = twins.filter((t) => asked(t.twin));
    const preferred = said.length === 1 ? said[0] : said.length === 0 ? twins.find((t) => t.twin.general) : undefined;
    if (!preferred || preferred.pos === positions[0]) continue;
    if (out === top) out = top.slice();
    // Positions found in `top` still hold in `out`: twins of one group move only among their own places' range.
    const from = out.indexOf(top[preferred.pos]!);
    const to = out.indexOf(top[positions[0]!]!);
    const [moved] = out.splice(from, 1);
    out.splice(to, 0, { index: moved!.index, score: out[to]!.score });
  }
  return out;
}

import { fold } from '../text/vietnamese.js';
import type { Structure } from '../types.js';
import type { ParsedNotes } from './notes-file.js';

/**
 * Rules for a document's notes (corpus/articles/README.md): every article has 3–8 ways members
 * ask about it and one plain-language sentence; every khoản and điểm named exists; no phrasing
 * just repeats the article's title (that would only teach the index what it already knows); no
 * plain sentence opens with a yes or a no.
 */
export const MIN_ASKS = 3;
export const MAX_ASKS = 8;
/**
 * A plain sentence opening with a yes or a no ("Có, lúc hành kinh được nghỉ 30 phút…") answers one
 * way of asking; it also leads answers to "bao nhiêu phút", where "Có," answers nothing. It says what
 * the khoản says instead.
 */
const OPENS_WITH_YES_NO = /^(Có|Không|Đúng|Sai|Được|Phải)\s*[,.!:]/u;

export function checkNotes(structure: Structure, notes: ParsedNotes): string[] {
  const errors = [...notes.errors];
  if (structure.kind !== 'legal') return [...errors, 'notes are written per Điều; this document has none'];
  const articles = new Map(structure.articles.map((a) => [a.label, a]));
  const asks = new Map<string, number>();
  const meanings = new Map<string, number>();
  for (const r of notes.rows) {
    const a = articles.get(r.article);
    if (!a) {
      errors.push(`line ${r.line}: Điều ${r.article} is not in the document`);
      continue;
    }
    const clause = r.clause ? a.clauses.find((c) => c.label === r.clause) : null;
    if (r.clause && !clause) errors.push(`line ${r.line}: khoản ${r.clause} is not in Điều ${r.article}`);
    else if (r.point && !clause!.points.some((p) => p.label === r.point))
      errors.push(`line ${r.line}: điểm ${r.point} is not in khoản ${r.clause} Điều ${r.article}`);
    if (r.kind === 'ask') {
      asks.set(r.article, (asks.get(r.article) ?? 0) + 1);
      if (
        fold(r.text)
          .replace(/[^a-z0-9 ]/g, '')
          .trim() ===
        fold(a.title)
          .replace(/[^a-z0-9 ]/g, '')
          .trim()
      ) {
        errors.push(`line ${r.line}: the phrasing repeats the title of Điều ${r.article}`);
      }
    } else {
      if (!r.clause) meanings.set(r.article, (meanings.get(r.article) ?? 0) + 1);
      if (OPENS_WITH_YES_NO.test(r.text.normalize('NFC'))) errors.push(`line ${r.line}: the plain sentence opens with a yes or a no; say what the text says`);
    }
  }
  for (const a of structure.articles) {
    const n = asks.get(a.label) ?? 0;
    if (n < MIN_ASKS || n > MAX_ASKS) errors.push(`Điều ${a.label}: ${n} phrasings (hỏi), expected ${MIN_ASKS}–${MAX_ASKS}`);
    const m = meanings.get(a.label) ?? 0;
    if (m !== 1) errors.push(`Điều ${a.label}: ${m} plain-language sentences (nghĩa) for the whole article, expected 1`);
  }
  return errors;
}

import type { NoLongerInForce, SuccessorArticle } from '../library/successor.js';
import type { Citation } from './answerer.js';
import { citationPlace } from './citation.js';
import { render } from './templates.js';

/**
 * The lines that tell a member asking about an old text what its replacement says now, with the
 * replacement's article as a citation (it was read from the library for this answer, so the
 * citation is in the answer's context). One line per replaced document: the best-ranked hit.
 */
export function successorPart(
  successors: readonly SuccessorArticle[],
  firstSource: number,
  /** Said first, after the line that the text she named no longer applies (namedPart): no "Văn bản này". */
  lead = false,
): { lines: string[]; citations: Citation[]; cited: (answer: string) => Citation[] } {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const lineOf = new Map<Citation, string>();
  const seen = new Set<string>();
  for (const s of successors) {
    if (seen.has(s.old.document.id)) continue;
    seen.add(s.old.document.id);
    if (!s.article) {
      // Leading, the line above has named the replacement already; nothing more to say of it.
      if (lead) continue;
      lines.push(render('successor-missing.vi.txt', { name: s.document.name, article: s.old.article ?? '' }));
      continue;
    }
    const c: Citation = {
      document: s.document,
      article: s.article,
      clause: s.clause,
      point: null,
      quote: s.quote,
      source: firstSource + citations.length,
      section: null,
    };
    const citation = `${citationPlace(c)} ${s.document.name}`;
    const line = lead
      ? render('successor-lead.vi.txt', { citation, quote: s.quote })
      : render('successor-statement.vi.txt', { name: s.document.name, citation, quote: s.quote });
    citations.push(c);
    lines.push(line);
    lineOf.set(c, line);
  }
  // Only what the answer really carries is cited (the line may have been left out).
  return { lines, citations, cited: (answer) => citations.filter((c) => answer.includes(lineOf.get(c)!)) };
}

/**
 * The first words of an answer to a member who names a text no longer in force: that it no longer
 * applies, since when, and what applies now ("Nghị định 144/2021/NĐ-CP mà chị nhắc đến đã hết hiệu
 * lực từ 15/12/2025; nay áp dụng Nghị định 282/2025/NĐ-CP.").
 */
export function namedPart(named: readonly NoLongerInForce[]): string[] {
  return named.map((n) => {
    const since = n.since ? ` từ ${n.since}` : '';
    return n.replacement
      ? render('named-replaced.vi.txt', { name: n.document.name, since, replacement: n.replacement.name })
      : render('named-expired.vi.txt', { name: n.document.name, since });
  });
}

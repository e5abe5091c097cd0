import type { SuccessorArticle } from '../library/successor.js';
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
): { lines: string[]; citations: Citation[]; cited: (answer: string) => Citation[] } {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const lineOf = new Map<Citation, string>();
  const seen = new Set<string>();
  for (const s of successors) {
    if (seen.has(s.old.document.id)) continue;
    seen.add(s.old.document.id);
    if (!s.article) {
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
    const line = render('successor-statement.vi.txt', { name: s.document.name, citation: `${citationPlace(c)} ${s.document.name}`, quote: s.quote });
    citations.push(c);
    lines.push(line);
    lineOf.set(c, line);
  }
  // Only what the answer really carries is cited (the line may have been left out).
  return { lines, citations, cited: (answer) => citations.filter((c) => answer.includes(lineOf.get(c)!)) };
}

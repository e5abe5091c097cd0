import type { ArticleHit } from '../retrieval/retriever.js';
import type { Citation } from './answerer.js';
import { citationFor } from './citation.js';

/**
 * Checks an LLM's text against the numbered sources it was given. "[n]" becomes a citation of
 * source n; an out-of-range "[n]" and any "Điều N" that no source contains are removed before
 * the text is shown, and reported so they can be logged. Works on a stream: text is released
 * sentence by sentence, only after it has been checked.
 */
export class CitationFilter {
  private buffer = '';
  readonly citations: Citation[] = [];
  readonly dropped: string[] = [];
  private readonly articles: Set<string>;

  constructor(private readonly sources: ArticleHit[]) {
    this.articles = new Set(sources.map((s) => s.article).filter((a): a is string => Boolean(a)));
  }

  /** Adds streamed text; returns the part that is complete and checked. */
  push(text: string): string {
    this.buffer += text;
    const cut = lastBoundary(this.buffer);
    if (cut <= 0) return '';
    const ready = this.buffer.slice(0, cut);
    this.buffer = this.buffer.slice(cut);
    return this.check(ready);
  }

  /** Flushes whatever is left at the end of the stream. */
  end(): string {
    const rest = this.buffer;
    this.buffer = '';
    return rest ? this.check(rest) : '';
  }

  private check(segment: string): string {
    // Article mentions that none of the sources contain are removed (with their khoản/điểm and law name).
    let out = segment.replace(
      /((?:điểm\s+[a-zđ]\d?\s*,?\s*)?(?:khoản\s+\d+[a-zđ]?\s*,?\s*)?Điều\s+(\d+[a-zđ]?)(?:\s+(?:của\s+)?(?:Luật|Bộ luật|Nghị định|Thông tư)(?:\s+(?:số\s+)?[\p{L}\d/.,-]+){0,8})?)/giu,
      (whole: string, _m: string, art: string) => {
        if (this.articles.has(art)) return whole;
        this.dropped.push(whole.trim());
        return '';
      },
    );
    out = out.replace(/\[(\d{1,2})\]/g, (whole, n: string) => {
      const i = Number(n);
      const src = this.sources[i - 1];
      // A source is citable when it is an article or a section of a document without Điều.
      if (!src || (!src.article && !src.section?.length && !src.heading)) {
        this.dropped.push(whole);
        return '';
      }
      this.addCitation(src, i, segment);
      return whole;
    });
    // Tidy spaces left by removals ("theo  quy định" → "theo quy định", " ." → ".").
    return out
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([.,;:])/g, '$1')
      .replace(/\(\s*\)/g, '');
  }

  private addCitation(src: ArticleHit, index: number, sentence: string): void {
    const clauseM = /khoản\s+(\d+[a-zđ]?)/iu.exec(sentence);
    const pointM = /điểm\s+([a-zđ]\d?)\b/iu.exec(sentence);
    const clauseLines = new Map<string, string>();
    for (const line of src.text.split('\n')) {
      const m = /^(\d+[a-zđ]?)\.\s+/.exec(line);
      if (m) clauseLines.set(m[1]!, line);
    }
    const clause = clauseM && clauseLines.has(clauseM[1]!) ? clauseM[1]! : src.clause;
    const clauseText = clause ? clauseLines.get(clause) : undefined;
    const point = pointM && clause && new RegExp(`^${pointM[1]}\\)`, 'mu').test(pointsOf(src.text, clause)) ? pointM[1]! : null;
    if (this.citations.some((c) => c.source === index && c.clause === clause && c.point === point)) return;
    const quote = (clauseText ?? src.text.split('\n')[1] ?? '').replace(/^\d+[a-zđ]?\.\s+/, '').slice(0, 320);
    this.citations.push(citationFor(src, index, clause, point, quote));
  }
}

function pointsOf(text: string, clause: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${clause}. `));
  if (start < 0) return '';
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^\d+[a-zđ]?\.\s/.test(l)) break;
    out.push(l);
  }
  return out.join('\n');
}

/** Index just after the last sentence end or newline, so a "[n]" right after a period stays attached. */
function lastBoundary(s: string): number {
  let cut = -1;
  const re = /(\n|[.!?](?:\s*\[\d{1,2}\])*\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) cut = m.index + m[0].length;
  return cut;
}

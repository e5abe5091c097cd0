import type { Config } from '../../config/config.js';
import { fold, syllables } from '../../ingest/text/vietnamese.js';
import type { ArticleHit } from '../retrieval/retriever.js';
import type { AnswerInput, AnswerOutput, Answerer, Citation } from './answerer.js';
import { citationFor, citationLabel } from './citation.js';
import { render } from './templates.js';

/**
 * The offline answerer: no model. It quotes the khoản/điểm of the top articles that share the
 * most (IDF-weighted) words with the question, each followed by its exact citation, then the
 * practical next steps the law gives. Every sentence it states is a quotation of a retrieved
 * source, so it cannot invent an article.
 */

interface Unit {
  hit: ArticleHit;
  hitRank: number;
  clause: string | null;
  point: string | null;
  text: string;
  order: number;
  score: number;
}

const MAX_STATEMENTS = 3;
const MAX_QUOTE_CHARS = 320;

export class ExtractiveAnswerer implements Answerer {
  readonly id = 'extractive';
  constructor(private readonly config: Pick<Config, 'LEGAL_AID_PHONE'>) {}

  async answer(input: AnswerInput, onToken?: (text: string) => void): Promise<AnswerOutput> {
    const lines: string[] = [];
    const citations: Citation[] = [];
    const sources: ArticleHit[] = [...input.hits, ...input.nextSteps];
    const cite = (u: Unit) => {
      const source = sources.indexOf(u.hit) + 1;
      const quote = trimQuote(u.text);
      const c = citationFor(u.hit, source, u.clause, u.point, quote);
      citations.push(c);
      return render('offline-statement.vi.txt', { citation: citationLabel(c), quote });
    };

    const chosen = pickUnits(input.hits, input.termWeights);
    if (chosen.length) {
      lines.push(render('offline-intro.vi.txt'));
      for (const u of chosen) lines.push(cite(u));
      const notes = new Set<string>();
      for (const u of chosen) {
        const d = u.hit.document;
        if (!d.binding) notes.add(render('offline-plan-note.vi.txt', { name: d.name }));
        if (d.status === 'expired' || d.status === 'replaced') {
          notes.add(render('offline-expired-note.vi.txt', { name: d.name, status: d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực' }));
        }
      }
      lines.push(...notes);
    } else {
      lines.push(render('no-answer.vi.txt'));
    }

    const steps = pickUnits(input.nextSteps, input.nextStepWeights, 1).filter(
      (s) => !chosen.some((c) => c.hit.chunkId === s.hit.chunkId && c.clause === s.clause && c.point === s.point),
    );
    if (steps.length) {
      lines.push(render('offline-next-steps.vi.txt'));
      for (const u of steps) lines.push(cite(u));
    }
    lines.push(disclaimer(this.config.LEGAL_AID_PHONE));

    const answer = lines.join('\n');
    if (onToken) for (const line of lines) onToken(`${line}\n`);
    return { answer, citations, fallback: false };
  }
}

export function disclaimer(legalAidPhone: string): string {
  return render('disclaimer.vi.txt', { legalAid: legalAidPhone ? ` (${legalAidPhone})` : '' });
}

/** Splits an article chunk into quotable units: intro paragraphs, khoản, điểm. */
function unitsOf(hit: ArticleHit, hitRank: number): Unit[] {
  const units: Unit[] = [];
  let clause: string | null = null;
  const lines = hit.text.split('\n');
  // Plan sections and other non-article chunks have no "Điều" heading line to skip.
  const body = hit.article ? lines.slice(1) : lines.slice(1).length ? lines.slice(1) : lines;
  for (const line of body) {
    const cm = /^(\d+[a-zđ]?)\.\s+(.*)$/u.exec(line);
    const pm = /^([a-zđ]\d?)\)\s*(.*)$/u.exec(line);
    if (hit.article && cm) {
      clause = cm[1]!;
      units.push({ hit, hitRank, clause, point: null, text: cm[2]!, order: units.length, score: 0 });
    } else if (hit.article && pm && clause) {
      units.push({ hit, hitRank, clause, point: pm[1]!, text: pm[2]!, order: units.length, score: 0 });
    } else {
      units.push({ hit, hitRank, clause: hit.article ? clause : null, point: null, text: line, order: units.length, score: 0 });
    }
  }
  return units;
}

function pickUnits(hits: ArticleHit[], weights: Record<string, number>, max = MAX_STATEMENTS): Unit[] {
  if (!hits.length) return [];
  const top = hits[0]!.score;
  const considered = hits.slice(0, 3).filter((h) => h.score >= top * 0.55);
  const all: Unit[] = [];
  considered.forEach((h, rank) => {
    for (const u of unitsOf(h, rank)) {
      const toks = new Set(syllables(u.text).map(fold));
      let s = 0;
      for (const t of toks) s += weights[t] ?? 0;
      // Prefer the article the retriever ranked first, and the khoản it found best.
      s *= [1, 0.8, 0.65][rank]!;
      if (h.clause && u.clause === h.clause) s *= 1.15;
      // A lead-in that ends with ":" says little on its own ("… bao gồm:").
      if (/:\s*$/.test(u.text) && !u.point) s *= 0.6;
      u.score = s;
      all.push(u);
    }
  });
  const best = Math.max(0, ...all.map((u) => u.score));
  if (best <= 0) {
    // Nothing overlaps: quote the top article's first unit rather than nothing.
    const first = all.find((u) => u.hitRank === 0);
    return first ? [first] : [];
  }
  const perArticle = new Map<number, number>();
  const chosen: Unit[] = [];
  for (const u of [...all].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= max || u.score < best * 0.4) break;
    const n = perArticle.get(u.hit.chunkId) ?? 0;
    if (n >= 2) continue;
    perArticle.set(u.hit.chunkId, n + 1);
    chosen.push(u);
  }
  return chosen.sort((a, b) => a.hitRank - b.hitRank || a.order - b.order);
}

function trimQuote(text: string): string {
  const t = text.trim();
  if (t.length <= MAX_QUOTE_CHARS) return t;
  const cut = t.slice(0, MAX_QUOTE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE_CHARS - 40))}…`;
}

import { fold, syllables } from '../../../ingest/text/vietnamese.js';
import type { ArticleHit } from '../../retrieval/retriever.js';
import { fitsWants, type Want } from './intent.js';

/**
 * The quotable pieces of retrieved articles (lead-in, khoản, điểm) with what members say about
 * each (its notes), scored against the question. A unit's plain-language sentence is its own
 * 'nghĩa' note, else its khoản's; the article's sentence stands in when the unit has none.
 */
export interface Unit {
  hit: ArticleHit;
  hitRank: number;
  clause: string | null;
  point: string | null;
  /** The law's own words for this unit (one line). */
  text: string;
  /** Plain-language sentence written for exactly this khoản/điểm, if any. */
  meaning: string | null;
  order: number;
  score: number;
}

/** How much the retriever's order counts: the first article is the one the whole question fits. */
const RANK_PRIOR = [1, 0.75, 0.6];
/** A unit that gives the kind of answer asked (a duration for "bao lâu") is worth this much more. */
const WANT_BONUS = 0.6;

export function unitsOf(hit: ArticleHit, hitRank: number): Unit[] {
  const units: Unit[] = [];
  let clause: string | null = null;
  const lines = hit.text.split('\n');
  // Plan sections and other non-article chunks have no "Điều" heading line to skip.
  const body = hit.article ? lines.slice(1) : lines.slice(1).length ? lines.slice(1) : lines;
  const meaning = (c: string | null, p: string | null) =>
    hit.notes?.find((n) => n.kind === 'meaning' && n.clause === c && n.point === p)?.text ?? null;
  for (const line of body) {
    const cm = /^(\d+[a-zđ]?)\.\s+(.*)$/u.exec(line);
    const pm = /^([a-zđ]\d?)\)\s*(.*)$/u.exec(line);
    if (hit.article && cm) {
      clause = cm[1]!;
      units.push({ hit, hitRank, clause, point: null, text: cm[2]!, meaning: meaning(clause, null), order: units.length, score: 0 });
    } else if (hit.article && pm && clause) {
      units.push({ hit, hitRank, clause, point: pm[1]!, text: pm[2]!, meaning: meaning(clause, pm[1]!), order: units.length, score: 0 });
    } else {
      units.push({ hit, hitRank, clause: hit.article ? clause : null, point: null, text: line, meaning: null, order: units.length, score: 0 });
    }
  }
  return units;
}

/** The article's own plain-language sentence (for the whole article). */
export function articleMeaning(hit: ArticleHit): string | null {
  return hit.notes?.find((n) => n.kind === 'meaning' && !n.clause)?.text ?? null;
}

/**
 * Scores each unit: the question's weighted words found in the unit's text, in its notes (how
 * members ask about that khoản, what it means) and, for a điểm, in its khoản's lead-in; then the
 * retriever's order and whether the unit gives what was asked (a number of months, a place…).
 */
export function scoreUnits(hits: ArticleHit[], weights: Record<string, number>, wants: Want[], consider = 3): Unit[] {
  if (!hits.length) return [];
  const top = hits[0]!.score;
  const considered = hits.slice(0, consider).filter((h) => h.score >= top * 0.55);
  const all: Unit[] = [];
  considered.forEach((h, rank) => {
    const units = unitsOf(h, rank);
    for (const u of units) {
      const notes = (h.notes ?? []).filter((n) => u.clause && n.clause === u.clause && (!n.point || n.point === u.point));
      const words = new Set([u.text, ...notes.map((n) => n.text)].flatMap((t) => syllables(t).map(fold)));
      let s = 0;
      for (const t of words) s += weights[t] ?? 0;
      // Long khoản share words with anything; a short one that matches says more.
      s /= 1 + 0.15 * Math.log2(1 + words.size / 30);
      s *= RANK_PRIOR[rank] ?? 0.5;
      if (h.clause && u.clause === h.clause) s *= 1.15;
      // A lead-in that ends with ":" says little on its own ("… bao gồm:").
      if (/:\s*$/.test(u.text) && !u.point) s *= 0.6;
      s *= 1 + WANT_BONUS * fitsWants(`${u.text} ${u.meaning ?? ''}`, wants) - (wants.length ? WANT_BONUS / 2 : 0);
      u.score = s;
      all.push(u);
    }
  });
  return all.sort((a, b) => b.score - a.score);
}

import { foldedSyllables, STOP_SYLLABLES } from '../../ingest/text/vietnamese.js';
import type { SearchResult } from '../retrieval/retriever.js';

/**
 * Scope follows the library: a question is in scope when retrieval finds a document that
 * answers it, whatever its subject — a law uploaded today included. There is no topic list.
 *
 * The evidence is read from the hits themselves, on a scale of our own, so it does not depend on
 * how the retriever scores (it is being rewritten): how much of the question's own wording — its
 * content syllables, and its pairs of adjacent content syllables ("giảm giá", "xe buýt") — the
 * best articles contain.
 *
 * Calibration (2026-12, retriever of that day, bundled corpus + an uploaded test law, on
 * ../shared/eval/dev-questions.jsonl and eval/safety-dev.jsonl): 92 of 97 in-scope dev questions
 * have a legal topic; the 5 without one, and the uploaded law's questions, all reach share ≥ 0.5
 * with ≥ 1 pair (lowest 0.50 / 1, "thả rông vật nuôi"). Off-topic messages without a topic reach
 * 0–0.67 share, but only those naming an off-topic subject (lottery results, formula milk) pass
 * both bars, and requests.tsv refuses those first. Re-measure with `npm run eval:safety` and
 * `npm run eval -- --answers` whenever retrieval changes.
 */

/**
 * Below this share of the question's information (the retriever's own coverage) the best hit is
 * no match at all; officials' gap report (server/insights/gaps.ts) uses it to name the closest law.
 */
export const MIN_COVERAGE = 0.25;

/** Share of the question's content syllables found in one of the best articles. */
export const MIN_SHARE = 0.5;
/** Adjacent content-syllable pairs of the question found in that article. */
export const MIN_PAIRS = 1;
/** How many of the best hits are read. */
const READ_HITS = 3;

export interface Evidence {
  share: number;
  pairs: number;
}

function contentSyllables(text: string): string[] {
  return foldedSyllables(text).filter((t) => !STOP_SYLLABLES.has(t) && !/^\d+$/.test(t));
}

/** The best (share, pairs) over the first hits: how well the library's text covers the question. */
export function evidence(question: string, search: Pick<SearchResult, 'hits'>): Evidence {
  const q = foldedSyllables(question);
  const content = [...new Set(contentSyllables(question))];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < q.length; i++) if (!STOP_SYLLABLES.has(q[i]!) && !STOP_SYLLABLES.has(q[i + 1]!)) pairs.add(`${q[i]} ${q[i + 1]}`);
  let best: Evidence = { share: 0, pairs: 0 };
  for (const hit of search.hits.slice(0, READ_HITS)) {
    const words = foldedSyllables(`${hit.header} ${hit.text}`);
    const set = new Set(words);
    const bigrams = new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
    const share = content.length ? content.filter((w) => set.has(w)).length / content.length : 0;
    const found = [...pairs].filter((p) => bigrams.has(p)).length;
    if (share + found > best.share + best.pairs) best = { share: Number(share.toFixed(3)), pairs: found };
  }
  return best;
}

/**
 * In scope: a legal topic was recognised, or the best articles contain most of the question's
 * wording including at least one of its word pairs. The question defaults to the retriever's
 * normalised form of it.
 */
export function inLibrary(search: Pick<SearchResult, 'hits' | 'topics' | 'expanded'>, question: string = search.expanded): boolean {
  if (!search.hits.length) return false;
  if (search.topics.length > 0) return true;
  const e = evidence(question, search);
  return e.share >= MIN_SHARE && e.pairs >= MIN_PAIRS;
}

/**
 * Held by the library beyond doubt: one of the best articles holds nearly all of the question's
 * wording and several of its word pairs. A subject on the off-topic list ("trồng rau") is then
 * answered anyway — scope follows the library, and an official may have uploaded a law on it.
 */
export const HELD_SHARE = 0.8;
export const HELD_PAIRS = 2;

export function heldByLibrary(search: Pick<SearchResult, 'hits' | 'expanded'>, question: string = search.expanded): boolean {
  if (!search.hits.length) return false;
  const e = evidence(question, search);
  return e.share >= HELD_SHARE && e.pairs >= HELD_PAIRS;
}

import { STOP_SYLLABLES, foldedSyllables } from '../../../ingest/text/vietnamese.js';
import { pairsOf } from '../query.js';

/**
 * The term space the association models learn in: the same folded content syllables and
 * adjacent pairs the query analysis produces (`terms` and `pairs`), so that a learned association
 * is looked up by exactly the keys a question yields, typed with or without dấu.
 */
export function contentTerms(text: string): string[] {
  return termsOfSyllables(foldedSyllables(text));
}

export function termsOfSyllables(folded: string[]): string[] {
  return [...folded.filter((t) => !STOP_SYLLABLES.has(t)), ...pairsOf(folded)];
}

/**
 * The lexical index keeps a chunk's body as its folded syllables followed by their adjacent pairs
 * (ingest/pipeline.ts searchText); the pairs of two function words carry nothing to learn from.
 */
const STOP_PAIRS = new Set<string>();
for (const a of STOP_SYLLABLES) for (const b of STOP_SYLLABLES) STOP_PAIRS.add(a + b);

/** A body or title term worth learning from: not a function word, nor a pair of two. */
export function isContentTerm(t: string): boolean {
  return !STOP_SYLLABLES.has(t) && !STOP_PAIRS.has(t);
}

import type { ActPeriod } from '../act-time.js';
import type { DocInfo } from '../index/corpus-index.js';
import type { IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { inForceDuring } from '../act-time.js';
import { lowerWhere } from './lower.js';

/**
 * Asked what an act done in a past period cost (act-time.ts), the text in force then answers; its
 * replacement, not yet in force at that time, says the same thing in nearly the same words and
 * would lead. The replacement's chunks lose this share of the best score: a prior, like a foreign
 * element's (foreign.ts), so an article only the new text holds can still come first.
 */
export const LATER_TEXT_PENALTY = 0.2;

/** Documents that replaced a text in force during the period and took effect only after it. */
export function laterTexts(docs: ReadonlyMap<string, DocInfo>, period: ActPeriod): Set<string> {
  const then = [...docs.values()].filter((d) => d.until !== null && d.replacedBy && inForceDuring(d, period));
  const numbers = new Set(then.map((d) => d.replacedBy!.toLowerCase()));
  const later = new Set<string>();
  for (const d of docs.values()) if (d.number && numbers.has(d.number.toLowerCase()) && !inForceDuring({ ...d, until: null }, period)) later.add(d.id);
  return later;
}

/** `ranked` with LATER_TEXT_PENALTY of the best score taken from the later texts' chunks; the same array when there are none. */
export function withoutLaterTexts(
  chunks: readonly IndexedChunk[],
  docs: ReadonlyMap<string, DocInfo>,
  ranked: ScoredChunk[],
  period: ActPeriod | null,
  penalty = LATER_TEXT_PENALTY,
): ScoredChunk[] {
  if (!period || penalty <= 0 || !ranked.length) return ranked;
  const later = laterTexts(docs, period);
  if (!later.size) return ranked;
  return lowerWhere(ranked, penalty, (i) => later.has(chunks[i]!.documentId));
}

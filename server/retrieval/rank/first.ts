import type { CorpusIndex } from '../index/corpus-index.js';
import type { ScoredChunk } from '../index/lexical-index.js';
import { CONTRAST_DEPTH, CONTRAST_WEIGHT, withContrast } from './contrast.js';

/**
 * The signals that reorder the first articles once every candidate is scored (lexical, phrasing,
 * meaning, sanction), and their weights: the measured defaults unless an experiment sets others.
 */
export interface FirstRerank {
  /** What tells the first articles apart (contrast.ts). */
  contrastWeight: number;
  contrastDepth: number;
}

export const FIRST_RERANK: FirstRerank = { contrastWeight: CONTRAST_WEIGHT, contrastDepth: CONTRAST_DEPTH };

export function rerankFirst(idx: CorpusIndex, ranked: ScoredChunk[], weights: ReadonlyMap<string, number>, opts: Partial<FirstRerank> = {}): ScoredChunk[] {
  const o = { ...FIRST_RERANK, ...opts };
  return withContrast(idx.lexical, idx.articleOfChunk, ranked, weights, o.contrastWeight, o.contrastDepth);
}

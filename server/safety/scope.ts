import type { SearchResult } from '../retrieval/retriever.js';

/**
 * Scope follows the library: a question is in scope when retrieval finds a document that
 * answers it, whatever its subject — a law uploaded today included. There is no topic list.
 *
 * Calibration (offline retriever of 2026-11, bundled corpus + an uploaded test law, on
 * ../shared/eval/dev-questions.jsonl and eval/safety-dev.jsonl): every in-scope question either
 * had a legal topic recognised or a best hit scoring ≥ 8 with coverage ≥ 0.25 (lowest seen:
 * 8.2 / 0.82 and 10.3 / 0.29); off-topic questions without a topic scored 3.4–13 — the ones
 * above 8 all name an off-topic subject (medicine, phones, company tax), which requests.tsv
 * refuses before this gate. The retriever is being rewritten: both constants are its scale and
 * must be re-measured with `npm run eval:safety` and `npm run eval -- --answers` after it lands.
 */
export const MIN_TOP_SCORE = 8;
export const MIN_COVERAGE = 0.25;

export function inLibrary(search: Pick<SearchResult, 'hits' | 'topics' | 'coverage'>): boolean {
  const best = search.hits[0];
  if (!best) return false;
  if (search.topics.length > 0) return true;
  return best.score >= MIN_TOP_SCORE && search.coverage >= MIN_COVERAGE;
}

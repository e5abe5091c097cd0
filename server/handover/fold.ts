import { foldedSyllables, STOP_SYLLABLES } from '../../ingest/text/vietnamese.js';

/**
 * The form a question is compared in: diacritic-folded syllables without function words,
 * so "Chồng đánh vợ thì bị phạt thế nào ạ?" and "chong danh vo bi phat nhu the nao"
 * become the same string and only content syllables count towards similarity.
 */
export function matchForm(question: string): string {
  const all = foldedSyllables(question);
  const content = all.filter((s) => !STOP_SYLLABLES.has(s));
  return (content.length ? content : all).join(' ');
}

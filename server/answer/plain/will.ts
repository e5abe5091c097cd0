import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * She says the dead left no will ("bố mất không để lại di chúc", "chưa kịp làm di chúc"): a khoản
 * whose case is a will that exists — one lost or damaged (BLDS Điều 642), the heirs a will leaves
 * out (Điều 644), a will not lawful (Điều 650 khoản 1 điểm b) — shares her words "di chúc" and
 * answers another case. It counts less, as the husband's rule does when she names no man
 * (husband.ts): "không có di chúc thì ai được chia đất của bố" had led with Điều 642 khoản 1 ("coi
 * như không có di chúc"), not the heirs of Điều 651.
 *
 * Read from the law's words (the unit and the lead-in of its điểm), not its plain sentence: a unit
 * names a will other than as "không có di chúc", and not as one of two ways of inheriting ("theo di
 * chúc hoặc theo pháp luật", a rule for both, which is hers too).
 */
const NO_WILL = /không (có|để lại|lập) di chúc/giu;
const EITHER_WAY = /(theo )?di chúc hoặc (theo )?pháp luật|(theo )?pháp luật hoặc (theo )?di chúc/giu;
const WILL = /(?<![\p{L}])di chúc(?![\p{L}])/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) states a rule for a will that exists. */
export function statesWillCase(text: string, leadIn: string | null | undefined): boolean {
  const words = `${leadIn ?? ''} ${text}`.normalize('NFC').replace(NO_WILL, ' ').replace(EITHER_WAY, ' ');
  return WILL.test(words);
}

/**
 * Whether she says there is no will, read in standard words (query.standardWords: "ko", "k" are
 * "không"), folded (she may type without dấu): a negator, then at most a few words of making or
 * leaving one ("không để lại", "chưa kịp viết", "không hề lập"), then "di chúc". "không biết di chúc
 * có hợp pháp không" says nothing of the sort.
 */
const SAYS_NO_WILL = /\b(khong|chua|chang)( (co|de|lai|viet|lam|lap|kip|duoc|he|ai))* di chuc\b/;

export function saysNoWill(question: string): boolean {
  return SAYS_NO_WILL.test(fold(standardWords(question)));
}

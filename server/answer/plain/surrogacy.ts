import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A khoản whose case is surrogacy ("Lao động nữ mang thai hộ có đủ điều kiện…", "Trường hợp người
 * mang thai hộ không tham gia bảo hiểm…", BHXH Điều 58 khoản 2) shares every word of a mother's
 * question about her own birth ("em không đóng bảo hiểm, chồng có đóng thì sinh con có được trợ cấp
 * không") and answers it for a surrogate and the mother who asked for one. It answers only when she
 * names surrogacy, as the husband's rule answers only when she names a man (husband.ts). Read from
 * the law's words: the unit (or the lead-in of its điểm) names "mang thai hộ" in its first words, as
 * its subject; a rule naming it further on, beside every mother ("lao động nữ sinh con, lao động nữ
 * mang thai hộ…"), is hers too.
 */
const SURROGACY_CASE = /^(\d+\.\s*)?(?:\S+\s+){0,5}?(?:nhờ )?mang thai hộ(?!\p{L})/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) is about surrogacy. */
export function statesSurrogacyCase(text: string, leadIn: string | null | undefined): boolean {
  return SURROGACY_CASE.test(text.normalize('NFC').trim()) || SURROGACY_CASE.test((leadIn ?? '').normalize('NFC').trim());
}

/** "mang thai hộ", "nhờ người mang thai", "đẻ thuê", "đẻ hộ", "sinh hộ", folded (she may type without dấu). */
const NAMES_SURROGACY = /\b(mang thai ho|mang bau ho|nho (nguoi )?mang thai|de thue|de ho|sinh ho|mang thai giup)\b/;

export function namesSurrogacy(question: string): boolean {
  return NAMES_SURROGACY.test(fold(question.normalize('NFC').toLowerCase()));
}

import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * Support owed to many people, or by many people together (HN&GĐ Điều 108 "một người có nghĩa vụ
 * cấp dưỡng cho nhiều người", Điều 109 "nhiều người cùng có nghĩa vụ cấp dưỡng"), shares every word
 * of a mother's question on how much the father pays for their child, and answers only a case with
 * several children or dependants, or several payers: "ck cũ phải đưa bao nhiêu tiền nuôi con 1
 * tháng, ai quyết mức đó" had led with Điều 108, not Điều 116 khoản 1 (the amount, agreed or set by
 * the court). Read from the law's words.
 */
const MANY = /cấp dưỡng cho nhiều người|nhiều người cùng có nghĩa vụ cấp dưỡng/iu;

/** Whether a unit (its words, the lead-in of its điểm, its article's title) states support owed to or by many. */
export function statesSupportOfMany(text: string, leadIn: string | null | undefined, articleTitle: string | null | undefined): boolean {
  return MANY.test(`${articleTitle ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/**
 * Folded, in standard words: several dependants or several payers she names ("2 đứa con", "mấy đứa",
 * "cả con và bố mẹ già", "vợ mới con mới", "anh em cùng góp tiền nuôi mẹ").
 */
const NAMES_MANY =
  /\b(nhieu (nguoi|con|chau|dua)|may (dua|con|chau|be)|cac (con|chau|em)|(2|3|4|5|hai|ba|bon|nam) (dua|con|chau|be)|ca con va|ca (bo|me|cha) va|bo me (gia|chong|de|vo)|ong ba|vo moi|con moi|con rieng|anh em|chi em|gop tien|chia nhau|cung (phai )?(nuoi|cap duong|dua tien|gui tien|lo))\b/;

/** Whether she names one dependant and one payer only: several dependants or payers go unnamed. */
export function namesNoMany(question: string): boolean {
  return !NAMES_MANY.test(fold(standardWords(question).normalize('NFC').toLowerCase()));
}

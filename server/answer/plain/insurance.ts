import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * Who joins social insurance (BHXH Điều 2: "Đối tượng tham gia bảo hiểm xã hội bắt buộc và bảo
 * hiểm xã hội tự nguyện", and its khoản 7 on who is not covered) names the work she does — a
 * domestic worker, a part-timer, a household business — and answers only a question on insurance:
 * "e đi giúp việc nhà cho người ta, có cần làm hợp đồng giấy tờ ko" had led with Điều 2 khoản 7
 * điểm b (domestic workers are not in the compulsory scheme), not BLLĐ Điều 162 khoản 1 (a written
 * contract). Read from the law's words.
 */
const JOINS = /đối tượng tham gia bảo hiểm xã hội/iu;

/** Whether a unit (its words, the lead-in of its điểm, its article's title) states who joins social insurance. */
export function statesInsuranceMembership(text: string, leadIn: string | null | undefined, articleTitle: string | null | undefined): boolean {
  return JOINS.test(`${articleTitle ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/**
 * Folded, in standard words: insurance or a contribution she names ("bảo hiểm", "bhxh", "đóng bh",
 * "phải đóng không", "sổ bảo hiểm", "lương hưu", "chế độ"). Broad on purpose: naming it keeps the rule.
 */
const NAMES_INSURANCE =
  /\b(bao hiem|bhxh|bhyt|bh|so bao|dong (tien|bh|bao|gop)|(phai|co|duoc|khong|chua|da|van|tu|bi) dong|luong huu|huu tri|che do|tro cap|thai san|om dau|tu nguyen|bat buoc|tham gia)\b/;

/** Whether she names no insurance and no contribution. */
export function namesNoInsurance(question: string): boolean {
  return !NAMES_INSURANCE.test(fold(standardWords(question).normalize('NFC').toLowerCase()));
}

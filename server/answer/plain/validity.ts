import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * She asks whether a paper or an act holds in law ("mẹ nói miệng cho e mảnh vườn, ko giấy tờ gì,
 * vậy có giá trị ko", "di chúc viết tay có hiệu lực không", "kết hôn không đăng ký có được công nhận
 * không"): the khoản saying when it is lawful, valid or void answers her, not one on another of its
 * points — "… nói miệng … có giá trị ko" had led with BLDS Điều 629 khoản 2 (an oral will lapses if
 * its maker lives three more months), not Điều 630 khoản 5 (when an oral will is lawful). Read
 * folded, in standard words; the answer alone reads it.
 */
const ASKS_VALIDITY =
  /\b(co gia tri|con gia tri|gia tri phap ly|co hieu luc|con hieu luc|co hop phap|hop phap khong|hop le khong|co duoc cong nhan|duoc cong nhan khong)\b/;

export function asksValidity(question: string): boolean {
  return ASKS_VALIDITY.test(fold(question.normalize('NFC').toLowerCase()));
}

/** A unit stating when something is lawful, valid or void ("được coi là hợp pháp", "không có giá trị pháp lý", "vô hiệu"). */
const STATES_VALIDITY = /hợp pháp|có hiệu lực|không có hiệu lực|hết hiệu lực|giá trị pháp lý|có giá trị|vô hiệu|không được công nhận|không công nhận/iu;

export function statesValidity(text: string): boolean {
  return STATES_VALIDITY.test(text.normalize('NFC'));
}

import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A khoản that undoes what she asks how to get: revoking a decision, withdrawing a request, a
 * rule that does not apply ("không áp dụng"). Such a khoản repeats every word of her request
 * ("Chủ tịch xã … có thẩm quyền hủy bỏ quyết định cấm tiếp xúc" for "làm sao để xin lệnh cấm tiếp
 * xúc"), so word overlap alone lets it lead; it answers only when she asks about undoing ("muốn
 * rút lại lệnh cấm", "nhận con nuôi rồi muốn hủy").
 *
 * The law's words are kept narrow on purpose: "chấm dứt hợp đồng" is how the Labour Code says she
 * was dismissed, "thu hồi đất" how the Land Law says her land was taken, "hủy việc kết hôn trái
 * pháp luật" what happens to a child marriage, "đình chỉ" how a committee stops a harmful
 * activity — each is the rule she asks about, in other words. A consequence that follows by
 * itself ("di chúc miệng mặc nhiên bị huỷ bỏ") is no act of undoing, and a khoản opening with
 * "Trừ trường hợp …" states its main rule after the exception (held-out phrasings lost both).
 */
const UNDOES = /(?<!bị )(hủy|huỷ) bỏ|(hủy|huỷ) (các |những )?quyết định|bãi bỏ|rút lại|rút đơn|không áp dụng/iu;

/** A member's phrasing about undoing ("muốn rút lại lệnh cấm", "có được hủy không"). */
const ASKS_UNDOING_NOTE = /(hủy|huỷ)(?! hoại)|rút lại|rút đơn|bãi bỏ|đình chỉ|không áp dụng/iu;

/**
 * Her question asks about undoing, folded (she may type without dấu): "hủy", "rút", "bỏ quyết
 * định", "không nhận nữa", an exception ("trừ", "ngoại lệ", "không áp dụng").
 */
const ASKS_UNDOING =
  /\b(huy(?! hoai)|rut|bai bo|dinh chi|thu hoi|cham dut|tu choi|khong ap dung|bo quyet dinh|khong (nhan|can|muon) .{0,30}nua|tru|ngoai le|het hieu luc|nghi (ngang|viec)|bo (viec|ngang)|thoi viec)\b/;

/** Whether a text of the law (a khoản's words or plain sentence) states undoing or an exception. */
export function statesUndoing(text: string): boolean {
  return UNDOES.test(text.normalize('NFC').trim());
}

/** Whether a member phrasing asks about undoing. */
export function noteAsksUndoing(text: string): boolean {
  return ASKS_UNDOING_NOTE.test(text.normalize('NFC'));
}

/** Whether her question asks about undoing (revoking, withdrawing, an exception). */
export function asksUndoing(question: string): boolean {
  return ASKS_UNDOING.test(fold(question.normalize('NFC').toLowerCase()));
}

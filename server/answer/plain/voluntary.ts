import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * The social-insurance law tells the voluntary scheme (Chương VI: a farmer, a trader, anyone with
 * no employer paying for her) in articles with the same titles and words as the compulsory one:
 * "Đối tượng và điều kiện hưởng lương hưu" is Điều 64 for a worker and Điều 98 for a voluntary
 * payer, "Trợ cấp một lần khi nghỉ hưu" Điều 68 and 100. A worker asking "đủ tuổi mà mới đóng bhxh
 * 12 năm thì có được lương hưu không" was told "Người đóng bảo hiểm tự nguyện được lương hưu khi …",
 * and "rút một lần mỗi năm được tính bao nhiêu" the rule on the state's support to voluntary payers.
 * The voluntary rule answers only when she says she pays of her own accord or has no employer, as
 * the husband's rule answers only when she names a man (husband.ts).
 *
 * Read from the law's words: the unit, its điểm's lead-in or its article's title names the voluntary
 * scheme — or the income it is paid on ("thu nhập làm căn cứ đóng", where a worker's is "tiền
 * lương") — and not the compulsory one beside it ("bắt buộc và … tự nguyện" is a rule for both), nor
 * as what is left out ("không bao gồm số tiền … hỗ trợ đóng bảo hiểm xã hội tự nguyện").
 */
const VOLUNTARY = /bảo hiểm xã hội tự nguyện|bảo hiểm tự nguyện|thu nhập làm căn cứ đóng|thu nhập tháng đóng/iu;
const BOTH_OR_LEFT_OUT = /bắt buộc|không bao gồm/iu;

/** Whether a unit of the law (its words, its điểm's lead-in, its article's title) states a rule for the voluntary scheme alone. */
export function statesVoluntaryCase(text: string, leadIn: string | null | undefined, title: string | null | undefined): boolean {
  const words = `${title ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC');
  return VOLUNTARY.test(words) && !BOTH_OR_LEFT_OUT.test(words);
}

/**
 * She says she pays of her own accord ("bhxh tự nguyện", "tự đóng", "đóng tiếp", "đóng nối") or has
 * no employer to pay for her: farming, trading, working for herself, at home, out of work, a domestic
 * helper (whom the compulsory scheme leaves out, BHXH Điều 2 khoản 7), a poor household (whose
 * voluntary payments the state supports). Folded; over-inclusive ("tự động" folds as "tự đóng"):
 * a miss only leaves the order as it was.
 */
const NAMES_VOLUNTARY =
  /\b(tu nguyen|tu dong|dong tiep|dong noi|lam ruong|nong dan|cay cay|trong (lua|rau|cay)|chan nuoi|buon ban|ban hang|tieu thuong|ban tap hoa|lam tu do|lao dong tu do|tu lam|lam thue|lam ngoai|noi tro|o nha|khong di lam|that nghiep|khong co viec|giup viec|ho ngheo|can ngheo|xe om|chay xe)\b/;

/** Whether she names the voluntary scheme or a life without an employer paying for her. */
export function namesVoluntary(question: string): boolean {
  return NAMES_VOLUNTARY.test(fold(question.normalize('NFC').toLowerCase()));
}

import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * Support between husband and wife after a divorce (Luật HN&GĐ Điều 115: "bên khó khăn, túng thiếu"
 * may ask the other for support; the fines decrees' "cấp dưỡng giữa vợ và chồng sau khi ly hôn")
 * shares every word of a mother's question about money for her child — "ly hôn rồi chồng cũ có
 * phải đưa tiền hàng tháng cho con không" had led with Điều 115, not Điều 82 khoản 2 or Điều 110
 * (the parent who does not raise the child supports it). It answers her when she asks for support
 * for herself; read from the law's words: the article's title or the unit names support "giữa vợ
 * và chồng".
 */
const BETWEEN_SPOUSES = /cấp dưỡng giữa vợ và chồng/iu;

/** Whether a unit (its words, the lead-in of its điểm, its article's title) states support between spouses. */
export function statesSpouseSupport(text: string, leadIn: string | null | undefined, articleTitle: string | null | undefined): boolean {
  return BETWEEN_SPOUSES.test(`${articleTitle ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/** Folded, in standard words: the money is for the child ("cho con", "nuôi con", "tiền sữa cho cháu"). */
const FOR_CHILD = /\b(cho (con|chau|be)|nuoi (con|chau)|tien (an hoc|sua|hoc)( cho)? (con|chau|be))\b/;
/**
 * Her own need, or support named for the wife: then the spouses' rule may be hers ("ly hôn em ốm
 * đau không có tiền, chồng cũ có phải chu cấp cho vợ không").
 */
const FOR_HERSELF =
  /\b(cho vo|nuoi vo|vo cu|tro cap cho em|chu cap cho em|cap duong cho em|kho khan|tung thieu|om dau|benh|khong co thu nhap|khong lam duoc|mat suc lao dong|khong co tien)\b/;

/** Whether she asks for support for her child and names no need of her own. */
export function asksChildSupportOnly(question: string): boolean {
  const f = fold(standardWords(question).normalize('NFC').toLowerCase());
  return FOR_CHILD.test(f) && !FOR_HERSELF.test(f);
}

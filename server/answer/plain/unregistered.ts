import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * A couple living together as husband and wife without registering their marriage (HN&GĐ Điều 14,
 * 15, 16 and 130: "nam, nữ chung sống với nhau như vợ chồng mà không đăng ký kết hôn") shares the
 * words "sống chung", "vợ chồng", "con", "tài sản" of a married woman's question, and answers only
 * a couple who never registered: "ck e đi làm xa rồi ở luôn trong đó ko về, vợ chồng có phải sống
 * chung ko" had led with Điều 14 khoản 1 (no rights and duties of spouses), not Điều 19 khoản 2 (the
 * spouses' duty to live together). Read from the law's words.
 */
const UNREGISTERED = /chung sống (với nhau )?như vợ chồng mà không đăng ký kết hôn/iu;

/** Whether a unit (its words, the lead-in of its điểm, its article's title) states the unregistered couple's case. */
export function statesUnregisteredCase(text: string, leadIn: string | null | undefined, articleTitle: string | null | undefined): boolean {
  return UNREGISTERED.test(`${articleTitle ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/** Folded, in standard words: she names her husband, her wife, or the couple ("ck e", "vợ chồng em"). */
const SPOUSE = /\b(chong|vo chong|vo (toi|em|minh|tui|tau))\b/;
/**
 * Folded, in standard words: she names a marriage never registered, or a partner who is not a husband
 * ("không đăng ký", "chưa cưới", "không có giấy kết hôn", "như vợ chồng", "sống thử", "người yêu").
 */
const NOT_REGISTERED =
  /\b((khong|chua|chang|ko|k|hong) (co )?(dang ky|dang ki|dky|cuoi|lam giay|lam dam cuoi|to chuc cuoi|co giay|giay to)|giay (ket hon|dang ky)|dang ky ket hon|dang ki ket hon|nhu vo chong|song thu|nguoi yeu|ban trai|ban gai|chong ho|vo ho|khong hon thu|khong co hon thu|chua hon thu)\b/;

/** Whether she names her husband or wife and says nothing of a marriage never registered. */
export function namesRegisteredSpouse(question: string): boolean {
  const f = fold(standardWords(question).normalize('NFC').toLowerCase());
  return SPOUSE.test(f) && !NOT_REGISTERED.test(f);
}

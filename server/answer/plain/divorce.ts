import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';
import { spouseDied } from './widowed.js';

/**
 * The rules of a divorce (HN&GĐ "Mục 1 — LY HÔN", Điều 51–64: the petition, the court's mediation,
 * dividing property) share the words of a wife's question on her marriage and answer a case she
 * does not have when she names no divorce: "xã cứ gọi lên hòa giải, em không muốn hòa giải với ông
 * chồng vũ phu đó nữa thì có bắt buộc không" had been told HN&GĐ Điều 54 (the court mediates after a
 * petition), not the mediation of violence (PCBLGĐ Điều 17). A divorce is named by its words, by an
 * ex-husband or ex-wife ("chồng cũ"; without dấu "chong cu" may also be "chồng cứ", and is taken as
 * named), or by the thesaurus's divorce, custody and child-support topics ("bỏ chồng", "ra tòa",
 * "chia tài sản", "ai nuôi con"), which come with a divorce far more often than not.
 */
const DIVORCE = /\b(ly hon|li hon|ly di|li di|bo nhau|ly than|chia tay|(chong|vo|ck|vk) cu)\b/;
const DIVORCE_TOPICS = new Set(['ly_hon', 'con_cai', 'cap_duong']);
/**
 * Marrying someone else while her husband lives asks how to end the marriage first: "chồng bỏ đi 4
 * năm không tin tức, em muốn lấy chồng khác" is answered by a divorce when he is declared missing
 * (HN&GĐ Điều 56 khoản 2). A widow remarrying needs no divorce (widowed.ts reads her husband's death;
 * "mất tích" is no death).
 */
const REMARRY = /\b(lay (chong|vo) khac|di buoc nua|tai hon|ket hon (voi nguoi khac|lai)|cuoi (nguoi khac|vo khac|chong khac))\b/;

/** Whether she names a divorce: its words in standard words, folded, or one of its topics, or marrying again while he lives. */
export function namesDivorce(question: string, topics: readonly string[]): boolean {
  const words = fold(standardWords(question));
  return DIVORCE.test(words) || topics.some((t) => DIVORCE_TOPICS.has(t)) || (REMARRY.test(words) && !spouseDied(question));
}

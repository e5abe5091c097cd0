import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

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

/** Whether she names a divorce: its words in standard words, folded, or one of its topics. */
export function namesDivorce(question: string, topics: readonly string[]): boolean {
  return DIVORCE.test(fold(standardWords(question))) || topics.some((t) => DIVORCE_TOPICS.has(t));
}

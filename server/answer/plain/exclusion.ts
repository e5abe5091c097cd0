import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A list of the cases in which she does NOT get what the article grants — "Người lao động không được
 * hưởng chế độ ốm đau trong các trường hợp sau đây:" (BHXH Điều 42 khoản 2), "Những người sau đây
 * không có quyền hưởng di sản:" (BLDS Điều 621 khoản 1) — and each of its điểm. Its plain sentence
 * and its asks repeat what she asks about ("được hưởng thêm tiền ốm", "có được hưởng không"), so it
 * may outscore the khoản that grants it although her case is none of its cases: "em sốt xuất huyết
 * nghỉ 1 tuần có được hưởng tiền ốm đau không" had led with Điều 42 khoản 2 điểm d (sick days
 * during maternity leave or paid leave). It answers her only when she names its case (units.ts
 * reads that as her words it holds and the rest of its article does not) or asks for the cases
 * excluded ("trường hợp nào không được hưởng").
 *
 * Read from the law's words: the unit, or the lead-in of its điểm, says "không được hưởng", "không
 * có quyền hưởng" or "không được nhận" and opens a list ("sau đây") — not a rule stating one case
 * itself ("trong thời gian tạm hoãn … không được hưởng lương", BLLĐ Điều 30), which is her answer
 * when she asks about that case.
 */
const EXCLUDES = /không (được|có quyền) (hưởng|nhận)[^.;:]*sau đây|sau đây không (được|có quyền) (hưởng|nhận)/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) is a list of cases excluded, or one of them. */
export function statesExclusion(text: string, leadIn: string | null | undefined): boolean {
  return EXCLUDES.test(`${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/**
 * Whether she asks about the cases excluded herself ("trường hợp nào không được hưởng", "ai không
 * được nhận"), read in standard words (query.standardWords: "ko dc" is "không được"); folded here.
 */
const ASKS_EXCLUSION = /\bkhong (duoc|co quyen) (huong|nhan)\b/;

export function asksExclusion(question: string): boolean {
  return ASKS_EXCLUSION.test(fold(question));
}

import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A rule for caring for a sick child ("Chăm sóc con dưới 07 tuổi bị ốm đau", BHXH Điều 42 khoản 1
 * điểm e; "thời gian hưởng chế độ khi chăm sóc con ốm đau", Điều 44) shares every word of a worker's
 * question about her own sick days ("em nghỉ ốm 5 ngày có được hưởng bảo hiểm không") and its member
 * asks say "nghỉ", "ốm", "có được hưởng bảo hiểm" too: she was told the rule for a sick child. It
 * answers only when she names a child, as the husband's rule answers only when she names a man
 * (husband.ts). Read from the law's words: the unit, or its điểm's lead-in, speaks of caring for a
 * child ("chăm sóc con") or of a child who is sick ("con … ốm đau").
 */
const CHILD_CARE = /chăm sóc con|con dưới \d+ tuổi bị ốm|con (bị )?ốm đau/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) states a rule for caring for a sick child. */
export function statesChildCareCase(text: string, leadIn: string | null | undefined): boolean {
  return CHILD_CARE.test(`${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/**
 * An illness, a hospital or leave to care for someone, as she may name it, folded: "ốm", "bệnh",
 * "sốt", "viêm", "nằm viện", "cấp cứu", "bị đau"; "nghỉ", "chăm", "trông" (leave or care she asks
 * about). Not "ho", "mo", "dau" alone: folded they are also "họ", "mô", "đâu". Over-inclusive
 * otherwise: a miss only leaves the order as it was.
 */
const SICK_OR_CARE =
  /\b(om|benh|sot|viem|tieu chay|bi dau|dau (bung|dau|lung|chan|tay|rang|hong)|nam vien|nhap vien|cap cuu|phau thuat|(bi|phai|di) mo|tai nan|gay|nghi|cham|trong)\b/;

/**
 * Whether she names an illness or leave to care. The sick-child rule (BHXH Điều 44: "mỗi năm, mỗi
 * con được nghỉ chăm tối đa … 15 ngày nếu con từ đủ 3 tuổi đến dưới 7 tuổi") holds the age of any
 * child she names: "để con 5 tuổi ở nhà một mình cả ngày, hàng xóm bảo vi phạm" names a child left
 * alone, no illness and no leave, and had been told the days of leave for a sick child.
 */
export function namesSickOrCare(question: string): boolean {
  return SICK_OR_CARE.test(fold(question.normalize('NFC').toLowerCase()));
}

/**
 * Whether a unit (its words, its điểm's lead-in, its article's title) states the rule for a child
 * who is sick: "chăm sóc con ốm đau", "con dưới 07 tuổi bị ốm đau". Narrower than CHILD_CARE, which
 * also reads "cấp dưỡng, chăm sóc con sau khi ly hôn" (Nghị định 282 Điều 43 khoản 1 điểm b).
 */
const SICK_CHILD = /chăm sóc con (bị )?ốm|con dưới \d+ tuổi bị ốm|con (bị )?ốm đau/iu;

export function statesSickChildCase(text: string, leadIn: string | null | undefined, title: string | null | undefined): boolean {
  return SICK_CHILD.test(`${title ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC'));
}

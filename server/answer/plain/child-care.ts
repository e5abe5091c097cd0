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

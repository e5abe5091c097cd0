/**
 * A rule for a foreigner or a matter with a foreign element ("Nạn nhân … là người nước ngoài bị mua
 * bán tại Việt Nam…", Luật Phòng, chống mua bán người Điều 37 khoản 4) shares every word of a
 * Vietnamese woman's question ("nạn nhân bị mua bán người được nhà nước hỗ trợ những gì") and answers
 * it for someone else: she was told what a foreign victim gets, not khoản 1's list for a citizen.
 * It answers only when she says something foreign, as retrieval lowers a foreign element's articles
 * when she says nothing foreign (rank/foreign.ts, whose reading of her words this shares). Read from
 * the law's words: the unit or its điểm's lead-in names a foreigner, a foreign nationality or a
 * foreign element — not as the last of a list of cases, where it is one of many and hers is among them
 * ("Hôn nhân giữa công dân Việt Nam thuộc các dân tộc, tôn giáo, giữa người theo tôn giáo…, giữa công
 * dân Việt Nam với người nước ngoài được tôn trọng", HN&GĐ Điều 2 khoản 2: a list of pairs is told by
 * the "giữa" before the foreign case, LIST_PAIRS or more; commas would not do, "cha, mẹ, con" has two).
 */
const FOREIGN_CASE = /người nước ngoài|quốc tịch nước ngoài|yếu tố nước ngoài|ngoại quốc/iu;
const LIST_PAIRS = 3;

function namesForeignCase(text: string): boolean {
  const own = text.normalize('NFC');
  const m = FOREIGN_CASE.exec(own);
  return m !== null && (own.slice(0, m.index).match(/(?<!\p{L})giữa(?!\p{L})/giu)?.length ?? 0) < LIST_PAIRS;
}

/** Whether a unit of the law (its words, and its lead-in for a điểm) is a foreigner's case. */
export function statesForeignCase(text: string, leadIn: string | null | undefined): boolean {
  return namesForeignCase(text) || namesForeignCase(leadIn ?? '');
}

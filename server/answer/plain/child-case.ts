/**
 * A rule whose subject is a child ("Trẻ em bị mua bán trở về sống với cha, mẹ", Nghị định 56 Điều 14;
 * "Người dưới 18 tuổi đi cùng nạn nhân…", Luật Phòng, chống mua bán người Điều 37 khoản 2) shares the
 * words of a grown woman's question about herself ("em bị lừa bán sang Trung Quốc, giờ về được rồi thì
 * được hỗ trợ gì") and answers it for a child: she was told "Trẻ bị mua bán trở về…". It answers only
 * when she names a child, as retrieval lowers a children's law when she names none (rank/children.ts,
 * whose reading of her words this shares). Read from the law's words: the unit, the lead-in of its
 * điểm or its article's title opens with the child as its subject; a rule naming children further on
 * ("không được sử dụng lao động là trẻ em") is about the adult it opens with.
 */
const CHILD_SUBJECT = /^(\d+\.\s*)?(đối với |trường hợp )?(trẻ em|người dưới 1[68] tuổi|người chưa thành niên|con chưa thành niên)(?!\p{L})/iu;

/** Whether a unit of the law (its words, its điểm's lead-in, its article's title) has a child as its subject. */
export function statesChildCase(text: string, leadIn: string | null | undefined, articleTitle: string | null | undefined): boolean {
  return [text, leadIn ?? '', articleTitle ?? ''].some((t) => CHILD_SUBJECT.test(t.normalize('NFC').trim()));
}

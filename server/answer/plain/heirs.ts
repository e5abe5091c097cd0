import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';
import { asksEstate } from '../../retrieval/rank/inheritance.js';

/**
 * A wife or a child asks what share she gets ("chồng mất không di chúc, tôi là vợ thì được hưởng phần
 * nào"): BLDS Điều 651 khoản 3 ("Những người ở hàng thừa kế sau chỉ được hưởng thừa kế, nếu không còn
 * ai ở hàng thừa kế trước do đã chết…") shares her "chết", "được hưởng", "không" and answers for his
 * brothers and grandparents; so do điểm b and c (the second and third ranks), and Điều 652 (a grandchild
 * taking the share of a parent who died first). Retrieval had the right
 * article first and the answer led with the later ranks. A khoản for the later ranks answers only when
 * she names a relative of those ranks, as the husband's rule answers only when she names a man
 * (husband.ts).
 *
 * Read from the law's words (the unit and the lead-in of its điểm), not its plain sentence.
 */
const LATER_RANKS = /hàng thừa kế sau|hàng thừa kế thứ hai|hàng thừa kế thứ ba|cháu được hưởng phần di sản/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) states the later ranks of heirs. */
export function statesLaterRanks(text: string, leadIn: string | null | undefined): boolean {
  return LATER_RANKS.test(`${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/**
 * Whether she names a relative of the second or third rank (siblings, grandparents, grandchildren,
 * uncles and aunts, great-grandparents) or the ranks themselves, folded (she may type without dấu).
 * Only kin words that are not also common words: "cô", "dì", "chú", "cậu" fold into "có", "đi",
 * "chữ", "câu", so they count only as "… ruột" or in pairs ("chú bác", "cô dì").
 */
const NAMES_LATER_KIN =
  /\b(anh chi em|anh em|chi em|em trai|em gai|anh trai|chi gai|ong ba|ong noi|ba noi|ong ngoai|ba ngoai|chau|chat|cu noi|cu ngoai|(chu|bac|co|di|cau) ruot|chu bac|co di|co chu|ho hang|hang (thu hai|thu ba|sau|thu 2|thu 3|2|3))\b/;

export function namesLaterKin(question: string): boolean {
  return NAMES_LATER_KIN.test(fold(standardWords(question)));
}

/**
 * A widow asks about remarrying, her children or khai tử and tells the death as what happened: "chồng
 * mất được 3 năm, ở quê bắt để tang đủ 3 năm mới được đi bước nữa" had led with BLDS Điều 655
 * khoản 3 ("dù sau đó đã kết hôn với người khác vẫn được thừa kế di sản"), which shares her death
 * and her remarrying and answers whether she inherits, which she does not ask. An article of a
 * division on inheritance (ArticleHit.inheritance, the chunks retrieval lowers the same way) answers
 * only when she asks about inheritance (retrieval's asksEstate: a will, an estate, or a death beside
 * property, a share, a debt or a phrase of the thesaurus's inheritance topic), as the later ranks
 * answer only when she names one of them. Read from the law's structure, not its words: "thừa kế"
 * in the title of a land-use right (Luật Đất đai Điều 27) or in a spouse's own property (Luật HN&GĐ
 * Điều 43) is not an article on inheriting.
 */
export function asksAboutInheritance(question: string, topics: readonly string[]): boolean {
  return asksEstate(standardWords(question), topics);
}

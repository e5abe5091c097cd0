import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * Asked who ("không để lại di chúc thì ai được hưởng", "những người nào được chia"), the khoản
 * that answers names the persons: "Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, … con
 * nuôi" (BLDS Điều 651 khoản 1), not the one saying when the rule applies ("Thừa kế theo pháp
 * luật được áp dụng trong trường hợp sau đây", Điều 650), though that one says "người" as often.
 * Read from the law's words (with dấu): a unit naming at least PERSONS_MIN distinct kin lists
 * persons. "cô" and "cụ" are left out ("cô lập", "cụ thể").
 */
const KIN = /(?<![\p{L}])(vợ|chồng|cha|mẹ|bố|con|ông|bà|anh|chị|em|cháu|chắt|bác|chú|cậu|dì|dượng)(?![\p{L}])/giu;
const PERSONS_MIN = 4;

/** Whether a unit of the law (its words, its lead-in, its plain sentence) names persons by kin: a list of who. */
export function listsPersons(text: string): boolean {
  const found = new Set<string>();
  for (const m of text.normalize('NFC').matchAll(KIN)) found.add(m[1]!.toLowerCase());
  return found.size >= PERSONS_MIN;
}

/**
 * Whether she asks which persons ("ai được hưởng", "những ai phải nuôi", "người nào có quyền"), or to
 * whom an estate goes ("mảnh đất chia cho ai", "nhà đất về tay ai", "thuộc về ai"), not which office
 * ("ai giải quyết", "báo cho ai": the Tòa án or the xã, not kin), folded. Asked so, she asks for the
 * list of them: the khoản opening it answers whole (units.listedWhole), told by the article's
 * sentence naming every rank of heirs, not one điểm ("ông ngoại mất … ai được hưởng" had been told
 * "Hàng thứ hai gồm ông bà…").
 */
const ASKS_PERSONS =
  /\b(ai|nhung ai|nguoi nao|nhung nguoi nao) (duoc(?! (nuoi|giu|trong|cham soc)\b)|phai|co quyen|co nghia vu|huong|nuoi|cham soc)\b|\b(chia|de lai|thuoc ve|ve tay) (cho )?(nhung )?ai\b/;

export function asksPersons(question: string): boolean {
  return ASKS_PERSONS.test(fold(question));
}

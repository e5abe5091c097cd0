import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A law's article of definitions ("Giải thích từ ngữ": "Bạo lực gia đình là hành vi cố ý của thành
 * viên gia đình gây tổn hại …") repeats the words of every question on its matter, so it may
 * outscore the rule that answers her: "chồng giữ hết tiền lương, mua gì cũng phải xin, vậy có tính
 * là bạo lực gia đình không" had led with PCBLGĐ Điều 2 khoản 1 (what violence is, in general), not
 * Điều 3 khoản 1 điểm o (keeping her income to make her dependent), second in retrieval. It answers
 * her when she asks what a word means ("… là gì", "nghĩa là sao", "hiểu thế nào"), or when every
 * article considered is one.
 */
const DEFINITIONS = /^Giải thích từ ngữ/iu;

/** Whether an article's title says it defines the law's words. */
export function definesWords(title: string | null | undefined): boolean {
  return DEFINITIONS.test((title ?? '').normalize('NFC').trim());
}

/** She asks what a word means, folded (read in standard words: "la j" is "là gì"). */
const ASKS_MEANING = /\b(la gi|nghia la|co nghia|hieu (la|the nao|nhu the nao|ra sao)|khai niem|dinh nghia|duoc hieu|goi la)\b/;

export function asksMeaning(question: string): boolean {
  return ASKS_MEANING.test(fold(question));
}

/**
 * She asks what she gets ("có được hỗ trợ học nghề không", "được hưởng gì", "được trợ cấp bao
 * nhiêu"): a definition says what a word means, never what anyone is given. "bị lừa bán sang Trung
 * Quốc…, giờ trốn về có được hỗ trợ học nghề không" had led with PCMBN Điều 2 khoản 1 (what
 * trafficking is: her story's words), not Điều 37 khoản 1 điểm i (the victim's vocational support).
 */
const ASKS_ENTITLEMENT = /\bduoc (ho tro|huong|tro cap|tro giup|nhan tien|boi thuong|cap tien|giup do|mien|nha nuoc (dong|ho tro|cap|tra|mua|giup))\b/;

/**
 * An article saying which persons make up a group the law names ("Trẻ em mồ côi cả cha và mẹ": "1.
 * Trẻ em mồ côi cả cha và mẹ không có người chăm sóc. 2. … sống với người thân thích"; "Trẻ em có
 * hoàn cảnh đặc biệt bao gồm các nhóm sau đây:") classifies, as a definition does: it says who
 * counts, never what anyone is given. Read from its text: the title names persons (trẻ em, người)
 * and every khoản restates it (two or more), or the first lists what it includes ("… bao gồm").
 * "cháu mồ côi cả bố lẫn mẹ … có được nhà nước đóng bảo hiểm y tế không" had led with NĐ 56 Điều 3
 * khoản 3 (her story's words), not Điều 18 khoản 1 (the health insurance paid).
 */
const PERSONS_TITLE = /^(trẻ em|người)\s/u;

export function classifiesPersons(title: string | null | undefined, clauses: readonly string[]): boolean {
  const t = (title ?? '').normalize('NFC').trim().toLowerCase().replace(/\.$/u, '');
  if (!PERSONS_TITLE.test(t) || !clauses.length) return false;
  const ks = clauses.map((c) => c.normalize('NFC').trim().toLowerCase());
  // Restating is read without tones: NĐ 56 Điều 10 khoản 1 prints "phố cập" for the title's "phổ cập".
  const ft = fold(t);
  if (ks.length >= 2 && ks.every((k) => fold(k).startsWith(ft))) return true;
  return ks[0]!.startsWith(`${t} bao gồm`);
}

export function asksEntitlement(question: string): boolean {
  return ASKS_ENTITLEMENT.test(fold(question));
}

/**
 * She asks whether something is allowed or against the law ("thương nhau muốn cưới có được không",
 * "có sai luật không", "có bị cấm không"): a definition says what a word means, never whether an act
 * is allowed. "con chú con bác ruột … muốn cưới có đc ko" had led with HN&GĐ Điều 3 khoản 18 (who
 * are relatives within three generations), not Điều 5 khoản 2 điểm d (marrying them is forbidden).
 * Not when she asks whether her case counts as one ("có tính là bạo lực gia đình không", "có được
 * coi là thành viên gia đình không"): that is what a word means.
 */
const ASKS_PERMISSION = /\b(duoc khong|duoc chu|co sai|sai luat|pham luat|trai luat|dung luat|bi cam|co cam)\b/;
const ASKS_COUNTS_AS = /\b(tinh la|coi la|xem la|goi la|duoc tinh|duoc coi|duoc xem|thuoc dien|thuoc loai)\b/;

export function asksPermission(question: string): boolean {
  const f = fold(question);
  return ASKS_PERMISSION.test(f) && !ASKS_COUNTS_AS.test(f);
}

/**
 * She asks whether her case counts as something the law names ("con không chăm sóc mẹ già thì có
 * tính là bạo lực gia đình không", "có được coi là tài sản riêng không"): the name she asks about,
 * folded, two to seven words; null when she does not ask so.
 */
const COUNTS_AS_NAME = /\b(?:tinh la|coi la|xem la|thuoc dien|thuoc loai) ((?:[a-z0-9]+ ){1,6}?[a-z0-9]+) (?:khong|ko|k|kg|chua|hay|nhi|ha)\b/;

export function countsAsNamed(question: string): string | null {
  const m = COUNTS_AS_NAME.exec(fold(question));
  return m ? m[1]! : null;
}

/**
 * An article whose title is that name, or lists the acts or cases of it ("Hành vi bạo lực gia đình",
 * "Tài sản riêng của vợ, chồng" for "tài sản riêng"): it says what counts. Asked whether her case
 * counts, a rule on the same matter ("Con có nghĩa vụ … chăm sóc, nuôi dưỡng cha mẹ", HN&GĐ Điều 71)
 * shares her story's words but does not say whether it is so.
 */
const LIST_TITLE_HEAD = /^(?:cac |nhung )?(?:hanh vi|truong hop) /;

export function titleNamesWhat(title: string | null | undefined, name: string): boolean {
  const t = fold((title ?? '').normalize('NFC').trim())
    .replace(/[,.;:]/g, '')
    .replace(LIST_TITLE_HEAD, '');
  return t === name || t.startsWith(`${name} `);
}

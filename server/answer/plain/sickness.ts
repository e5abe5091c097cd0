import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * The social-insurance law tells sickness and maternity in sister articles with the same words:
 * rest to recover after sickness (BHXH Điều 46, "sau khi ốm đau": 7 days after an operation) and
 * after childbirth (Điều 60: 7 days after a caesarean); the files and the time to pay for each
 * (Điều 47–49 and 61–63). A mother asking about her birth ("đẻ mổ xong đi làm lại mà người còn yếu
 * thì được nghỉ dưỡng sức mấy ngày") shares every word of the sickness one, which retrieval may rank
 * first: it answers only when she names an illness, as the husband's rule answers only when she
 * names a man (husband.ts).
 *
 * Read from the law's words: the unit, the lead-in of its điểm or its article's title says
 * sickness ("ốm đau", "nghỉ ốm") and says nothing of pregnancy or birth beside it ("quỹ ốm đau và
 * thai sản", "chăm sóc con ốm đau, thai sản": a rule for both is hers too).
 */
const SICKNESS = /ốm đau|nghỉ ốm|bị ốm/iu;
const MATERNITY_TOO = /thai|sinh con|sinh đôi|đẻ/iu;

/** Whether a unit of the law (its words, its điểm's lead-in, its article's title) states a rule for sickness alone. */
export function statesSicknessCase(text: string, leadIn: string | null | undefined, title: string | null | undefined): boolean {
  const words = `${title ?? ''} ${leadIn ?? ''} ${text}`.normalize('NFC');
  return SICKNESS.test(words) && !MATERNITY_TOO.test(words);
}

/**
 * She names a birth, a pregnancy or its loss ("đẻ mổ", "sinh con", "sảy thai", "có bầu", "nghỉ thai
 * sản"), folded; "đẻ" alone only typed with its dấu ("de" is also để, dễ). Not "sinh sống",
 * "phát sinh", "học sinh".
 */
const NAMES_BIRTH =
  /\b(sinh (con|mo|thuong|doi|ba|xong|be|em be|non)|sau (khi )?sinh|de (mo|thuong|xong|doi|non)|nghi de|say thai|pha thai|thai san|mang thai|co thai|co bau|mang bau|kham thai|thai chet)\b/;
/** An illness she names ("ốm", "bệnh"), folded; over-inclusive ("ôm" is "om" too): a miss only leaves the order as it was. */
const NAMES_ILLNESS = /\b(om|benh)\b/;

/** Whether she asks about a birth or pregnancy and names no illness: a sickness rule is not her case. */
export function asksBirthNotIllness(question: string): boolean {
  const q = question.normalize('NFC').toLowerCase();
  const f = fold(q);
  return (NAMES_BIRTH.test(f) || /(?<![\p{L}])đẻ(?![\p{L}])/u.test(q)) && !NAMES_ILLNESS.test(f);
}

/**
 * The other way round: she names an illness, an operation or a stay in hospital and no birth ("nằm
 * viện 40 ngày vì mổ ruột thừa … có được nghỉ dưỡng sức thêm không"): the maternity rule in the sister
 * article (Điều 60, rest after childbirth; its files and payment, Điều 61–63) is another case, though
 * it shares every word of hers but the illness. Folded; "mổ" only with what is operated on or as
 * "bị / phải / đi mổ" ("đẻ mổ", "sinh mổ" name a birth and stop the rule).
 */
const NAMES_ILLNESS_OR_CARE =
  /\b(om|benh|nam vien|nhap vien|phau thuat|(bi|phai|di) mo|mo (ruot|da day|tim|mat|u|soi|than|gan|khop|xuong)|tai nan|gay (chan|tay|xuong))\b/;
const MATERNITY = /thai sản|sinh con|sảy thai|phá thai|mang thai|khám thai|tránh thai/iu;

/**
 * Whether a unit's article is a maternity rule and not one for sickness, read from its title alone
 * ("Dưỡng sức, phục hồi sức khoẻ sau thai sản"): "vợ đang có thai" in the divorce law and the
 * unborn child of a dead insured in the survivor's allowance are no maternity rule.
 */
export function statesMaternityCase(title: string | null | undefined): boolean {
  const words = (title ?? '').normalize('NFC');
  return MATERNITY.test(words) && !SICKNESS.test(words);
}

/** Whether she names an illness (or an operation, an accident) and no birth or pregnancy: a maternity rule is not her case. */
export function asksIllnessNotBirth(question: string): boolean {
  const q = question.normalize('NFC').toLowerCase();
  const f = fold(q);
  return NAMES_ILLNESS_OR_CARE.test(f) && !NAMES_BIRTH.test(f) && !/(?<![\p{L}])đẻ(?![\p{L}])/u.test(q);
}

import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A khoản whose subject is the husband ("Lao động nam … khi vợ sinh con được nghỉ…", BHXH Điều 53
 * khoản 2) shares every word of a mother's question about her own leave ("sinh mổ thì được nghỉ
 * bao lâu", "sinh con dưới 32 tuần thì nghỉ bao nhiêu ngày") and answers it for him: she was told
 * "chồng được nghỉ 7 ngày". It answers only when she asks about a man — her husband, the father, a
 * male worker. Read from the law's words: the khoản (or the lead-in of its điểm) opens with "Lao
 * động nam", or counts from the wife's childbirth ("kể từ ngày vợ sinh con"), and says nothing of
 * "lao động nữ" beside it (a rule for both is hers too).
 */
const HUSBANDS_RULE = /^(\d+\.\s*)?(đối với )?lao động nam\b/iu;
/** The wife's childbirth is his occasion, not hers ("60 ngày kể từ ngày vợ sinh con"). */
const WIFES_BIRTH = /\bvợ sinh con\b|\bvợ (mang thai hộ )?sinh\b/iu;
const FOR_WOMEN_TOO = /lao động nữ|nam, nữ|nam và nữ/iu;

/** Whether a unit of the law (its words, and its lead-in for a điểm) states a rule for the male worker alone. */
export function statesHusbandsRule(text: string, leadIn: string | null | undefined): boolean {
  const own = text.normalize('NFC').trim();
  const lead = (leadIn ?? '').normalize('NFC').trim();
  const his = HUSBANDS_RULE.test(own) || HUSBANDS_RULE.test(lead) || WIFES_BIRTH.test(own);
  return his && !FOR_WOMEN_TOO.test(`${lead} ${own}`);
}

/**
 * Whether her question names a man whose rights she may be asking about, folded (she may type
 * without dấu). Over-inclusive on purpose ("bo" is also "bỏ", "anh" any man): a miss only leaves
 * the order as it was.
 */
const NAMES_MAN = /\b(chong|ck|ong xa|lao dong nam|dan ong|nam gioi|bo|ba|cha|anh|ban trai)\b/;

export function namesMan(question: string): boolean {
  return NAMES_MAN.test(fold(question.normalize('NFC').toLowerCase()));
}

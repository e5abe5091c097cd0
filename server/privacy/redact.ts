/**
 * Removes contact details, self-introduced names and identity numbers from members' text before officials see it
 * (insights, handover queue). Members write things like "chị Lan 0912 345 678, zalo 0987.654.321"
 * or a CCCD number when asking for help; none of it is needed to answer a legal question.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese mobiles and landlines: 0 or +84/84, then 8–10 more digits with optional separators.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu;
// Any other long run of digits (CCCD/CMND, bank accounts, social-insurance numbers).
const LONG_NUMBER = /(?<![\p{N}])\d(?:[\s.-]?\d){8,}(?![\p{N}])/gu;
const URL_WITH_QUERY = /https?:\/\/\S+/gu;
// Self-introductions: "em tên Hoa", "tôi là Nguyễn Thị Lan" — capitalised words after the cue.
const SELF_NAME = /(\b(?:[Tt]ên|[Tt]ên là|[Tt]ôi là|[Ee]m là|[Mm]ình là|[Cc]hị là|[Cc]háu là)\s+)\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,4}/gu;

export function redact(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(URL_WITH_QUERY, '[liên kết]')
    .replace(SELF_NAME, '$1[tên]')
    .replace(PHONE, '[số điện thoại]')
    .replace(LONG_NUMBER, (m) => (MONEY.test(m) ? m : '[số]'));
}

// "100.000.000 đồng" is an amount the question depends on, not an identifier.
const MONEY = /^\d{1,3}(?:[.,]\d{3})+$/;

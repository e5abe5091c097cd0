import { fold } from '../../../ingest/text/vietnamese.js';
import { ageRangesStated } from './ages.js';

/**
 * How long the labour contract she names runs, and the khoản (or điểm) stating a term that holds
 * it, so that "em làm hợp đồng 1 năm, nghỉ thì báo trước bao nhiêu ngày" is told the 30 days for a
 * contract "có thời hạn từ 12 tháng đến 36 tháng" (BLLĐ Điều 35 khoản 1 điểm b), not the 45 days
 * of an indefinite one (điểm a), which shares as many of her words. Read as a child's age is
 * (ages.ts): the term is a range of months in the law's words.
 */

const YEAR = 12;
/** An indefinite contract: longer than any term. */
const INDEFINITE = 100 * YEAR;
/**
 * Months in each unit a term is told in. A short or seasonal job is told in weeks or days ("hợp đồng
 * thời vụ 3 tuần", "hđ 20 ngày"), kept as a fraction of a month: the law's "dưới 01 tháng" (BLLĐ
 * Điều 24 khoản 3, no probation) must hold it.
 */
const MONTHS_IN: Record<string, number> = { nam: YEAR, thang: 1, tuan: 7 / 30, ngay: 1 / 30 };

/**
 * "hợp đồng 1 năm", "hđ 6 tháng", "hợp đồng có thời hạn 2 năm", "ký hợp đồng lao động được 3 năm",
 * "hợp đồng thời vụ 3 tuần", "hđ mùa vụ 20 ngày".
 */
const TERM_NAMED =
  /\b(?:hop dong|hd)(?: lao dong| ld)?(?: (?:co|xac dinh|thoi han|han|la|duoc|dc|ky|khoang|tam|thoi vu|mua vu|ngan han|lam))* (\d+(?:[.,]5)?) ?(thang|nam|tuan|ngay)\b( ruoi)?/g;
/** "hợp đồng không thời hạn", "hđ không xác định thời hạn", "hợp đồng vô thời hạn". */
const INDEFINITE_NAMED = /\b(?:hop dong|hd)(?: lao dong| ld)? (?:khong (?:xac dinh )?thoi han|khong co thoi han|vo thoi han)\b/;

/** The terms of a labour contract she names, in months (an indefinite one as INDEFINITE). */
export function contractMonthsNamed(question: string): number[] {
  const f = fold(question.normalize('NFC').toLowerCase());
  const out = [...f.matchAll(TERM_NAMED)].map((m) => (Number(m[1]!.replace(',', '.')) + (m[3] ? 0.5 : 0)) * MONTHS_IN[m[2]!]!);
  if (INDEFINITE_NAMED.test(f)) out.push(INDEFINITE);
  return out.filter((n) => n > 0);
}

/** A text about a contract's term: "hợp đồng … xác định thời hạn", "… không xác định thời hạn". */
const ABOUT_TERM = /\bhop dong\b[^.;]*\bthoi han\b/;
const STATES_INDEFINITE = /\bkhong xac dinh thoi han\b/;

/**
 * Whether a text states a contract's term holding one she names ('holds'), only other terms
 * ('other'), or none ('none').
 */
export function statesContractNamed(text: string, months: readonly number[]): 'holds' | 'other' | 'none' {
  if (!months.length) return 'none';
  const f = fold(text.normalize('NFC').toLowerCase());
  if (!ABOUT_TERM.test(f)) return 'none';
  const ranges = ageRangesStated(text);
  if (STATES_INDEFINITE.test(f)) ranges.push({ from: INDEFINITE, to: Infinity });
  if (!ranges.length) return 'none';
  return ranges.some((r) => months.some((m) => m >= r.from && m < r.to)) ? 'holds' : 'other';
}

import { fold } from '../../../ingest/text/vietnamese.js';
import { periodRangesStated } from './ages.js';

/**
 * How long she has paid social insurance, and the khoản that set a period of paying, so that the
 * threshold answers "đóng bhxh được 5 tháng thì sinh con có được hưởng thai sản không" ("phải đóng
 * từ đủ 06 tháng trong 12 tháng…", Luật BHXH 2024 Điều 50 khoản 2) rather than a khoản on another
 * case that only shares her words (khoản 4, on leaving work before the birth). The same holds for
 * a pension ("đóng 15 năm"), sickness or unemployment: whoever names her period asks whether it is
 * enough.
 */

const YEAR = 12;
const toMonths = (n: string, unit: string) => Math.round(Number(n.replace(',', '.')) * (unit === 'nam' ? YEAR : 1));

/** "đóng bhxh được 5 tháng", "đã đóng bảo hiểm 15 năm", "đóng đủ 6 tháng", "mới đóng có 3 tháng". */
const NAMED =
  /\bdong(?: (?:bhxh|bhtn|bh|bao hiem(?: xa hoi| that nghiep)?|bao hiem xh))?(?: (?:duoc|dc|du|het|lien tuc|roi|moi|co|tong cong|tat ca|khoang|gan|hon))* (\d+(?:[.,]5)?) ?(thang|nam)\b/g;

/** The months of paying she names (folded, any spelling). */
export function contributionMonthsNamed(question: string): number[] {
  const f = fold(question.normalize('NFC').toLowerCase());
  return [...f.matchAll(NAMED)].map((m) => toMonths(m[1]!, m[2]!)).filter((n) => n > 0 && n < 60 * YEAR);
}

/** A text about paying social insurance: only its periods are periods of paying. */
const ABOUT_PAYING = /\b(?:dong bao hiem|thoi gian dong)\b/;

/**
 * Whether a text sets a period of paying that the months she names reach ('holds'), one they do not
 * ('other': still her answer — the threshold she has not reached), or none. The periods are read as
 * ages are (ages.ts), in months and years.
 */
export function statesContributionNamed(text: string, months: readonly number[]): 'holds' | 'other' | 'none' {
  if (!months.length || !ABOUT_PAYING.test(fold(text.normalize('NFC').toLowerCase()))) return 'none';
  const ranges = periodRangesStated(text);
  if (!ranges.length) return 'none';
  return ranges.some((r) => months.some((m) => m >= r.from && m < r.to)) ? 'holds' : 'other';
}

import { fold } from '../../../ingest/text/vietnamese.js';

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

/**
 * "đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên", "có thời gian đóng bảo hiểm xã hội từ đủ
 * 15 năm": the periods of paying a text sets, in months.
 */
const STATED = /\b(?:dong bao hiem|thoi gian dong)[^.;:]{0,60}?\btu du (\d+) (thang|nam)\b/g;

export function contributionPeriodsStated(text: string): number[] {
  const f = fold(text.normalize('NFC').toLowerCase());
  return [...f.matchAll(STATED)].map((m) => toMonths(m[1]!, m[2]!));
}

/**
 * Whether a text sets a period of paying that the months she names reach ('holds'), one they do not
 * ('other': still her answer — the threshold she has not reached), or none.
 */
export function statesContributionNamed(text: string, months: readonly number[]): 'holds' | 'other' | 'none' {
  const periods = months.length ? contributionPeriodsStated(text) : [];
  if (!periods.length) return 'none';
  return periods.some((p) => months.some((m) => m >= p)) ? 'holds' : 'other';
}

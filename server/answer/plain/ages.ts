import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * Ages a question names and the age ranges a khoản states, in months, so that the khoản for her
 * child's age leads: "ly hôn thì con 2 tuổi ai nuôi" is answered by "Con dưới 36 tháng tuổi được
 * giao cho mẹ trực tiếp nuôi", "con 9 tuổi" by the khoản on asking a child from 7 years her wish.
 */

export interface AgeRange {
  /** Inclusive lower bound, months. */
  from: number;
  /** Exclusive upper bound, months (Infinity when open). */
  to: number;
}

const YEAR = 12;
const months = (n: number, unit: string) => (unit.startsWith('thang') ? n : n * YEAR);
const UNIT = '(thang tuoi|tuoi|thang)';

/**
 * "con 2 tuổi", "bé 10 tháng tuổi", "cháu 18 tháng", "con 1 tuổi rưỡi", "con 5t". A bare number
 * of months counts only beside a child ("nghỉ 6 tháng" is no age).
 */
export function agesNamed(question: string): number[] {
  const f = fold(question.normalize('NFC').toLowerCase()).replace(/(\d),(\d)/g, '$1.$2');
  const out: number[] = [];
  for (const m of f.matchAll(/(\d+(?:\.5)?)\s*(tuoi|t\b)( ruoi)?/g)) out.push(Number(m[1]) * YEAR + (m[3] ? 6 : 0));
  for (const m of f.matchAll(/\b(con|be|chau|em be|thang be|con be|dua be|dua tre|tre)((?: \S+){0,2}) (\d+) thang(?! tuoi)\b/g)) out.push(Number(m[3]));
  for (const m of f.matchAll(/(\d+) thang tuoi/g)) out.push(Number(m[1]));
  return out.filter((a) => a >= 0 && a < 150 * YEAR);
}

/** The ranges of age a text states, two-sided ranges before the one-sided ones inside them. */
export function ageRangesStated(text: string): AgeRange[] {
  let f = fold(text.normalize('NFC').toLowerCase());
  const out: AgeRange[] = [];
  // Each range read is blanked out, so a one-sided pattern does not read it again inside a two-sided one.
  const take = (re: RegExp, range: (m: RegExpMatchArray) => AgeRange | null) => {
    for (const m of f.matchAll(re)) {
      const r = range(m);
      if (r) out.push(r);
    }
    f = f.replace(re, ' ');
  };
  // "từ đủ 16 tuổi đến dưới 18 tuổi", "từ 13 đến dưới 15 tuổi", "từ đủ 13 tuổi đến chưa đủ 15 tuổi"
  take(new RegExp(`\\btu (?:du )?(\\d+)(?: ${UNIT})? (?:den|toi) (?:duoi |chua du |het )?(\\d+) ${UNIT}`, 'g'), (m) => {
    const unit = m[4]!;
    const lower = months(Number(m[1]), m[2] ?? unit);
    // "đến hết 18 tuổi"/"đến 18 tuổi" includes that year; "đến dưới"/"chưa đủ" does not.
    const upper = months(Number(m[3]), unit) + (/(duoi|chua du) \d/.test(m[0]!) ? 0 : unit.startsWith('thang') ? 1 : YEAR);
    return lower < upper ? { from: lower, to: upper } : null;
  });
  take(new RegExp(`\\b(?:duoi|chua du|chua den) (\\d+) ${UNIT}`, 'g'), (m) => ({ from: 0, to: months(Number(m[1]), m[2]!) }));
  take(new RegExp(`\\b(?:(?:tu )?du|tu|tren) (\\d+) ${UNIT}(?: tro len)?`, 'g'), (m) =>
    /tro len|\bdu\b|\btren\b/.test(m[0]!) ? { from: months(Number(m[1]), m[2]!) + (m[0]!.startsWith('tren') ? 1 : 0), to: Infinity } : null,
  );
  return out;
}

/**
 * Whether a text states an age range holding an age she names ('holds'), only ranges holding none
 * ('other'), or no age at all ('none').
 */
export function statesAgeNamed(text: string, ages: readonly number[]): 'holds' | 'other' | 'none' {
  const ranges = ages.length ? ageRangesStated(text) : [];
  if (!ranges.length) return 'none';
  return ranges.some((r) => ages.some((a) => a >= r.from && a < r.to)) ? 'holds' : 'other';
}

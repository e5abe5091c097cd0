import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * A cap stated per period ("không quá 40 giờ trong 01 tháng", "300 giờ trong 01 năm", "mỗi ngày 60
 * phút") answers a question about that period only. "Tháng nào cũng tăng ca hơn 50 tiếng" was told
 * BLLĐ Điều 107 khoản 3 (300 hours a year for garment and shoe work) rather than its khoản 2 điểm b
 * (40 hours a month): both share her words about overtime, and a garment worker's question shares
 * "may" with khoản 3. Read from the words alone: the periods she names as a rate ("mỗi tháng",
 * "hằng tháng", "tháng nào cũng", "một tháng") and the periods a unit caps an amount by.
 */
export type Period = 'ngay' | 'tuan' | 'thang' | 'nam';

/** "mỗi tháng", "hằng tuần", "một năm", "1 ngày", "trong 01 tháng" — not "tháng tuổi" (a child's age). */
const RATE_NAMED = /\b(?:moi|hang|mot|1|01|trong 01|trong mot|trong 1)\s+(ngay|tuan|thang|nam)\b(?!\s*tuoi)|\b(ngay|tuan|thang|nam) nao cung\b/g;
/** A number of hours, days, minutes or times, within a few words of the period it is counted by. */
const AMOUNT = /\d+\s*(?:gio|ngay|phut|lan|tieng)\b/;

function periodsIn(text: string, near: boolean): Set<Period> {
  const out = new Set<Period>();
  const f = fold(text.normalize('NFC').toLowerCase());
  for (const m of f.matchAll(RATE_NAMED)) {
    const p = (m[1] ?? m[2]) as Period;
    if (near) {
      const around = f.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20);
      if (!AMOUNT.test(around)) continue;
    }
    out.add(p);
  }
  return out;
}

/** The periods she names as a rate ("mỗi tháng làm hơn 50 tiếng"). */
export function periodsNamed(question: string): ReadonlySet<Period> {
  return periodsIn(question, false);
}

/** The periods a unit of the law caps an amount by: its words with its plain sentence. */
export function periodsCapped(text: string): ReadonlySet<Period> {
  return periodsIn(text, true);
}

/** 'holds' when the unit caps an amount by a period she names, 'other' when only by others, 'none' when by none. */
export function statesPeriodNamed(text: string, named: ReadonlySet<Period>): 'holds' | 'other' | 'none' {
  const capped = periodsCapped(text);
  if (!capped.size) return 'none';
  for (const p of capped) if (named.has(p)) return 'holds';
  return 'other';
}

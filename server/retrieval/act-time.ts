import { fold } from '../../ingest/text/vietnamese.js';
import { asksSanction, wantsOf } from '../answer/plain/intent.js';

/**
 * When she says the act she asks about happened: "hồi tháng 8 năm 2025 ck e dùng ghế phang e",
 * "năm 2024 bố ck bắt e nhịn ăn… hồi đó bị phạt ra răng", "năm ngoái…". A sanction is decided by
 * the text in force when the act was done and ended (Nghị định 282/2025 Điều 70 khoản 1, as every
 * penalty decree's transitional article says; the Law on handling administrative violations too):
 * asked what it cost him then, the text of that time answers, though replaced since.
 *
 * Read only when she asks about a sanction (the rule that turns on the time of the act) and the
 * period has ended: an act still going on ("vẫn", "đến giờ", "từ năm 2024") is judged by the text in
 * force now (Điều 70 khoản 2), and a time that only dates her story ("cưới năm 2015") decides nothing.
 */
export interface ActPeriod {
  /** First and last day of the period she names, ISO (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** A sanction asked in shorthand too ("phạt bn tiền", "có phạt dc không", "xử lý sao"). */
const SANCTION_WORDS = /\b(phat (bn|bao|tien|dc|duoc|gi|ko|k|khong|the|ra|sao|hanh)|(bi|co|muc|xu|dc|duoc) phat|xu ly (sao|ra|the|gi))\b/;
/** Still going on, or told as a start: the text in force now decides. */
const ONGOING = /\b(van con|van dang|van tiep|den gio|den nay|toi gio|toi nay|cho den nay|bay gio van|hien van|tu nam|tu thang|tu hoi|suot tu)\b/;
const MONTH_YEAR = /\b(?:thang\s*(\d{1,2})(?:\s*(?:nam|\/|-)\s*|\s+)|(\d{1,2})\s*\/\s*)(\d{4})\b/g;
const YEAR = /\b(?:(dau|giua|cuoi)\s+)?nam\s*(\d{4})\b/g;
/** "Đầu năm", "giữa năm", "cuối năm": the months they span. */
const PART_OF_YEAR: Record<string, [number, number]> = { dau: [1, 4], giua: [5, 8], cuoi: [9, 12] };
const RELATIVE: [RegExp, number][] = [
  [/\bnam (ngoai|truoc|roi|vua roi)\b/, 1],
  [/\bnam kia\b/, 2],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The past period a question dates the act to, when it asks about a sanction; null otherwise. */
export function actPeriod(question: string, today: Date = new Date()): ActPeriod | null {
  const f = fold(question.normalize('NFC').toLowerCase());
  if (!asksSanction(wantsOf(question)) && !SANCTION_WORDS.test(f)) return null;
  if (ONGOING.test(f) || /(^|[\s,.])vẫn([\s,.]|$)/u.test(question.normalize('NFC').toLowerCase())) return null;
  const thisYear = today.getUTCFullYear();
  const periods: ActPeriod[] = [];
  for (const m of f.matchAll(MONTH_YEAR)) {
    const month = Number(m[1] ?? m[2]);
    const year = Number(m[3]);
    if (month >= 1 && month <= 12 && year >= 1945 && year <= thisYear)
      periods.push({ from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` });
  }
  if (!periods.length)
    for (const m of f.matchAll(YEAR)) {
      const year = Number(m[2]);
      const [first, last] = PART_OF_YEAR[m[1] ?? ''] ?? [1, 12];
      if (year >= 1945 && year <= thisYear) periods.push({ from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` });
    }
  if (!periods.length) for (const [re, back] of RELATIVE) if (re.test(f)) periods.push({ from: `${thisYear - back}-01-01`, to: `${thisYear - back}-12-31` });
  // Two times told ("năm 2023 … rồi tháng 5 năm 2024 lại…"): the latest is the act she asks about.
  const latest = periods.sort((a, b) => b.to.localeCompare(a.to))[0];
  if (!latest) return null;
  const todayIso = today.toISOString().slice(0, 10);
  return latest.to < todayIso ? latest : null;
}

/** Whether a text was in force at some time within the period (from its effect until it ceased). */
export function inForceDuring(doc: { effective: string | null; issued: string | null; until: string | null }, p: ActPeriod): boolean {
  const start = doc.effective ?? doc.issued;
  if (!start || start > p.to) return false;
  return doc.until === null || doc.until > p.from;
}

/** The texts no longer in force that were in force at some time within the period, by id, sorted. */
export function inForceThen(
  docs: Iterable<{ id: string; status: string; effective: string | null; issued: string | null; until: string | null }>,
  period: ActPeriod,
): string[] {
  return [...docs]
    .filter((d) => (d.status === 'expired' || d.status === 'replaced') && inForceDuring(d, period))
    .map((d) => d.id)
    .sort();
}

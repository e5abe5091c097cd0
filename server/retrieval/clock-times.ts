import { fold } from '../../ingest/text/vietnamese.js';

/**
 * Work told by the clock ("làm từ 10h tối đến 3h sáng", "ca 22 giờ", "trực tới 2h đêm") is night
 * work, which the law names in its own words: "làm việc vào ban đêm", from 22 giờ to 06 giờ sáng
 * (BLLĐ Điều 106). A member says the hours, never the law's phrase, so the phrase is added when a
 * clock time she names falls in that span and work is told just before it. Any other clock time
 * (a beating "lúc 11h đêm") adds nothing: the law's phrase is about work.
 */

/** The law's phrase for work in those hours. */
export const NIGHT_WORK = 'làm việc vào ban đêm';

// A work word up to this many syllables before the first night time ("làm ca từ 10h tối").
const WORK_WINDOW = 6;
// As typed: bare, or with the dấu of work ("cả", "lắm" typed with theirs are not work).
const WORK_WORDS = new Set(['làm', 'lam', 'ca', 'trực', 'truc']);
// "đến / tới 10h tối": work that ends at 22 giờ has not entered the night.
const UNTIL = new Set(['den', 'toi']);

interface ClockTime {
  /** Where the time starts in the tokens. */
  at: number;
  /** 0–24, as she wrote it. */
  hour: number;
  /** Minutes past the hour, 0 when none were written. */
  minute: number;
  /** The part of the day written after it (folded): tối, đêm, khuya, sáng, chiều, trưa; null when none. */
  part: string | null;
}

const PARTS = new Set(['toi', 'dem', 'khuya', 'sang', 'chieu', 'trua']);

/** The clock times in her syllables: "10h", "10g", "2h30", "22 giờ", "10 giờ 30", each with the part of the day after it. */
export function clockTimes(tokens: readonly string[], folded: readonly string[] = tokens.map(fold)): ClockTime[] {
  const out: ClockTime[] = [];
  for (let i = 0; i < folded.length; i++) {
    const t = folded[i]!;
    let hour: number;
    let minute = 0;
    let next = i + 1;
    const joined = /^(\d{1,2})[hg](\d{1,2})?$/.exec(t);
    if (joined) {
      hour = Number(joined[1]);
      minute = Number(joined[2] ?? 0);
    } else if (/^\d{1,2}$/.test(t) && (folded[i + 1] === 'gio' || folded[i + 1] === 'h')) {
      hour = Number(t);
      next = i + 2;
      if (/^\d{1,2}$/.test(folded[next] ?? '')) minute = Number(folded[next++]);
    } else continue;
    if (hour > 24 || minute > 59) continue;
    const part = PARTS.has(folded[next] ?? '') ? folded[next]! : null;
    out.push({ at: i, hour, minute, part });
  }
  return out;
}

/** The hour on a 24-hour clock, or null when the part of the day she wrote does not fit it ("3h tối"). */
function on24(c: ClockTime): number | null {
  switch (c.part) {
    case null:
      return c.hour % 24;
    case 'sang':
      return c.hour <= 11 ? c.hour : null;
    case 'trua':
    case 'chieu':
      return c.hour === 12 ? 12 : c.hour <= 7 ? c.hour + 12 : null;
    case 'toi':
      return c.hour >= 6 && c.hour <= 11 ? c.hour + 12 : c.hour >= 18 ? c.hour % 24 : null;
    default:
      // đêm, khuya: "11h đêm" is 23 giờ, "2h đêm" is 2 giờ, "12h đêm" midnight.
      return c.hour >= 6 && c.hour <= 12 ? (c.hour + 12) % 24 : c.hour >= 18 || c.hour < 6 ? c.hour % 24 : null;
  }
}

/** Whether a time is in the law's night, 22 giờ to 06 giờ; a time that ends her work at 22 giờ exactly is not. */
function atNight(c: ClockTime, until: boolean): boolean {
  const h = on24(c);
  if (h === null) return false;
  const minutes = h * 60 + c.minute;
  if (minutes === 22 * 60) return !until;
  if (minutes === 6 * 60) return false;
  return minutes > 22 * 60 || minutes < 6 * 60;
}

/** The law's phrase for night work when she tells work at a clock time between 22 and 6 giờ; null otherwise. */
export function nightWork(tokens: readonly string[]): string | null {
  const folded = tokens.map(fold);
  for (const c of clockTimes(tokens, folded)) {
    if (!atNight(c, UNTIL.has(folded[c.at - 1] ?? ''))) continue;
    const from = Math.max(0, c.at - WORK_WINDOW);
    if (tokens.slice(from, c.at).some((t) => WORK_WORDS.has(t))) return NIGHT_WORK;
  }
  return null;
}

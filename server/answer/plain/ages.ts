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
  return agesAt(question).map(insideRange);
}

/** Each age named, with the words just before it (folded). */
function agesAt(question: string): { age: number; before: string }[] {
  const f = fold(question.normalize('NFC').toLowerCase()).replace(/(\d),(\d)/g, '$1.$2');
  const out: { age: number; before: string }[] = [];
  const at = (age: number, index: number) =>
    out.push({
      age,
      before: f
        .slice(0, index)
        .split(/[\s,.;:!?]+/)
        .filter(Boolean)
        .slice(-3)
        .join(' '),
    });
  for (const m of f.matchAll(/(\d+(?:\.5)?)\s*(tuoi|t\b)( ruoi)?/g)) at(Number(m[1]) * YEAR + (m[3] ? 6 : 0), m.index!);
  for (const m of f.matchAll(/\b(con|be|chau|em be|thang be|con be|dua be|dua tre|tre)((?: \S+){0,2}) (\d+) thang(?! tuoi)\b/g))
    at(Number(m[3]), m.index! + m[0]!.lastIndexOf(m[3]!));
  for (const m of f.matchAll(/(\d+) thang tuoi/g)) at(Number(m[1]), m.index!);
  return out.filter((a) => a.age >= 0 && a.age < 150 * YEAR && !isGap(a.before));
}

/**
 * The words before a number of years that make it a gap between two people, not anyone's age:
 * "em chỉ hơn cháu 15 tuổi", "chồng hơn em 10 tuổi", "kém nhau", "chênh lệch", "cách nhau". "Hơn"
 * right before the number is a range ("con hơn 7 tuổi"); with a person between, a gap. Folded, "hôn"
 * is "hon" too: "ly hôn thì con 5 tuổi" and "ly hôn con 5 tuổi" name the child's age. Read as an age,
 * the gap in "nhận cháu ruột làm con nuôi mà chỉ hơn cháu 15 tuổi" had chosen the rule for a child of
 * 16 to 18 (Nuôi con nuôi Điều 8 khoản 2) and said she was not of that age.
 */
const GAP_PERSON = '(?:chau|con|be|no|em|e|anh|chi|chong|vo|ck|vk|nhau|toi|minh|ong|ba|nguoi|co|chu|bac|di|cau|me|bo|cha|ban|dua)';
const GAP = new RegExp(`\\b(?:hon|kem)(?: (?:han|ca))? ${GAP_PERSON}(?: \\S+)?$|\\b(?:chenh|lech|cach nhau)\\b`);
const MARRIAGE = /\b(?:ly|li|ket|tai|tao|cau|dinh) hon\b/;
const isGap = (before: string) => GAP.test(before) && !MARRIAGE.test(before);

/**
 * "con dưới 12 tháng", "trẻ chưa đủ 16 tuổi", "con trên 7 tuổi": a range in the law's words rather
 * than an age. For choosing the khoản it stands for an age just inside it (11 months, 15 years 11
 * months, 7 years 1 month), so "dưới 12 tháng tuổi" holds it and "đủ 12 tháng" does not; it is never
 * said back to her as her age.
 */
const BELOW = /\b(duoi|chua du|chua den)$/;
const ABOVE = /\b(tren|qua|hon)$/;
const asRange = (a: { age: number; before: string }) => BELOW.test(a.before) || ABOVE.test(a.before);
const insideRange = (a: { age: number; before: string }) => (BELOW.test(a.before) ? a.age - 1 : ABOVE.test(a.before) ? a.age + 1 : a.age);

/** Words naming her or her child, whose age is the one her question is about. */
const HERS = /\b(em|e|toi|tui|minh|tao|con|chau|be|tre)\b/;

/**
 * The ages of the one she asks about: herself or her child ("em 17 tuổi", "con bé nhà em 15
 * tuổi"), not the other party ("bạn trai 18 tuổi", "thằng 20 tuổi"); every age named when none is
 * said beside her or her child.
 */
export function herAges(question: string): number[] {
  return hersOf(agesAt(question).filter((a) => !asRange(a)));
}

function hersOf(all: { age: number; before: string }[]): number[] {
  const hers = all.filter((a) => HERS.test(a.before));
  return (hers.length ? hers : all).map((a) => a.age);
}

/**
 * How a kind of age is written: its units, and each unit in the one ranges are compared in. A
 * person's age is counted in months ("36 tháng tuổi", "16 tuổi"); a pregnancy's in weeks ("thai
 * từ đủ 13 tuần tuổi đến dưới 22 tuần tuổi").
 */
interface AgeScale {
  unit: string;
  base(n: number, unit: string): number;
  /** One step of the smallest unit: "đến hết 18 tuổi" includes the whole year. */
  step(unit: string): number;
}

const PERSON: AgeScale = { unit: UNIT, base: months, step: (unit) => (unit.startsWith('thang') ? 1 : YEAR) };
const PREGNANCY: AgeScale = { unit: '(tuan tuoi|tuan)', base: (n) => n, step: () => 1 };

/** The ranges of age a text states, two-sided ranges before the one-sided ones inside them. */
export function ageRangesStated(text: string): AgeRange[] {
  return rangesStated(text, PERSON);
}

/** A period counted in months or years, not an age ("từ đủ 06 tháng", "từ đủ 15 năm"; "06 tháng tuổi" is an age). */
const PERIOD: AgeScale = { unit: '(thang(?! tuoi)|nam)', base: (n, unit) => (unit === 'nam' ? n * YEAR : n), step: (unit) => (unit === 'nam' ? YEAR : 1) };

/** The ranges of a period a text states, in months ("từ đủ 06 tháng trở lên", "từ đủ 15 năm"). */
export function periodRangesStated(text: string): AgeRange[] {
  return rangesStated(text, PERIOD);
}

/** The ranges of a pregnancy's age a text states, in weeks ("thai dưới 05 tuần tuổi"). */
export function pregnancyRangesStated(text: string): AgeRange[] {
  return rangesStated(text, PREGNANCY);
}

function rangesStated(text: string, scale: AgeScale): AgeRange[] {
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
  // "Hơn con nuôi từ 20 tuổi trở lên" (Nuôi con nuôi Điều 14): a gap between two people, which no one's age is inside
  // or outside, as in her question (GAP). Read as "from 20 up", an aunt of 28 adopting a niece of 10 was told the
  // khoản was about people from 20 and that the niece's age was below it. "Hơn" right before the number stays a range.
  if (scale === PERSON) f = f.replace(/\b(?:hon|kem) (?!tu\b|du\b|\d)\S+(?: \S+){0,2}? (?:tu )?(?:du )?\d+ tuoi(?: tro len)?/g, ' ');
  // "từ đủ 16 tuổi đến dưới 18 tuổi", "từ 13 đến dưới 15 tuổi", "từ đủ 13 tuổi đến chưa đủ 15 tuổi"
  take(new RegExp(`\\btu (?:du )?(\\d+)(?: ${scale.unit})? (?:den|toi) (?:duoi |chua du |het )?(\\d+) ${scale.unit}`, 'g'), (m) => {
    const unit = m[4]!;
    const lower = scale.base(Number(m[1]), m[2] ?? unit);
    // "đến hết 18 tuổi"/"đến 18 tuổi" includes that year; "đến dưới"/"chưa đủ" does not.
    const upper = scale.base(Number(m[3]), unit) + (/(duoi|chua du) \d/.test(m[0]!) ? 0 : scale.step(unit));
    return lower < upper ? { from: lower, to: upper } : null;
  });
  take(new RegExp(`\\b(?:duoi|chua du|chua den) (\\d+) ${scale.unit}`, 'g'), (m) => ({ from: 0, to: scale.base(Number(m[1]), m[2]!) }));
  // Until an age ("được hưởng đến khi đủ 18 tuổi", "cho đến khi con đủ 06 tháng tuổi"): below it, not from it.
  take(new RegExp(`\\b(?:den|toi) (?:khi |luc )?(?:\\S+ )?du (\\d+) ${scale.unit}`, 'g'), (m) => ({ from: 0, to: scale.base(Number(m[1]), m[2]!) }));
  take(new RegExp(`\\b(?:(?:tu )?du|tu|tren) (\\d+) ${scale.unit}(?: tro len)?`, 'g'), (m) =>
    /tro len|\bdu\b|\btren\b/.test(m[0]!) ? { from: scale.base(Number(m[1]), m[2]!) + (m[0]!.startsWith('tren') ? 1 : 0), to: Infinity } : null,
  );
  return out;
}

/** Weeks in a month of pregnancy, as a mother counts it ("thai 4 tháng" is about 17 weeks). */
const WEEKS_PER_MONTH = 4.35;

/**
 * How far along a pregnancy she names is, in weeks: "sảy thai lúc 10 tuần", "thai 4 tháng",
 * "bầu được 3 tháng rưỡi". A number of months counts only right after a word of pregnancy
 * ("nghỉ 6 tháng", "thai sản 6 tháng" are no pregnancy), so that the khoản for her weeks leads
 * ("từ đủ 13 tuần tuổi đến dưới 22 tuần tuổi"), not the one from 22 weeks.
 */
export function pregnancyWeeksNamed(question: string): number[] {
  const f = fold(question.normalize('NFC').toLowerCase()).replace(/(\d),(\d)/g, '$1.$2');
  if (!/\b(thai|bau|co mang|mang bau)\b/.test(f)) return [];
  const out: number[] = [];
  for (const m of f.matchAll(/(\d+(?:\.5)?) tuan\b( ruoi)?/g)) out.push(Number(m[1]) + (m[2] ? 0.5 : 0));
  for (const m of f.matchAll(/\b(?:thai(?! san)|bau|co mang|mang bau)((?: \S+){0,3}?) (\d+(?:\.5)?) thang\b( ruoi)?/g))
    out.push(Math.floor((Number(m[2]) + (m[3] ? 0.5 : 0)) * WEEKS_PER_MONTH));
  return out.filter((w) => w > 0 && w < 45);
}

/** Whether a text states a range of pregnancy holding the weeks she names ('holds'), only others ('other'), or none. */
export function statesPregnancyNamed(text: string, weeks: readonly number[]): 'holds' | 'other' | 'none' {
  const ranges = weeks.length ? pregnancyRangesStated(text) : [];
  if (!ranges.length) return 'none';
  return ranges.some((r) => holdsAny(r, weeks)) ? 'holds' : 'other';
}

/**
 * Whether a text states an age range holding an age she names ('holds'), only ranges holding none
 * ('other'), or no age at all ('none'). A text with a range holding her age beside others ("tài sản
 * của con dưới 15 tuổi … giao lại khi con đủ 15 tuổi") holds it: scored as stating her age only
 * when every range holds one ('partly' as neutral) lost a held-out phrasing and gained none.
 */
export function statesAgeNamed(text: string, ages: readonly number[]): 'holds' | 'other' | 'none' {
  const ranges = ages.length ? ageRangesStated(text) : [];
  if (!ranges.length) return 'none';
  return ranges.some((r) => holdsAny(r, ages)) ? 'holds' : 'other';
}

/** Whether a range holds one of the ages. */
const holdsAny = (r: AgeRange, ages: readonly number[]) => ages.some((a) => a >= r.from && a < r.to);

/**
 * The ranges a text states that hold none of the ages she names: the rule is about someone of
 * another age ("trẻ từ đủ 13 đến dưới 16 tuổi" for a girl of 17), so its plain sentence is not
 * her case. A range holding one of her ages (the man "đủ 18 tuổi trở lên") is hers.
 */
function rangesOutside(ranges: readonly AgeRange[], ages: readonly number[]): AgeRange[] {
  const out: AgeRange[] = [];
  for (const r of ranges) if (!holdsAny(r, ages) && !out.some((o) => o.from === r.from && o.to === r.to)) out.push(r);
  return out;
}

/** A text without its conditions ("nếu … thì"), up to the end of the clause when no "thì" follows. */
function withoutConditions(text: string): string {
  return text.replace(/(^|[\s,;(])nếu\s[^;.:]*?(\sthì\s|[;.:]|$)/giu, '$1 ');
}

/**
 * An age she names, in years when whole or a half from 1 year ("17 tuổi", "17 tuổi rưỡi", "18 tháng
 * tuổi"): "con gái 17 tuổi rưỡi" had been told back "210 tháng tuổi", a unit she did not use.
 */
function ageWords(m: number): string {
  if (m >= YEAR && m % YEAR === 6) return `${(m - 6) / YEAR} tuổi rưỡi`;
  return m % YEAR === 0 && m >= YEAR ? `${m / YEAR} tuổi` : `${m} tháng tuổi`;
}

/** A bound in the law's words; under four years the law counts in months ("dưới 36 tháng tuổi"). */
function boundWords(m: number): string {
  return m % YEAR === 0 && m >= 4 * YEAR ? `${m / YEAR} tuổi` : `${m} tháng tuổi`;
}

function rangeWords(r: AgeRange): string {
  // "trên 18 tuổi" is read as from one month past 18.
  const from = r.from % YEAR === 1 ? `trên ${boundWords(r.from - 1)}` : `từ đủ ${boundWords(r.from)}`;
  if (r.to === Infinity) return r.from % YEAR === 1 ? from : `${from} trở lên`;
  if (r.from === 0) return `dưới ${boundWords(r.to)}`;
  return `${from} đến dưới ${boundWords(r.to)}`;
}

/**
 * Said before a plain sentence whose rule concerns other ages than that of the one she asks about,
 * so that it is not told as her case: for "em 17 tuổi có bầu với bạn trai 18 tuổi, bạn trai có bị
 * đi tù không", "Lưu ý: khoản luật dưới đây nói về người từ đủ 13 tuổi đến dưới 16 tuổi; tuổi chị
 * nêu (17 tuổi) không thuộc độ tuổi này." The range named is one holding none of the ages she
 * names (the man's "đủ 18 tuổi trở lên" holds her boyfriend's). It states only the range the law
 * writes and the number she wrote; whether another rule covers her is not said. Below a minimum
 * ("nữ từ đủ 18 tuổi trở lên" for a girl of 16) it says "chưa đủ độ tuổi này".
 */
export function ageOutsideNote(text: string, question: string, plain = ''): string | null {
  // The question's ages are read once: hers decide whether the rule is about her, all of them which ranges to name.
  const named = agesAt(question).filter((a) => !asRange(a));
  const hers = hersOf(named);
  if (!hers.length) return null;
  // The law's own words say whom the rule is about; its plain sentence only when they state no age.
  // An age in a condition ("nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con") is
  // one branch of a rule for every child, not whom the khoản is about: "ly hôn thì con 5 tuổi ai
  // nuôi" is answered by that khoản's rule without a note that it concerns children from 7.
  // From the plain sentence, its first clause: what follows a ";" adds a detail of the rule ("…; con từ
  // đủ 07 tuổi được hỏi nguyện vọng"), not whom it is about — a grandmother asking to change who
  // raises a child of 5 had been told the khoản was about people from 7.
  const ranges = ageRangesStated(text).length ? ageRangesStated(withoutConditions(text)) : ageRangesStated(withoutConditions(plain.split(';')[0]!));
  // A range holding her age (or her child's): the rule is about her.
  if (!ranges.length || ranges.some((r) => holdsAny(r, hers))) return null;
  const outside = rangesOutside(
    ranges,
    named.map((a) => a.age),
  );
  if (!outside.length) return null;
  const said = [...new Set(hers)].sort((a, b) => a - b).map(ageWords);
  // Every range a minimum she has not reached ("nữ từ đủ 18 tuổi trở lên" for a girl of 16): the
  // rule is often a condition, and "not yet old enough" is then the answer itself, so it is said so.
  const below = outside.every((r) => r.to === Infinity && hers.every((a) => a < r.from));
  const verdict = below ? 'chưa đủ độ tuổi này' : 'không thuộc độ tuổi này';
  return `Lưu ý: khoản luật dưới đây nói về người ${outside.map(rangeWords).join(' hoặc ')}; tuổi chị nêu (${said.join(', ')}) ${verdict}.`;
}

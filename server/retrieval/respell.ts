import { fold } from '../../ingest/text/vietnamese.js';
import type { PairReadings } from './readings.js';

/**
 * Dấu typed imperfectly on a phone, read as the word meant. A syllable typed with dấu must match a
 * phrase exactly, so "chồng giử hết lương" never met "giữ lương", and "củng" (for "cũng") stayed a
 * search term. The commonest errors keep the syllable's folded form — hỏi and ngã swapped ("giử",
 * "sữa chữa"), a tone or vowel mark left out ("chông", "đanh"), a syllable typed bare inside a
 * message with dấu ("con cai") — and some change it, spelling by ear: s/x, ch/tr, d/gi/r, final
 * n/ng and t/c ("chanh chấp").
 *
 * The library decides, as for a question typed without dấu: every pair of adjacent syllables the
 * indexed texts and the vocabulary write is known with its accents (readings.ts).
 * - A syllable that forms such a pair with a neighbour, as typed, is never re-read.
 * - One the texts never write (nor the vocabulary's phrases and examples, typed as members type)
 *   is read as a spelling a phone could have typed it for (mistypedFor) that a neighbour pairs
 *   with ("chông đanh" → "chồng đánh"); with no pair to decide, it stays.
 * - One the texts write elsewhere only for hỏi, ngã and nặng confused, where the neighbour as typed
 *   confirms one spelling ("sữa chữa" → "sửa chữa", while "bú sữa" stays): a correct word in an
 *   unusual pair ("ở đâu", "thả rông") must not become another.
 * - Spelling by ear is read back only where the folded pairs as typed are all unknown, as the
 *   respelled syllable (its tone and vowels as typed) the texts pair with a neighbour exactly as
 *   typed ("dành quyền" → "giành quyền"); typed bare, only for a syllable the texts never write in
 *   any spelling.
 * Syllables typed bare in a message typed without dấu already match any accent: only spelling by
 * ear is read back there.
 */

/** An initial or final written by ear, and how else it is written (northern and southern mergers). */
const BY_EAR: [RegExp, string[]][] = [
  [/^s(?=[aeiouy])/, ['x']],
  [/^x/, ['s']],
  [/^ch/, ['tr']],
  [/^tr/, ['ch']],
  [/^gi(?=[aeouy])/, ['d', 'r']],
  [/^d(?=[aeiouy])/, ['gi', 'r']],
  [/^r/, ['d', 'gi']],
  [/ng$/, ['n']],
  [/(?<!n)n$/, ['ng']],
  [/t$/, ['c']],
  [/c$/, ['t']],
];

/** The initials of BY_EAR: the rest are finals. */
const INITIALS = 7;

/**
 * Syllables `syl` may have been written for by ear, its tone and vowels kept ("chanh" → "tranh";
 * "đ" is never "d"); `initialsOnly`: its final as typed.
 */
export function byEar(syl: string, initialsOnly = false): string[] {
  const d = syl.normalize('NFD');
  const out: string[] = [];
  for (const [re, alts] of initialsOnly ? BY_EAR.slice(0, INITIALS) : BY_EAR)
    if (re.test(d)) for (const alt of alts) out.push(d.replace(re, alt).normalize('NFC'));
  return out;
}

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
const MARKS = /[\u0302\u0306\u031b]/g;
const HOI = '\u0309';
const NGA = '\u0303';
const NANG = '\u0323';

/** A syllable's letters (vowel marks and đ kept) and its tone mark, '' for ngang. */
function parts(syl: string): [string, string] {
  const d = syl.normalize('NFD');
  return [d.replace(TONE, ''), TONE.exec(d)?.[0] ?? ''];
}

/**
 * Could a phone have typed `typed` for `meant`? Tone: the same, left out, or hỏi, ngã and nặng
 * confused the way speakers merge them (hỏi/ngã everywhere, ngã/nặng in the North-Central region).
 * Letters: the same, or the vowel marks and đ left out. "củng" is "cũng", never "cùng".
 */
export function mistypedFor(typed: string, meant: string): boolean {
  const [tl, tt] = parts(typed);
  const [ml, mt] = parts(meant);
  const letters = tl === ml || tl === ml.replace(MARKS, '').replace(/đ/g, 'd');
  const tones = tt === mt || tt === '' || (tt === HOI && mt === NGA) || (tt === NGA && (mt === HOI || mt === NANG)) || (tt === NANG && mt === NGA);
  return letters && tones;
}

/** The same letters, hỏi, ngã and nặng confused: "sữa" for "sửa", "cụng" for "cũng". */
function toneConfused(typed: string, meant: string): boolean {
  const [tl, tt] = parts(typed);
  const [ml, mt] = parts(meant);
  return tl === ml && tt !== '' && tt !== mt && mistypedFor(typed, meant);
}

interface Evidence {
  /** Spellings of the syllable that pairs with a neighbour, scored: 2 per neighbour as typed, 1 per neighbour's folded form. */
  scores: Map<string, number>;
  /** Whether any pair with a neighbour is known for the folded form at all. */
  known: boolean;
}

function evidence(tokens: string[], i: number, folded: string, tables: PairReadings[]): Evidence {
  const scores = new Map<string, number>();
  let known = false;
  for (const side of [-1, 1]) {
    const other = tokens[i + side];
    if (other === undefined) continue;
    const key = side < 0 ? `${fold(other)} ${folded}` : `${folded} ${fold(other)}`;
    const best = new Map<string, number>();
    for (const table of tables) {
      for (const form of table.get(key) ?? []) {
        known = true;
        const [x, y] = form.split(' ') as [string, string];
        const [mine, theirs] = side < 0 ? [y, x] : [x, y];
        // A neighbour typed bare agrees with any accent; one typed with dấu only with its own.
        const exact = theirs === other || (fold(other) === other && fold(theirs) === other);
        best.set(mine, Math.max(best.get(mine) ?? 0, exact ? 2 : 1));
      }
    }
    for (const [mine, s] of best) scores.set(mine, (scores.get(mine) ?? 0) + s);
  }
  return { scores, known };
}

function frequency(tables: PairReadings[], syl: string): number {
  let n = 0;
  for (const t of tables) n += t.spellings(fold(syl))?.get(syl) ?? 0;
  return n;
}

/**
 * The spelling with the highest score (at least `min`), then the one the texts write most; null
 * when none scored. `unique`: null as well when two spellings share the highest score.
 */
function best(scores: Map<string, number>, tables: PairReadings[], min: number, unique = false): string | null {
  let pick: string | null = null;
  let top = min - 1;
  let freq = -1;
  let tied = false;
  for (const [syl, s] of scores) {
    const f = frequency(tables, syl);
    if (s > top) [pick, top, freq, tied] = [syl, s, f, false];
    else if (s === top) {
      tied = true;
      if (f > freq) [pick, freq] = [syl, f];
    }
  }
  return unique && tied ? null : pick;
}

/**
 * The tokens with misspelt syllables read as meant. `loose`: the message counts as typed without
 * dấu, so its bare syllables already match any accent; only its accented ones are read here.
 */
export function respell(tokens: string[], loose: boolean, tables: PairReadings[]): string[] {
  if (!tables.length) return tokens;
  let read = readOnce(tokens, loose, tables);
  // A letter left out, read beside her other words as read: "chồg đáh" has no pair as typed, and
  // "chồg" is read once "đáh" is (a second round).
  for (let round = 0; round < 2; round++) {
    const before = read;
    read = before.map((t, i) => (t === tokens[i] && unwritten(t, tables) ? (missingLetter(before, i, t, tables) ?? t) : t));
    if (read.every((t, i) => t === before[i])) break;
  }
  return read;
}

/** A word of letters whose folded form the library writes in no spelling. */
function unwritten(t: string, tables: PairReadings[]): boolean {
  return /\p{L}/u.test(t) && !tables.some((table) => table.spellings(fold(t)));
}

function readOnce(tokens: string[], loose: boolean, tables: PairReadings[]): string[] {
  return tokens.map((t, i) => {
    if (!/\p{L}/u.test(t)) return t;
    const folded = fold(t);
    const bare = folded === t;
    if (loose && bare) return heardAs(tokens, i, t, tables) ?? t;
    const own = evidence(tokens, i, folded, tables);
    if (own.scores.has(t)) return t;
    const spellings = tables.flatMap((table) => [...(table.spellings(folded)?.keys() ?? [])]);
    const written = spellings.includes(t);
    // Written elsewhere ("nghỉ", "sữa"): only hỏi, ngã and nặng confused, with the neighbour as typed,
    // and only one spelling so ("đâu" may be right where no pair says so; "con cai" may be "cái" or "cải").
    // Never written: any spelling a phone could have typed it for that a neighbour pairs with.
    const mistyped = new Map([...own.scores].filter(([syl]) => (written ? toneConfused(t, syl) : mistypedFor(t, syl))));
    const pick = best(mistyped, tables, written ? 2 : 1, written);
    if (pick) return pick;
    if (bare && spellings.length) return t;
    // By ear where nothing supports it as typed: its pairs unknown, or known only for other
    // spellings of its folded form ("trả lươn" is "trả lương", though "luôn" pairs with "trả").
    if (!own.known || (!written && !bare)) {
      const heard = heardAs(tokens, i, t, tables, own.known);
      if (heard) return heard;
    }
    return t;
  });
}

/** Letters a hurried thumb leaves out of a syllable: "chồg" (chồng), "đáh" (đánh), "ngưi" (người). */
const LETTERS = 'abcdeghiklmnopqrstuvxy';

/**
 * A letter left out, read back: for a syllable of three letters or more that the library never
 * writes in any spelling, the spellings one letter longer (with the marks as typed) that the library
 * pairs with a neighbour exactly as typed, or as read (respell); the one
 * with the highest score, and none when two tie ("chồg" is "chồng", never "chồi" as well).
 */
function missingLetter(tokens: string[], i: number, t: string, tables: PairReadings[]): string | null {
  const d = t.normalize('NFD');
  if (fold(t).length < 3) return null;
  const scores = new Map<string, number>();
  for (let at = 0; at <= d.length; at++) {
    // Between letters only: a combining mark belongs to the letter before it.
    if (at < d.length && /\p{M}/u.test(d[at]!)) continue;
    for (const letter of LETTERS) {
      const longer = `${d.slice(0, at)}${letter}${d.slice(at)}`.normalize('NFC');
      for (const [syl, s] of evidence(tokens, i, fold(longer), tables).scores) {
        // Its marks exactly as typed ("ngỉ" is "nghỉ", not "nghĩ"); typed bare, any.
        if (s >= 2 && (syl === longer || fold(longer) === longer)) scores.set(syl, Math.max(scores.get(syl) ?? 0, s));
      }
    }
  }
  return best(scores, tables, 2, true);
}

/**
 * Spelling by ear read back, for a syllable whose folded pairs with its neighbours are all unknown
 * (typed bare, one the library never writes in any spelling) or, typed with dấu and never written,
 * known only for other spellings (`knownAsOthers`: "lươn" beside "trả", where the library writes
 * "trả luôn" and "trả lương"; held-out phrasings retyped by ear R@5 0.753 → 0.761, MRR 0.565 →
 * 0.574, a second seed 0.769 → 0.777; as written, dev and blind unchanged): the respelled syllable, its tone and
 * vowels as typed (any, typed bare; "rủ" is never "đủ"), that the library pairs with a neighbour
 * exactly as typed. A word written elsewhere only by its initial ("dành quyền" → "giành quyền"): its
 * final may be right in a pair the library does not write ("bị sốt" is not "bị sốc").
 */
function heardAs(tokens: string[], i: number, t: string, tables: PairReadings[], knownAsOthers = false): string | null {
  const folded = fold(t);
  const bare = folded === t;
  if (bare && tables.some((table) => table.spellings(folded))) return null;
  if (!knownAsOthers && evidence(tokens, i, folded, tables).known) return null;
  const written = tables.some((table) => table.spellings(folded)?.has(t));
  const heard = new Map<string, number>();
  for (const alt of byEar(t, written)) {
    for (const [syl, s] of evidence(tokens, i, fold(alt), tables).scores) if (s >= 2 && (bare || alt === syl)) heard.set(syl, s);
  }
  const pick = best(heard, tables, 2);
  return pick && bare ? fold(pick) : pick;
}

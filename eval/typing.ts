/**
 * Questions retyped the way members really type them on a phone, one kind of error at a time, to
 * measure how robust retrieval is to imperfect dấu (scripts/typing-robustness.ts). The errors come
 * from general knowledge of Vietnamese typing, applied mechanically at fixed rates; nothing here is
 * drawn from a question set. Deterministic: each question and kind draws from its own seeded
 * generator, so two runs on one tree retype every question the same way.
 */

import { generator, hash } from './seeded.js';

/** A syllable (lower-case NFC) retyped, or the same syllable when the kind does not apply to it. */
type Retype = (syllable: string, random: () => number) => string;

export interface TypingError {
  /** Share of the syllables it applies to that it changes. */
  rate: number;
  retype: Retype;
}

const HOI = '\u0309';
const NGA = '\u0303';
const NANG = '\u0323';
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWEL_MARKS = /[\u0302\u0306\u031b]/g;

const nfd = (s: string) => s.normalize('NFD');
const nfc = (s: string) => s.normalize('NFC');

/**
 * hỏi ↔ ngã, the commonest spelling error in Vietnamese ("giử", "củng", "sữa chữa", "vẩn"); North-
 * Central speakers (Thanh Hóa, Nghệ An) merge the two and often write a ngã as nặng ("cụng" for "cũng").
 */
const hoiNga: Retype = (syl, random) => {
  const d = nfd(syl);
  if (d.includes(HOI)) return nfc(d.replace(HOI, NGA));
  if (d.includes(NGA)) return nfc(d.replace(NGA, random() < 0.25 ? NANG : HOI));
  return syl;
};

/** The tone left out, vowel marks kept (half-finished Telex or VNI: "chông" for "chồng", "con cai"). */
const noTone: Retype = (syl) => nfc(nfd(syl).replace(TONE_MARKS, ''));

/** The vowel mark left out, the tone kept ("chòng" for "chồng", "dánh" for "đánh"). */
const noVowelMark: Retype = (syl) => nfc(nfd(syl).replace(VOWEL_MARKS, '').replace(/đ/g, 'd'));

/** The syllable typed bare inside a message typed with dấu (autocorrect, a keyboard switched mid-message). */
const bare: Retype = (syl) => nfc(nfd(syl).replace(TONE_MARKS, '').replace(VOWEL_MARKS, '').replace(/đ/g, 'd'));

/*
 * Spelling that follows pronunciation: the northern merger of s/x, ch/tr and d/gi/r, the southern
 * one of final n/ng and t/c, and i/y after a consonant ("li hôn", "lí do").
 */
const VOWEL = /^[aăâeêioôơuưy]/;
const DIALECT: ((syl: string, random: () => number) => string | null)[] = [
  (s) => (s.startsWith('s') ? `x${s.slice(1)}` : s.startsWith('x') ? `s${s.slice(1)}` : null),
  (s) => (s.startsWith('ch') ? `tr${s.slice(2)}` : s.startsWith('tr') ? `ch${s.slice(2)}` : null),
  (s, random) => {
    const base = nfd(s);
    if (base.startsWith('gi') && base.length > 2) return nfc(`d${base.slice(2)}`);
    if (base.startsWith('d') && VOWEL.test(base.slice(1))) return nfc(`gi${base.slice(1)}`);
    if (base.startsWith('r') && VOWEL.test(base.slice(1))) return nfc(`${random() < 0.5 ? 'd' : 'gi'}${base.slice(1)}`);
    return null;
  },
  (s) => (s.endsWith('ng') ? s.slice(0, -1) : s.endsWith('n') && !s.endsWith('nh') ? `${s}g` : null),
  (s) => (s.endsWith('t') ? `${s.slice(0, -1)}c` : s.endsWith('c') && !s.endsWith('ch') ? `${s.slice(0, -1)}t` : null),
  (s) => {
    const m = /^([hklmst])(.)$/u.exec(nfc(s));
    if (!m) return null;
    const base = nfd(m[2]!);
    if (base[0] === 'y') return nfc(`${m[1]!}i${base.slice(1)}`);
    if (base[0] === 'i') return nfc(`${m[1]!}y${base.slice(1)}`);
    return null;
  },
];

const dialect: Retype = (syl, random) => {
  const options = DIALECT.map((f) => f(syl, random)).filter((s): s is string => s !== null && s !== syl);
  return options.length ? options[Math.floor(random() * options.length)]! : syl;
};

/**
 * The keyboard's Vietnamese input switched off, Telex typed anyway: the marks stay as keys ("đ" dd,
 * "â ê ô" aa ee oo, "ă ơ ư" aw ow uw), the tone as a last letter (s sắc, f huyền, r hỏi, x ngã, j
 * nặng): "chồng đánh" → "choongf ddanhs".
 */
const TELEX_TONE: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const TELEX_LETTER: Record<string, string> = { đ: 'dd', â: 'aa', ê: 'ee', ô: 'oo', ă: 'aw', ơ: 'ow', ư: 'uw' };
const telex: Retype = (syl) => {
  const d = nfd(syl);
  const tone = TELEX_TONE[d.match(TONE_MARKS)?.[0] ?? ''] ?? '';
  const letters = nfc(d.replace(TONE_MARKS, '')).replace(/ươ/g, 'uow');
  return [...letters].map((c) => TELEX_LETTER[c] ?? c).join('') + tone;
};

/** A letter typed twice in haste ("đáánh"), or the last one held for emphasis ("emmm", "cứuuu"). */
const repeated: Retype = (syl, random) => {
  const chars = [...syl];
  if (chars.length < 2) return syl;
  if (random() < 0.5) return syl + chars.at(-1)!.repeat(2);
  const i = 1 + Math.floor(random() * (chars.length - 1));
  return [...chars.slice(0, i), chars[i]!, ...chars.slice(i)].join('');
};

/** A letter left out by a hurried thumb ("chồg", "đáh", "ngỉ"): syllables of three letters or more. */
const missing: Retype = (syl, random) => {
  const chars = [...nfd(syl)];
  const letters = chars.flatMap((c, i) => (/\p{L}/u.test(c) ? [i] : []));
  if (letters.length < 3) return syl;
  const drop = letters[1 + Math.floor(random() * (letters.length - 1))]!;
  // The letter goes with its marks.
  let end = drop + 1;
  while (end < chars.length && /\p{M}/u.test(chars[end]!)) end++;
  const marks = chars.slice(drop + 1, end).join('');
  const kept = [...chars.slice(0, drop), ...chars.slice(end)];
  // A tone on the dropped vowel moves to the letter before it, as a phone's input method would.
  if (marks && drop > 0) kept.splice(drop, 0, marks.replace(VOWEL_MARKS, ''));
  return nfc(kept.join(''));
};

export const TYPING_ERRORS: Record<string, TypingError> = {
  'hỏi-ngã': { rate: 0.5, retype: hoiNga },
  'no-tone': { rate: 0.3, retype: noTone },
  'no-vowel-mark': { rate: 0.3, retype: noVowelMark },
  'bare-syllables': { rate: 0.3, retype: bare },
  dialect: { rate: 0.25, retype: dialect },
  telex: { rate: 1, retype: telex },
  'repeated-letter': { rate: 0.15, retype: repeated },
  'missing-letter': { rate: 0.15, retype: missing },
};

/** All kinds at once, each at half its rate: a message with a few errors of several kinds. */
const MIXED = 'mixed';
/** Kinds that type a whole message one way (the input method off), never mixed with the others. */
const WHOLE_MESSAGE = new Set(['telex']);
export const TYPING_KINDS = [...Object.keys(TYPING_ERRORS), MIXED];

const SYLLABLE = /\p{L}+/gu;

/** One syllable retyped keeping its capital ("Sảy" → "Xảy"). */
function retypeKeepingCase(word: string, retype: Retype, random: () => number): string {
  const lower = word.toLowerCase();
  const out = retype(lower, random);
  return word[0] !== lower[0] ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/**
 * The question retyped with errors of `kind` (or every kind at half rate for "mixed"). Each
 * syllable the kind applies to is changed at the kind's rate; when the draw changed none, one of
 * them is, so that every question the kind can touch carries at least one error.
 */
export function retypeQuestion(id: string, question: string, kind: string, seed = 1): string {
  const errors =
    kind === MIXED
      ? Object.entries(TYPING_ERRORS)
          .filter(([k]) => !WHOLE_MESSAGE.has(k))
          .map(([, e]) => ({ ...e, rate: e.rate / 2 }))
      : [TYPING_ERRORS[kind]];
  if (errors.some((e) => !e)) throw new Error(`unknown typing error kind: ${kind}`);
  const random = generator(hash(`${seed}\u0000${kind}\u0000${id}`));
  const words = nfc(question).split(/(\p{L}+)/u);
  let changed = false;
  const touchable: number[] = [];
  for (let i = 1; i < words.length; i += 2) {
    for (const e of errors as TypingError[]) {
      const before = words[i]!;
      if (retypeKeepingCase(before, e.retype, generator(0)) === before) continue;
      if (!touchable.includes(i)) touchable.push(i);
      if (random() < e.rate) {
        words[i] = retypeKeepingCase(before, e.retype, random);
        changed ||= words[i] !== before;
      }
    }
  }
  if (!changed && touchable.length) {
    const i = touchable[Math.floor(random() * touchable.length)]!;
    const applicable = (errors as TypingError[]).filter((e) => retypeKeepingCase(words[i]!, e.retype, generator(0)) !== words[i]);
    const e = applicable[Math.floor(random() * applicable.length)]!;
    words[i] = retypeKeepingCase(words[i]!, e.retype, random);
  }
  return words.join('');
}

/** The syllables of a question, for counting how many an error changed. */
export function wordsOf(text: string): string[] {
  return nfc(text).match(SYLLABLE) ?? [];
}

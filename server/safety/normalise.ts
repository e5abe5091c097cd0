import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, nfc } from '../../ingest/text/vietnamese.js';

/**
 * Turns a message into the syllables the danger assessment reads. A frightened woman types fast
 * on a shared phone: no dấu, shorthand ("ck dg danh e"), letters repeated ("cuuuu"), and text
 * pasted from elsewhere may carry invisible characters or look-alike letters from other scripts
 * (a Cyrillic "а" inside "đánh"). None of that may hide danger, so all of it is undone here.
 */

export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** Zero-width and other invisible format characters: removed, so "gi\u200Bết" reads "giết". */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/**
 * Letters of other scripts that look like Latin ones (Cyrillic, Greek). NFKC already maps
 * full-width and mathematical letters; these it leaves alone because they are real letters.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ѕ: 's',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  м: 'm',
  н: 'h',
  т: 't',
  в: 'b',
  ё: 'ë',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ζ: 'Z',
  ı: 'i',
  ɑ: 'a',
  ɡ: 'g',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** Digits written for letters inside a word ("g1ết", "c0n"); a number with a unit ("16t", "2h") is left alone. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a' };

/** Tone marks; the other marks (â ă ê ô ơ ư đ) are part of the letter. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * A word spelled out with dots, dashes or stars after single letters ("đ.á.n.h", "g-i-ế-t",
 * "đ.ánh") to slip past filters: the separators are dropped. Only a chain that starts with a lone
 * letter is joined, so "bị đánh.giờ em" keeps its full stop.
 */
const SPELLED = /(?<![\p{L}\p{N}])(?:\p{L}[.\-_*'·])+\p{L}+/gu;

/**
 * A word typed letter by letter with spaces ("c ứ u", "đ á n h"): three or more lone letters in a
 * row are joined when together they make one syllable, so "e k j" (em không gì) stays apart.
 */
const SPACED = /(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])/gu;

/** A pictograph (emoji), with its variation selector. */
const PICTURE = /\p{Extended_Pictographic}\uFE0F?/gu;

/** Invisible characters out and look-alike letters folded: what pasted text may hide a word with. */
function unhide(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFC');
}

/** A word spelled out letter by letter, with separators or spaces, joined ("đ.á.n.h", "c ứ u"). */
function joinSpelled(text: string): string {
  return text
    .replace(SPELLED, (w) => w.replace(/[.\-_*'·]/g, ''))
    .replace(SPACED, (w) => {
      const joined = w.replace(/ /g, '');
      return SYLLABLE.test(fold(joined)) ? joined : w;
    });
}

/** Cleans the raw text: invisible characters out, look-alikes folded, spelled-out words joined, NFC, lower case. */
export function cleanText(raw: string): string {
  return joinSpelled(
    unhide(raw)
      .toLowerCase()
      .replace(PICTURE, (e) => {
        // "chồng cầm 🔪 đứng ngoài cửa", "ck đang 👊 e": a picture standing for a word (shorthand.tsv) is read as that word.
        const word = loadShorthand().get(e.replace(/\uFE0F/g, ''));
        return word ? ` ${word.join(' ')} ` : e;
      }),
  );
}

function unLeet(token: string): string {
  if (!/\p{L}/u.test(token) || !/[0-9@]/.test(token)) return token;
  // "16t", "2h", "8thang": a number followed by a unit or word, not letters written as digits.
  if (/^\d+\p{L}*$/u.test(token)) return token;
  return token.replace(/[0134@]/g, (c) => LEET[c] ?? c);
}

/**
 * Teen code spells some onsets with letters Vietnamese never starts a syllable with: "gj" and
 * "j" for "gi" ("gjết", "jờ"), "z" for "d" or "gi" ("zao", "zết"), "w" for "qu" ("wá", "wốc"), "f" for "ph" ("fải"). Only a token
 * that starts that way and becomes one syllable is respelled, so "j" alone (shorthand for "gì")
 * and foreign words ("facebook", "wifi") are left to the other steps.
 */
const TEEN_ONSETS: [RegExp, string][] = [
  [/^gj(?=\p{L})/u, 'gi'],
  [/^j(?=[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ])/u, 'gi'],
  [/^w(?=[aăâeêoôơáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệóòỏõọốồổỗộớờởỡợ])/u, 'qu'],
  [/^f(?=\p{L})/u, 'ph'],
];

/**
 * "z" is typed for both "d" and "gi" ("zao" dao, "zết" giết, "zường" giường): the spelling the
 * safety tables know is taken, "d" when both or neither are known.
 */
function unZ(token: string): string | null {
  if (!/^z(?=\p{L})/u.test(token)) return null;
  const [d, gi] = [token.replace(/^z/u, 'd'), token.replace(/^z/u, 'gi')];
  if (!SYLLABLE.test(fold(d)) && !SYLLABLE.test(fold(gi))) return token;
  // Typed with marks, the word itself must be one of theirs ("zường" is "giường", not "dường").
  const knows = (w: string) => SYLLABLE.test(fold(w)) && (w === fold(w) ? knownSyllables().has(w) : safetyWords().has(w));
  return knows(gi) && !knows(d) ? gi : SYLLABLE.test(fold(d)) ? d : gi;
}

function unTeen(token: string): string {
  const z = unZ(token);
  if (z !== null) return z;
  for (const [re, onset] of TEEN_ONSETS) {
    const respelled = token.replace(re, onset);
    if (respelled !== token) return SYLLABLE.test(fold(respelled)) ? respelled : token;
  }
  return token;
}

/**
 * Telex typed with the keyboard's Vietnamese input switched off leaves its keys in the word:
 * "dd" for đ, "aa" "ee" "oo" for â ê ô, "w" after a, o, u for ă ơ ư, and the tone as a last letter
 * (s sắc, f huyền, r hỏi, x ngã, j nặng): "chongf danhs" is "chồng đánh", "cuwus" "cứu". Only a
 * token of three letters or more that is no syllable as typed, and whose reading is a word of the
 * safety tables, is read so: "facebook", "now" and shorthand ("sos") are kept.
 */
const TELEX_TONES: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const TELEX_LETTERS: [RegExp, string][] = [
  [/^dd/, 'đ'],
  [/uow/, 'ươ'],
  [/aa/, 'â'],
  [/ee/, 'ê'],
  [/oo/, 'ô'],
  [/aw/, 'ă'],
  [/ow/, 'ơ'],
  [/uw/, 'ư'],
  [/(?<=[^aeiouy]|^)w/, 'ư'],
];
function unTelex(token: string, table: Map<string, string[]>, writes?: (word: string) => boolean): string {
  // "sossss" shortened to "sos" is the shorthand, not "só".
  if (!/^[a-z]{3,8}$/.test(token) || SYLLABLE.test(token) || table.has(token)) return token;
  let base = token;
  let tone = '';
  const last = token.at(-1)!;
  if (TELEX_TONES[last] && /[aeiouyw]/.test(token.slice(0, -1))) {
    tone = TELEX_TONES[last]!;
    base = token.slice(0, -1);
  }
  for (const [re, letter] of TELEX_LETTERS) base = base.replace(re, letter);
  if (base === token || !SYLLABLE.test(fold(base))) return token;
  // Only a word of the safety tables, or one with a mark left out as the matcher reads "chòng" for
  // "chongf": English typed among the words ("right now") is no telex ("now" would be "nơ").
  const known = (w: string) => safetyWords().has(w) || (tone !== '' && marksLeftOut(w)) || (writes?.(w) ?? false);
  return readKeyed(base, tone, known) ?? token;
}

/**
 * The syllable typed as `base` (its letters and vowel marks) with `tone`, when `known` knows it (or
 * it with "đ" for a "d" typed first: "danhs" → "đánh"); null otherwise. The tone sits on the vowel
 * that carries a mark (ơ in "ươ"), else on the last vowel before a final consonant or the first of two.
 */
function readKeyed(base: string, tone: string, known: (word: string) => boolean): string | null {
  const letters = [...base];
  const vowels = letters.flatMap((c, i) => (/[aăâeêioôơuưy]/.test(c) ? [i] : []));
  if (!vowels.length) return null;
  const marked = vowels.filter((i) => /[ăâêôơư]/.test(letters[i]!));
  const final = vowels.at(-1)! < letters.length - 1;
  const at = marked.length ? marked.at(-1)! : final || vowels.length === 1 ? vowels.at(-1)! : vowels[vowels.length - 2]!;
  letters[at] = letters[at]! + tone;
  const word = nfc(letters.join(''));
  if (known(word)) return word;
  const withD = word.replace(/^d/, 'đ');
  return withD !== word && known(withD) ? withD : null;
}

/**
 * VNI typed with the input method off leaves its digits in the word: 6 for â ê ô, 7 for ơ ư, 8 for
 * ă, 9 for đ, and the tone 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng ("cho6ng2 d9a1nh" is "chồng đánh").
 * Only letters then digits mixed into one syllable the library or the safety tables write: "15t",
 * "nđ144", "covid19" are no VNI.
 */
const VNI_TONES: Record<string, string> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const VNI_MARKS: Record<string, [RegExp, (m: string) => string]> = {
  '6': [/[aeo](?!.*[aeo])/, (m) => ({ a: 'â', e: 'ê', o: 'ô' })[m]!],
  '7': [/uo|[ou](?!.*[ou])/, (m) => (m === 'uo' ? 'ươ' : m === 'u' ? 'ư' : 'ơ')],
  '8': [/a(?!.*a)/, () => 'ă'],
  '9': [/d/, () => 'đ'],
};
function unVni(token: string, writes?: (word: string) => boolean): string {
  if (!/^[a-z]+[1-9][a-z1-9]*$/.test(token)) return token;
  let base = '';
  let tone = '';
  for (const c of token) {
    if (VNI_TONES[c]) tone = VNI_TONES[c]!;
    else if (VNI_MARKS[c]) {
      const [re, mark] = VNI_MARKS[c]!;
      if (!re.test(base)) return token;
      base = base.replace(re, mark);
    } else base += c;
  }
  if (!SYLLABLE.test(fold(base))) return token;
  return readKeyed(base, tone, (w) => safetyWords().has(w) || (writes?.(w) ?? false)) ?? token;
}

/**
 * "cứuuuu" → "cứu", "emmm" → "em": runs of three or more of one letter are emphasis. A plain
 * "cuuuu" keeps two u's: "cuu" is how "cứu" is typed without dấu.
 */
function unRepeat(token: string): string {
  return token.replace(/^([bchm])u{3,}$/u, '$1uu').replace(/(\p{L})\1{2,}/gu, '$1');
}

/**
 * "đáánh", "nnhà", "cửửa", "baoo": one letter typed twice in haste. A syllable no text of ours spells
 * (folded, so typed with or without dấu) loses one of a doubled pair when that makes one it does.
 * A word spelled so ("xoong") is known and kept; Telex has been read before ("ddi" is "đi"). A plain
 * vowel twice ("ee") is undoubled only after joined words are cut (`plainVowels`).
 */
function unDouble(token: string, plainVowels: boolean): string {
  // Four letters at least, as for the other slips: "app" is a word, not a doubled "ap".
  if ([...token].length < 4 || !/(\p{L})\1/u.test(token)) return token;
  const known = foldedSyllables();
  if (known.has(fold(token))) return token;
  const chars = [...token];
  for (let i = 1; i < chars.length; i++) {
    // "gi" + "i" is an onset and its vowel, not a slip ("giiệt": "diệt" spelled by ear).
    if (chars[i] !== chars[i - 1] || (chars[i] === 'i' && chars[i - 2] === 'g')) continue;
    if (!plainVowels && /[aeiouy]/.test(chars[i]!)) continue;
    const single = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
    if (known.has(fold(single))) return single;
  }
  return token;
}

let folded: Set<string> | null = null;
/** The syllables of our texts and the safety tables, folded. */
function foldedSyllables(): Set<string> {
  folded ??= new Set([...vocabulary().marked, ...tableWords()].map(fold));
  return folded;
}

let shorthand: Map<string, string[]> | null = null;
/** The standard column of a two-word row that keeps a regional form as typed inside a standard word. */
const KEEP = '=';

/** data/shorthand.tsv: phone shorthand and regional forms → the standard syllables. */
function loadShorthand(): Map<string, string[]> {
  if (shorthand) return shorthand;
  const map = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(DATA_DIR, 'shorthand.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [form, standard] = nfc(line).split('\t');
    if (form && standard) map.set(form.trim().toLowerCase(), standard.trim().toLowerCase().split(/\s+/));
  }
  shorthand = map;
  return map;
}

/** The shape of one Vietnamese syllable, without marks: onset, one to three vowels, coda. */
export const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(${'oai|oay|oao|oeo|uay|uoi|uya|uye|uyu|ieu|yeu|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ya|ye|a|e|i|o|u|y'})(ch|nh|ng|[cmnpt])?$`,
);

/**
 * Words typed without the space between them ("đangđánh", "chongdangdanhem"): a token that is
 * not one syllable is cut into the fewest pieces that each are one. A token that cannot be cut
 * that way (a foreign word, a name, shorthand), or that the tables write whole ("axit"), is kept whole.
 */
function unJoin(token: string, table: Map<string, string[]>): string[] {
  const folded = fold(token);
  if (
    folded.length < 4 ||
    folded.length !== token.length ||
    !/^[a-z]+$/.test(folded) ||
    SYLLABLE.test(folded) ||
    table.has(token) ||
    table.has(folded) ||
    knownSyllables().has(folded)
  )
    return [token];
  // "gềit" is "giết" with two letters swapped, not "gề it": a slip read whole (swapped) is not cut.
  if (token !== folded && !vocabulary().marked.has(token) && swapped(token, safetyWords())) return [token];
  // best[i]: the cheapest cut of folded[0, i) — fewest syllables, then most syllables the safety
  // tables know ("danh em", not "da nhem") — with where its last syllable starts.
  const known = knownSyllables();
  const best: { cost: number; from: number }[] = [{ cost: 0, from: -1 }];
  for (let i = 1; i <= folded.length; i++) {
    best[i] = { cost: Infinity, from: -1 };
    for (let j = Math.max(0, i - 7); j < i; j++) {
      const piece = folded.slice(j, i);
      // A piece is a syllable, or consonant-only shorthand the table knows ("ck", "dg", "vk"): "ckdangdanhem".
      if (!SYLLABLE.test(piece) && !(piece.length >= 2 && !/[aeiouy]/.test(piece) && table.has(piece))) continue;
      // A piece typed with marks that no text of ours spells ("cổem" in "bópcổem") is no syllable the
      // writer meant: "cổ em" is cut instead.
      const raw = token.slice(j, i);
      const unreal = raw !== piece && !vocabulary().marked.has(raw) && !safetyWords().has(raw) ? 11 : 0;
      const cost = best[j]!.cost + 10 + unreal - (known.has(piece) ? 1 : 0);
      if (cost < best[i]!.cost) best[i] = { cost, from: j };
    }
  }
  if (!Number.isFinite(best[folded.length]!.cost)) return [token];
  const cuts: string[] = [];
  for (let i = folded.length; i > 0; i = best[i]!.from) cuts.unshift(token.slice(best[i]!.from, i));
  // Shorthand inside a short token is more likely a foreign word ("hack" is not "ha ck").
  if (cuts.length < 3 && cuts.some((c) => !SYLLABLE.test(fold(c)))) return [token];
  return cuts;
}

let known: Set<string> | null = null;

/**
 * Syllables the safety tables write, folded: the preferred pieces when cutting a joined word. The
 * shorthand forms themselves are not among them ("hem" would cut "danhem" as "dan hem").
 */
function knownSyllables(): Set<string> {
  if (!known) known = new Set([...tableWords()].map(fold));
  return known;
}

let words: { marked: Set<string>; targets: Map<string, string> } | null = null;

/**
 * data/syllables.txt: the syllables our own texts spell (eval/safety-syllables.ts writes it), and
 * the slips that lead to the safety tables' words. A slip is looked up by what the writer typed:
 * one letter left out or doubled ("đnh", "đánnh" for "đánh") — a word of four letters or more.
 */
function vocabulary(): { marked: Set<string>; targets: Map<string, string> } {
  if (words) return words;
  const marked = new Set(
    fs
      .readFileSync(path.join(DATA_DIR, 'syllables.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => nfc(l.trim())),
  );
  const targets = new Map<string, string>();
  for (const w of safetyWords()) {
    const chars = [...w];
    if (chars.length < 4) continue;
    for (let i = 0; i < chars.length; i++) {
      const dropped = chars.filter((_, j) => j !== i).join('');
      if (!marked.has(dropped) && !targets.has(dropped)) targets.set(dropped, w);
      const doubled = chars.map((c, j) => (j === i ? c + c : c)).join('');
      if (!targets.has(doubled)) targets.set(doubled, w);
    }
  }
  words = { marked, targets };
  return words;
}

let byFolded: Map<string, Syllable[]> | null = null;

/** Is the token a word of the safety tables with some marks left out ("chông" for "chồng", "giêt")? The matcher reads those already. */
function marksLeftOut(token: string): boolean {
  if (!byFolded) {
    byFolded = new Map();
    for (const w of safetyWords()) {
      const s = syllableOf(w);
      byFolded.set(s.folded, [...(byFolded.get(s.folded) ?? []), s]);
    }
  }
  const typed = syllableOf(token);
  return (byFolded.get(typed.folded) ?? []).some((w) => syllableMatch(typed, w));
}

let table: Set<string> | null = null;
/** The words, lower-case NFC, of signals.tsv's phrases and shorthand.tsv's standard words. */
function tableWords(): Set<string> {
  if (table) return table;
  table = new Set();
  for (const [file, column] of [
    ['signals.tsv', 1],
    ['shorthand.tsv', 1],
  ] as const) {
    for (const line of fs.readFileSync(path.join(DATA_DIR, file), 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      for (const w of nfc(line.split('\t')[column] ?? '')
        .toLowerCase()
        .split(/[^\p{L}]+/u))
        if (w) table.add(w);
    }
  }
  return table;
}

let safety: Set<string> | null = null;
/** The syllables, with dấu, of the safety tables' words: what a slip may be read as. */
function safetyWords(): Set<string> {
  if (!safety) safety = new Set([...tableWords()].filter((w) => w !== fold(w)));
  return safety;
}

/** Is this spelling without any mark a word of our texts ("ngay", "cho"), rather than a word whose marks were left out ("giet")? */
export function plainWord(s: string): boolean {
  return vocabulary().marked.has(s);
}

/**
 * Regional spellings that merge in speech and so in typing: hỏi, ngã and nặng (Nghệ Tĩnh, Thanh
 * Hóa; "đả" for "đã", "giự" for "giữ"), the onsets s/x, ch/tr, d/gi/r and l/n (the North), the
 * finals n/ng and t/c after a (the South). Each typed syllable gives its other spellings.
 */
const TONE_SWAPS: [string, string[]][] = [
  ['\u0309', ['\u0303', '\u0323']],
  ['\u0303', ['\u0309', '\u0323']],
  ['\u0323', ['\u0303', '\u0309']],
];
const ONSET_SWAPS: [RegExp, string[]][] = [
  [/^s/u, ['x']],
  [/^x/u, ['s']],
  [/^ch/u, ['tr']],
  [/^tr/u, ['ch']],
  [/^gi(?=\p{L})/u, ['d', 'r']],
  [/^d/u, ['gi', 'r']],
  [/^r/u, ['d', 'gi']],
  [/^l/u, ['n']],
  [/^n(?![gh])/u, ['l']],
];
const FINAL_SWAPS: [RegExp, string][] = [
  [/(?<=a\p{M}{0,2})ng$/u, 'n'],
  [/(?<=a\p{M}{0,2})n$/u, 'ng'],
  [/(?<=a\p{M}{0,2})t$/u, 'c'],
  [/(?<=a\p{M}{0,2})c$/u, 't'],
];

export function respellings(w: string): string[] {
  const out: string[] = [];
  const d = w.normalize('NFD');
  // Onsets first: "xẽ" is "sẽ", not "xẻ" (to split) — the consonants slip more often than the tone.
  for (const [re, tos] of ONSET_SWAPS) if (re.test(w)) for (const to of tos) out.push(w.replace(re, to));
  for (const [re, to] of FINAL_SWAPS) if (re.test(d)) out.push(d.replace(re, to).normalize('NFC'));
  for (const [from, tos] of TONE_SWAPS) if (d.includes(from)) for (const to of tos) out.push(d.replace(from, to).normalize('NFC'));
  return out;
}

/**
 * A syllable typed with marks that no text of ours spells is a slip: read as the one safety word a
 * regional spelling or one letter left out or doubled makes of it ("trém" → "chém", "xẽ" → "sẽ",
 * "đả" → "đã", "đnáh"… no: only one letter). A real word is never respelled ("giao" stays "giao"
 * though "dao" is a knife), nor a syllable typed without marks: that is how most phones type.
 */
function respell(token: string): string {
  if (token === fold(token) || !/^\p{L}+$/u.test(token)) return token;
  const { marked, targets } = vocabulary();
  if (marked.has(token) || marksLeftOut(token)) return token;
  const safe = safetyWords();
  for (const r of respellings(token)) if (safe.has(r)) return r;
  return targets.get(token) ?? otherTone(token, safe) ?? swapped(token, safe) ?? token;
}

/**
 * Two letters typed the wrong way round ("đnáh", "cmầ", "gềit"): the one safety word that putting a neighbouring pair
 * back makes, as typed or with the tone on the wrong key ("gềit" → "giềt" → "giết"). Only a slip no text of ours spells
 * reaches here, and two such words leave it as typed.
 */
function swapped(token: string, safe: Set<string>): string | undefined {
  const chars = [...token];
  if (chars.length < 3) return undefined;
  const found = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const back = [...chars.slice(0, i), chars[i + 1]!, chars[i]!, ...chars.slice(i + 2)].join('');
    const word = safe.has(back) ? back : marksLeftOut(back) ? back : otherTone(back, safe);
    if (word) found.add(word);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The tone mark put on the wrong key ("bòp" for "bóp", "giêt" typed "giệt"… when no text spells it): the one safety word
 * the same letters make with another tone, or none; two such words ("bàn", "bắn"…) leave the slip as typed.
 */
function otherTone(token: string, safe: Set<string>): string | undefined {
  // "ẹp", "àm" lost their first letter, not their tone ("đẹp", "làm"): left to readSlips, which asks the neighbours.
  if (!/^[bcdđghklmnpqrstvx]/u.test(token)) return undefined;
  const bare = token.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '');
  const found = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']
    .map((tone) => bare.replace(/([aeiouy][\u0302\u0306\u031b]?)(?![aeiouy])/u, `$1${tone}`).normalize('NFC'))
    .filter((w) => w !== token && safe.has(w));
  if (found.length === 1) return found[0];
  // "đạnh": "đánh" and "đanh" (only in a mask, "đanh đá") — a word no phrase of danger spells is not what she meant.
  const meant = found.filter((w) => phraseWords().has(w));
  return meant.length === 1 ? meant[0] : undefined;
}

let signalPhrases: string[] | null = null;
/** The phrase column of signals.tsv's rows that are not masks, lower-cased: what slips are read against. */
function phraseColumns(): string[] {
  signalPhrases ??= fs
    .readFileSync(path.join(DATA_DIR, 'signals.tsv'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('mask:'))
    .map((line) => nfc(line.split('\t')[1] ?? '').toLowerCase());
  return signalPhrases;
}

let phrase: Set<string> | null = null;
/** The words of signals.tsv's phrases that are not masks: what a slip may mean when a masked word also fits. */
function phraseWords(): Set<string> {
  phrase ??= new Set(phraseColumns().flatMap((c) => c.split(/[^\p{L}]+/u).filter(Boolean)));
  return phrase;
}

/** One piece of the message: a syllable with where its sentence part (clause) starts. */
export interface Token {
  text: string;
  clause: number;
  /**
   * Read from a form she typed without any mark (shorthand "ck", "dg", a slip "bp"): its marks are the table's, not hers, so
   * it says nothing of whether she types with dấu (lexicon.ts, withMarksKept).
   */
  lent?: boolean;
}

/**
 * Syllables of the cleaned message, shorthand expanded, each tagged with its clause: a new
 * clause starts at . ! ? ; , a colon and line breaks, so "năm ngoái anh ta dọa giết em, giờ anh ta
 * đang ở tù" keeps the past threat and the present safety apart.
 */
export function tokenize(raw: string, opts: { turns?: boolean } = {}): Token[] {
  const text = cleanText(raw);
  const table = loadShorthand();
  const out: Token[] = [];
  let clause = 0;
  // A colon before a space opens a clause ("chừ mới hỏi được: hồi nhỏ…"); one inside a time ("10:30") does not.
  for (const piece of text.split(/([.!?;,\n…]+|:(?=\s))/u)) {
    if (/^([.!?;,\n…]+|:)$/u.test(piece)) {
      clause++;
      continue;
    }
    const words = piece
      .split(/[^\p{L}\p{N}@]+/u)
      .filter(Boolean)
      // A shorthand form is looked up as typed: "cccd" (căn cước) is no stretched "cd".
      .flatMap((word) => unJoin(table.has(word.toLowerCase()) ? word : unDouble(unTelex(unTeen(unRepeat(unLeet(word))), table), false), table))
      // A plain vowel twice only after the cut: "meem" is "me em" typed together, not "mem".
      .map((piece) => (table.has(piece) ? piece : unDouble(piece, true)));
    words.forEach((t, i) => {
      // "mô hình", "quy mô": a regional form inside a standard word keeps its standard sense (shorthand.tsv "keep" rows).
      const kept = table.get(`${t} ${words[i + 1] ?? ''}`)?.[0] === KEEP || table.get(`${words[i - 1] ?? ''} ${t}`)?.[0] === KEEP;
      const expanded = kept ? undefined : (table.get(t) ?? (TONE_MARKS.test(t.normalize('NFD')) ? undefined : table.get(fold(t))));
      const lent = expanded !== undefined && t === fold(t);
      for (const s of expanded ?? [respell(t)]) out.push(lent ? { text: s, clause, lent } : { text: s, clause });
    });
  }
  const read = readSlips(out, table);
  return opts.turns === false ? read : splitAtTurns(read);
}

const NO_SHORTHAND = new Map<string, string[]>();

/** `read` with the capital she typed first kept ("Cứuuu" → "Cứu"). */
const cased = (typed: string, read: string): string => (typed[0] !== typed[0]!.toLowerCase() ? read[0]!.toUpperCase() + read.slice(1) : read);

/**
 * Her message with the slips of phone typing read back, for the search and the answer (the danger
 * assessment reads them in tokenize): Telex keys left in the words ("choongf ddanhs"), letters
 * repeated or doubled ("danhhh", "đáánh"), words run together ("chongdanhem"), teen-code onsets
 * ("jờ", "fải"), VNI's digits ("cho6ng2"). Case, punctuation and every word read as typed are kept; shorthand is left to the
 * search's own table, and digits inside a word are never read as letters ("nđ144" names a decree),
 * nor as VNI but in a message where two words or more read so.
 * `writes`: a spelling the library writes ("sản", "tháng"), so that a Telex reading may be a word
 * of the law and not only of the safety tables; `keeps`: a word the library writes whole
 * ("video", "online"), never cut or re-read.
 */
export function readTyping(
  raw: string,
  library: { writes?: (word: string) => boolean; keeps?: (word: string) => boolean; pairs?: (a: string, b: string) => boolean } = {},
): string {
  const text = joinSpelled(unhide(raw));
  const table = loadShorthand();
  const read = (word: string, telex: boolean): string => {
    const lower = word.toLowerCase();
    if (/[\p{N}@]/u.test(lower)) {
      const vni = telex ? unVni(lower, library.writes) : lower;
      return vni === lower ? word : cased(word, vni);
    }
    if (library.keeps?.(lower)) return word;
    if (table.has(lower) || table.has(fold(lower))) {
      // Shorthand is the search's own to read ("ck", "dc"); a Telex spelling the table lists ("danhs") is Telex.
      const t = telex ? unTelex(lower, NO_SHORTHAND, library.writes) : lower;
      return t === lower ? word : cased(word, t);
    }
    const teen = unTeen(unRepeat(lower));
    const slip = unDouble(telex ? unTelex(teen, table, library.writes) : teen, false);
    // Words run together are cut only where the library writes two of the pieces side by side
    // ("chồng đánh"): a foreign word cuts into syllables too ("ka rao ke", "si nga po re").
    const cut = unJoin(slip, table);
    const joined = cut.length > 1 && cut.some((piece, i) => i > 0 && (library.pairs?.(cut[i - 1]!, piece) ?? false));
    const out = (joined ? cut.map((piece) => (table.has(piece) ? piece : unDouble(piece, true))) : [slip]).join(' ');
    return out === lower ? word : cased(word, out);
  };
  // Words at the odd places, what lies between them at the even ones; each word read once each way.
  const pieces = text.split(/([\p{L}\p{N}@]+)/u);
  const words = pieces.filter((_, i) => i % 2 === 1);
  const plain = words.map((w) => read(w, false));
  const keyed = words.map((w) => read(w, true));
  // Telex is read in a message where two words or more read so ("thif lamf sao"): one English word
  // among Vietnamese ones ("quán bar", "đi bus") ends in a tone key by chance.
  const chosen = keyed.filter((r, i) => r !== plain[i]).length >= 2 ? keyed : plain;
  return pieces.map((p, i) => (i % 2 === 1 ? chosen[(i - 1) / 2]! : p)).join('');
}

let pairs: Set<string> | null = null;
/**
 * Adjacent syllables of the safety phrases (signals.tsv, masks left out), each pair kept twice, `fold(a)|b` and
 * `a|fold(b)`: a slip read beside a neighbour typed without dấu still finds its phrase.
 */
function phrasePairs(): Set<string> {
  if (pairs) return pairs;
  pairs = new Set();
  for (const phrase of phraseColumns().flatMap((c) => c.split('|'))) {
    const ws = phrase.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < ws.length; i++) {
      const [a, b] = [ws[i]!, ws[i + 1]!];
      if (a === '~' || b === '~' || a === '#' || b === '#') continue;
      pairs.add(`${fold(a)}|${b}`);
      pairs.add(`${a}|${fold(b)}`);
    }
  }
  return pairs;
}

let slipped: Map<string, string[]> | null = null;
/**
 * Safety words of three letters or more by what is left when one letter is left out ("chết" → "cht", "bóp" → "bp",
 * "bắt" → "bắ"; "đập", "đạp", "đẹp" → "đp"): the words collide, so a neighbour decides (readSlips).
 */
function slippedWords(): Map<string, string[]> {
  if (slipped) return slipped;
  slipped = new Map();
  for (const w of safetyWords()) {
    const chars = [...w];
    if (chars.length < 3) continue;
    for (let i = 0; i < chars.length; i++) {
      const key = chars.filter((_, j) => j !== i).join('');
      const list = slipped.get(key) ?? [];
      if (!list.includes(w)) slipped.set(key, [...list, w]);
    }
  }
  return slipped;
}

/**
 * A syllable typed with one letter left out that is no syllable of our texts ("ck t bp cổ t", "em cht với nó", "con em
 * bị bắ cóc") and no shorthand — a run of consonants, or one typed with marks no text of ours spells — is read as a
 * safety word it leaves out a letter of, when that word makes a safety phrase with the syllable before or after it
 * ("bóp cổ", "chết với", "bắt cóc"). Several may fit ("xử đp em": "xử đẹp", "đạp em", "đập em"): each makes a safety
 * phrase, so any reads the danger. With none the slip is left as typed: "áo đp quá" stays.
 */
function readSlips(tokens: Token[], table: Map<string, string[]>): Token[] {
  const { marked } = vocabulary();
  return tokens.map((t, i) => {
    if (table.has(t.text) || !/^\p{L}{2,5}$/u.test(t.text)) return t;
    const vowelless = /^[bcdđghklmnpqrstvx]+$/u.test(t.text) && !SYLLABLE.test(fold(t.text));
    const unknown = t.text !== fold(t.text) && !marked.has(t.text) && !safetyWords().has(t.text) && !marksLeftOut(t.text);
    if (!vowelless && !unknown) return t;
    const candidates = slippedWords().get(t.text);
    if (!candidates) return t;
    const prev = tokens[i - 1]?.clause === t.clause ? tokens[i - 1]!.text : undefined;
    const next = tokens[i + 1]?.clause === t.clause ? tokens[i + 1]!.text : undefined;
    const fits = candidates.filter(
      (c) => (prev !== undefined && phrasePairs().has(`${fold(prev)}|${c}`)) || (next !== undefined && phrasePairs().has(`${c}|${fold(next)}`)),
    );
    return fits.length ? { ...t, text: fits[0]!, ...(vowelless ? { lent: true } : {}) } : t;
  });
}

/**
 * Messages typed without punctuation still turn at "bây giờ", "giờ", "hiện tại", "nhưng": "năm ngoái
 * nó đánh em bây giờ em muốn ly hôn" is two clauses, the beating in the past one.
 */
function splitAtTurns(tokens: Token[]): Token[] {
  let shift = 0;
  // Compared folded, so a message typed without dấu ("nhung gio") turns the same way.
  const f = (s: string | undefined) => (s === undefined ? '' : fold(s));
  return tokens.map((t, i) => {
    const [word, next, prev] = [f(t.text), f(tokens[i + 1]?.text), f(tokens[i - 1]?.text)];
    // Typed with marks, the word must be the turn itself, some marks left out at most: "đám giỗ" is no "giờ", "nhúng" no
    // "nhưng", but "giơ" is "giờ".
    const as = (w: string) => [...t.text.normalize('NFD')].every((c) => w.normalize('NFD').includes(c));
    const turn =
      (word === 'nhung' && as('nhưng')) ||
      // "làm bậy, giờ…": "bậy" before "giờ" is no "bây giờ".
      (word === 'bay' && next === 'gio' && t.text !== 'bậy') ||
      (word === 'hien' && (next === 'tai' || next === 'nay' || next === 'gio')) ||
      (word === 'nay' && /^(ma|nhung|con|va|thi)$/.test(prev)) ||
      (word === 'gio' && as('giờ') && !/^(bay|may|bao|den|toi|tu|dung|ca|nua|hang|gio|\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)$/.test(prev));
    if (turn && i > 0 && tokens[i - 1]!.clause + shift === t.clause + shift) shift++;
    return { ...t, clause: t.clause + shift };
  });
}

/** A syllable split into its letters without tone (â ă ê ô ơ ư đ kept) and its tone. */
export interface Syllable {
  base: string;
  tone: string;
  folded: string;
  plain: boolean;
  /** Typed without marks in a message written with dấu: read as spelled (lexicon.ts, withMarksKept). */
  exact?: boolean;
}

export function syllableOf(s: string): Syllable {
  const d = s.normalize('NFD');
  const tone = d.match(TONE_MARKS)?.[0] ?? '';
  const base = d.replace(new RegExp(TONE_MARKS.source, 'g'), '').normalize('NFC');
  const folded = fold(s);
  return { base, tone, folded, plain: folded === s };
}

/**
 * Does a typed syllable match a pattern syllable? Typed without any mark: any accent, since most
 * phones send plain letters. Typed with marks: the same tone wherever it was placed ("doạ" and
 * "dọa" are one word), and every mark typed is one the word has — a mark left out in haste
 * ("đanh" for "đánh", "chòng" for "chồng") still matches, a different mark ("dành") does not.
 */
export function syllableMatch(typed: Syllable, pattern: Syllable): boolean {
  if (typed.folded !== pattern.folded) return false;
  if (typed.plain) return true;
  if (typed.tone && typed.tone !== pattern.tone) return false;
  if (typed.base === pattern.base) return true;
  for (let i = 0; i < typed.base.length; i++) {
    const t = typed.base[i]!;
    const p = pattern.base[i]!;
    if (t !== p && t !== fold(p)) return false;
  }
  return true;
}

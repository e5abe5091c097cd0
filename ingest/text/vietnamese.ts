/**
 * Vietnamese text helpers used by ingest, retrieval and the offline embedder alike, so that a
 * document and a question typed on a phone without dấu end up as the same tokens.
 */
import { detach } from './detach.js';

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Lower-case and strip diacritics (đ → d). The SQL side uses unaccent(lower(...)) to match. */
export function fold(s: string): string {
  // Retrieval folds every syllable of every question and hit many times over; the three
  // normalisations cost microseconds each, a table look-up per character almost nothing.
  if (s.length <= FOLD_MEMO_MAX_LENGTH) {
    let f = foldMemo.get(s);
    if (f === undefined) {
      f = foldByTable(s);
      // Bounded: a flood of distinct words must not grow the memo for ever. Detached: a word cut
      // from a document would otherwise keep the whole document alive as long as the memo holds it.
      f = detach(f);
      if (foldMemo.size >= FOLD_MEMO_MAX_ENTRIES) foldMemo.clear();
      foldMemo.set(detach(s), f);
    }
    return f;
  }
  return foldByTable(s);
}

/** The definition; `fold` gives the same result faster (tests/vietnamese-fold.test.ts). */
export function foldReference(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

const FOLD_MEMO_MAX_LENGTH = 24;
const FOLD_MEMO_MAX_ENTRIES = 50_000;
const foldMemo = new Map<string, string>();

/**
 * Per-character folds for Latin (Vietnamese included) and general punctuation. A character is in
 * the table only when folding it alone can never interact with its neighbours: what it leaves is
 * free of combining marks (so the final NFC composes nothing across characters) and it is not
 * Greek (whose final sigma lower-cases by context). Text with anything else takes the reference.
 */
let foldTable: (string | null)[] | null = null;
const FOLD_RANGES: [number, number][] = [
  [0x0000, 0x036f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
];
const MARK_RE = /\p{M}/u;

function buildFoldTable(): (string | null)[] {
  const table = new Array<string | null>(0x2070).fill(null);
  for (const [lo, hi] of FOLD_RANGES) {
    for (let c = lo; c <= hi; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (MARK_RE.test(ch)) continue;
      const f = foldReference(ch);
      // Decomposes into marks outside the stripped block: leave such text to the reference.
      if (MARK_RE.test(f) || MARK_RE.test(ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) continue;
      table[c] = f;
    }
  }
  return table;
}

function foldByTable(s: string): string {
  const table = (foldTable ??= buildFoldTable());
  let out = '';
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && (c < 0x41 || c > 0x5a)) {
      if (!plain) out += s[i];
      continue;
    }
    const f = c < table.length ? table[c] : null;
    if (f === null || f === undefined) return foldReference(s);
    if (plain) {
      if (f === s[i]) continue;
      out = s.slice(0, i);
      plain = false;
    }
    out += f;
  }
  return plain ? s : out;
}

/**
 * The laws write "85%", members "85 phần trăm" or "bao nhiêu phần trăm": the sign is read as its
 * words, so that either finds the other (split off, the sign alone was no syllable at all).
 */
const PERCENT = /%/g;
const PERCENT_WORDS = ' phần trăm ';

/** Syllables (Vietnamese words are written as space-separated syllables), lower-case NFC, the tone of a final oa/oe/uy read one way. */
export function syllables(s: string): string[] {
  return nfc(s)
    .toLowerCase()
    .replace(PERCENT, PERCENT_WORDS)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(oneSpelling);
}

/*
 * The tone mark of a final oa/oe/uy sits on either vowel, in the laws themselves and on members'
 * phones ("hoà" and "hòa", "thuý" and "thúy"): matching reads both as one word (the new-style
 * "òa"); the text itself is never respelled, only its syllables for matching. (i/y after h, k, l, s
 * — "li hôn", "kĩ" — was tried the same way and lowered the blind set's Recall@5 by one question:
 * "ly" also stands for "lý" in "xử lý", "quản lý". The vocabulary carries "li hôn", "li dị".)
 */
const OLD_STYLE_GLIDE = /^([^q]*?)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$/u;
const TONES = ['àáảãạ', 'èéẻẽẹ', 'ỳýỷỹỵ'];
const GLIDE_TONED: Record<string, string> = { o: 'òóỏõọ', u: 'ùúủũụ' };

function oneSpelling(syl: string): string {
  const m = OLD_STYLE_GLIDE.exec(syl);
  if (!m) return syl;
  const [glide, toned] = [...m[2]!] as [string, string];
  const set = TONES.find((t) => t.includes(toned))!;
  const tone = set.indexOf(toned);
  return m[1]! + GLIDE_TONED[glide]![tone]! + 'aey'[TONES.indexOf(set)]!;
}

/** Folded syllables, ready for matching text typed without diacritics. */
export function foldedSyllables(s: string): string[] {
  return syllables(fold(s.replace(PERCENT, PERCENT_WORDS)));
}

/*
 * Every answer reads the same popular articles' lines again (which khoản answers, which sentence
 * to lead with): their folded syllables are remembered, up to a bound, instead of re-split each time.
 */
const FOLDED_MEMO_MAX = 20_000;
const foldedMemo = new Map<string, readonly string[]>();

/** foldedSyllables(text), remembered for texts read again and again (law lines, notes). Do not mutate. */
export function foldedSyllablesOf(text: string): readonly string[] {
  let out = foldedMemo.get(text);
  if (!out) {
    if (foldedMemo.size >= FOLDED_MEMO_MAX) foldedMemo.clear();
    // The line alone is kept, not the chunk or document it may be a slice of.
    foldedMemo.set(detach(text), (out = foldedSyllables(text).map(detach)));
  }
  return out;
}

/** Does the text carry any Vietnamese diacritic? Used to weigh accented evidence. */
export function hasDiacritics(s: string): boolean {
  return fold(s) !== nfc(s).toLowerCase();
}

/**
 * Function words that carry no legal meaning; dropping them keeps query expansion and the
 * hashed embedder focused on content syllables. Folded forms.
 */
export const STOP_SYLLABLES = new Set(
  (
    'va cua la thi ma co khong ko k kg hay hoac cac nhung mot nay do day kia voi cho trong tren duoi ' +
    'de duoc dc bi se da dang roi nhu vay the nao gi sao ai a a. ah a? nhe nha oi u vang da ' +
    'toi em e minh chi anh ban tao no ho ta chung ' +
    'neu khi ve tu den theo tai ra vao lai cung con rat qua nua moi lam phai can muon biet hoi xin'
  ).split(/\s+/),
);

/**
 * The same function words as they are written with dấu. Folded, several collide with content
 * words a question turns on — "duoi" is dưới and đuổi, "de" để and đẻ, "tu" từ and tù, "con" còn
 * and con, "lai" lại and lãi, "den" đến and đền — so a message typed with dấu is read against this
 * list, and only a message typed without dấu (where they cannot be told apart) against the folded one.
 */
export const STOP_WORDS = new Set(
  (
    'và của là thì mà có không ko k kg hay hoặc các những một này đó đấy đây kia với cho trong trên dưới ' +
    'để được đc bị sẽ đã đang rồi như vậy thế nào gì sao ai à ạ ah nhé nha ơi ừ vâng dạ ' +
    'tôi em e mình chị anh bạn tao nó họ ta chúng ' +
    'nếu khi về từ đến theo tại ra vào lại cũng còn rất quá nữa mới làm phải cần muốn biết hỏi xin'
  ).split(/\s+/),
);

/** Whether a syllable is a function word, read with its dấu unless the message was typed without. */
export function isStopSyllable(token: string, typedWithout: boolean): boolean {
  return typedWithout ? STOP_SYLLABLES.has(fold(token)) : STOP_WORDS.has(token.toLowerCase());
}

/**
 * True when a message looks typed without dấu (fewer than a fifth of its syllables carry any).
 * Only then may an unaccented syllable stand for an accented one: in a message written with
 * dấu, "bao" means "bao", not "bão".
 */
export function typedWithoutDiacritics(tokens: string[]): boolean {
  if (!tokens.length) return false;
  const accented = tokens.filter((t) => fold(t) !== t).length;
  return accented / tokens.length < 0.2;
}

/** Syllable match for phrase tables: exact, or loose (any accent) when `loose` is set. */
export function syllableMatches(typed: string, pattern: string, loose: boolean): boolean {
  if (typed === pattern) return true;
  return loose && fold(typed) === typed && fold(pattern) === typed;
}

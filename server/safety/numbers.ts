import { fold } from '../../ingest/text/vietnamese.js';
import type { Token } from './normalise.js';

/**
 * Ages and school grades written in words, read as the digits the rules read ("con bé mới mười ba
 * tuổi" is "13 tuổi", "học lớp tám" is "lớp 8", "mười mấy tuổi" a teenager). Only before "tuổi" (or
 * after "lớp"), where a run of number words can be nothing else: "ba tôi", "năm ngoái", "sáu giờ" stay.
 */

/** Digits by folded number word; "mốt", "tư", "lăm", "nhăm" are the forms after "mươi"/"mười". */
const DIGIT = new Map<string, number>([
  ['mot', 1],
  ['hai', 2],
  ['ba', 3],
  ['bon', 4],
  ['tu', 4],
  ['nam', 5],
  ['lam', 5],
  ['nham', 5],
  ['sau', 6],
  ['bay', 7],
  ['tam', 8],
  ['chin', 9],
]);

/** The exact spellings with dấu; a syllable typed with other marks ("bà", "tú") is another word. */
const MARKED = new Set(['một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'nhăm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'mươi', 'hăm', 'mấy']);

/**
 * The folded word, when the syllable can be a number word as typed (plain, or with the number's own
 * marks). Typed with dấu, "mười" (ten) and "mươi" (tens) differ: "năm mười bốn tuổi" is the year she
 * was 14, "năm mươi bốn tuổi" 54; typed plain, "muoi" is either.
 */
function numberWord(text: string): string | null {
  const t = text.toLowerCase();
  const f = fold(t);
  if (t !== f && !MARKED.has(t)) return null;
  return t === 'mười' ? 'muoi10' : t === 'mươi' ? 'muoi*' : f;
}

/**
 * Value of the number words tokens[from..to) ("mười ba" 13, "hai mươi mốt" 21, "hăm hai" 22, "ba lăm" 35),
 * or null. "mấy" after "mười"/"mươi" (some of the units) is read as 5: "mười mấy tuổi" is a teenager,
 * and the layer errs on her side.
 */
function numberOf(words: string[]): number | null {
  const ten = (w: string) => w === 'muoi' || w === 'muoi10';
  const tens = (w: string) => w === 'muoi' || w === 'muoi*';
  const unit = (w: string | undefined) => (w === undefined ? 0 : w === 'may' ? 5 : (DIGIT.get(w) ?? null));
  if (words.length === 1) return ten(words[0]!) ? 10 : (DIGIT.get(words[0]!) ?? null);
  // "mười ba", "mười mấy"
  if (ten(words[0]!) && words.length === 2) return ((u) => (u === null ? null : 10 + u))(unit(words[1]));
  // "hăm hai"
  if (words[0] === 'ham' && words.length === 2) return ((u) => (u === null ? null : 20 + u))(unit(words[1]));
  const t = DIGIT.get(words[0]!);
  if (t === undefined || t < 2) return null;
  // "hai mươi", "ba mươi lăm", "hai mươi mấy"
  if (tens(words[1]!) && words.length <= 3) return ((u) => (u === null ? null : t * 10 + u))(unit(words[2]));
  // "ba lăm", "hai mốt" (colloquial tens and units)
  if (words.length === 2 && /^(lam|nham|mot|tu)$/.test(words[1]!)) return t * 10 + (DIGIT.get(words[1]!) ?? 0);
  return null;
}

/** Teen spellings of "tuổi" ("mik 14 tủi"), read as an age only right after a number. */
const TEEN_AGE = /^(tủi|tủy|tủoi|tũi)$/;

/**
 * Token i follows a number in its clause: digits ("14 tủi"), or number words of two syllables or "mười" ("mười bốn tủi") —
 * one word alone may be another ("ba tủi thân" is a father feeling hurt).
 */
function afterNumber(tokens: Token[], i: number): boolean {
  const [a, b] = [tokens[i - 1], tokens[i - 2]];
  if (!a || a.clause !== tokens[i]!.clause) return false;
  if (/^\d{1,2}$/.test(a.text)) return true;
  const w = numberWord(a.text);
  if (w === null) return false;
  return w === 'muoi10' || (b !== undefined && b.clause === a.clause && numberWord(b.text) !== null);
}

/** Tokens with ages and grades in words replaced by digits (same clauses). */
export function numbersInDigits(typed: Token[]): Token[] {
  const tokens = typed.map((t, i) => (TEEN_AGE.test(t.text.toLowerCase()) && afterNumber(typed, i) ? { ...t, text: 'tuổi' } : t));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // "lớp tám", "lop 8": one number word after "lớp" is a grade.
    const prev = out.at(-1);
    if (prev && /^(lớp|lop)$/.test(prev.text.toLowerCase()) && prev.clause === tok.clause) {
      const w = numberWord(tok.text);
      const v = w === null ? null : numberOf([w]);
      if (v !== null && v <= 12) {
        out.push({ text: String(v), clause: tok.clause });
        continue;
      }
    }
    // The longest run of number words (up to three) right before "tuổi".
    let done = false;
    for (let len = 3; len >= 1 && !done; len--) {
      const run = tokens.slice(i, i + len);
      const after = tokens[i + len];
      if (run.length < len || !after || !/^(tuổi|tuoi)$/.test(after.text.toLowerCase())) continue;
      if (run.some((r) => r.clause !== tok.clause) || after.clause !== tok.clause) continue;
      // "hồi nam muoi bon tuoi" typed plain: the year she was 14 ("hồi năm mười bốn tuổi"), not 54.
      if (len === 3 && fold(run[0]!.text) === 'nam' && /^(hồi|hoi|lúc|luc|khi|từ|tu|vào|vao|cái|cai)$/.test(prev?.text.toLowerCase() ?? '')) continue;
      const words = run.map((r) => numberWord(r.text));
      if (words.some((w) => w === null)) continue;
      const v = numberOf(words as string[]);
      if (v === null) continue;
      out.push({ text: String(v), clause: tok.clause });
      i += len - 1;
      done = true;
    }
    if (!done) out.push(tok);
  }
  return out;
}

import iconv from 'iconv-lite';
import { ingestError } from '../errors.js';
import { nfc } from '../text/vietnamese.js';

/**
 * Vietnamese text arrives in more encodings than UTF-8. Old documents (1990s–2010s) were typed
 * with ABC/TCVN3 (.VnTime fonts) or VNI (VNI-Times fonts), or saved as Windows-1258; text
 * copied through the wrong tool shows up as "UTF-8 read as Windows-1252" mojibake. None of that
 * may reach the store: it is either converted to NFC Unicode or refused with a reason.
 */

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export const ENCODING_NAMES: Record<SourceEncoding, string> = {
  'utf-8': 'Unicode (UTF-8)',
  'utf-16le': 'Unicode (UTF-16)',
  'utf-16be': 'Unicode (UTF-16)',
  'windows-1258': 'Windows-1258 (CP1258)',
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

// ---------------------------------------------------------------------------------------------
// Byte-string helpers. Legacy decoders work on "byte strings": one char per byte, which is also
// what a .VnTime/VNI-Times run looks like once Word or a browser has turned it into Unicode
// (Latin-1 letters, plus Windows-1252 punctuation for bytes 0x80–0x9F).

const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};
const CP1252_REVERSE = new Map<number, number>(Object.entries(CP1252_HIGH).map(([b, u]) => [u, Number(b)]));
/** Characters a Windows-1252 reading of arbitrary bytes can produce above 0x7F. */
const CP1252_CLASS =
  '\\u0080-\\u00FF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';

/** The byte a char stands for under a Windows-1252/Latin-1 reading, or -1. */
function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c <= 0xff) return c;
  return CP1252_REVERSE.get(c) ?? -1;
}

function cp1252Char(b: number): string {
  return String.fromCharCode(CP1252_HIGH[b] ?? b);
}

// ---------------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993 VN3, the ABC keyboard's .VnTime fonts): one byte per precomposed
// lower-case letter in 0xA0–0xFF. Upper-case toned letters do not exist in VN3 (.VnTimeH fonts
// draw the lower-case positions as capitals); the VN1 capitals at the same positions are kept.
const TCVN3_HIGH =
  '\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0' +
  '\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4' +
  '\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD' +
  '\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2' +
  '\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9' +
  '\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0';

/**
 * Decodes a TCVN3 byte string. .VnTimeH headings are typed in capitals but their toned letters
 * sit at lower-case positions, so a line whose plain letters are all capitals is upper-cased.
 */
export function decodeTcvn3(bytes: string): string {
  return bytes
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) {
        const b = byteOf(ch);
        if (b >= 0xa0 && b <= 0xff) out += TCVN3_HIGH[b - 0xa0]!;
        else if (b >= 0x80) out += cp1252Char(b);
        else out += ch;
      }
      out = nfc(out);
      const ascii = line.replace(/[^A-Za-z]/g, '');
      if (ascii.length >= 4 && ascii === ascii.toUpperCase()) return out.toLocaleUpperCase('vi');
      // "§IÒU" → "ĐIỀU": a word with two or more plain capitals and no plain lower-case letter.
      return out.replace(/[\p{L}\p{M}]+/gu, (w) => {
        const a = w.replace(/[^A-Za-z]/g, '');
        return a.length >= 2 && a === a.toUpperCase() ? w.toLocaleUpperCase('vi') : w;
      });
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// VNI (VNI-Windows, VNI-Times fonts): a base letter followed by a byte that adds the
// circumflex/breve and/or the tone; a few letters (đ, ơ, ư and the toned i, ỵ) are one byte.

const COMBINING: Record<string, string> = {
  circ: '\u0302',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
};
/** Modifier bytes (lower-case form; the upper-case form is 0x20 lower). */
const VNI_MODIFIERS: Record<number, string> = {
  0xe2: COMBINING.circ!,
  0xea: COMBINING.breve!,
  0xe1: COMBINING.circ! + COMBINING.acute!,
  0xe0: COMBINING.circ! + COMBINING.grave!,
  0xe5: COMBINING.circ! + COMBINING.hook!,
  0xe3: COMBINING.circ! + COMBINING.tilde!,
  0xe4: COMBINING.circ! + COMBINING.dot!,
  0xe9: COMBINING.breve! + COMBINING.acute!,
  0xe8: COMBINING.breve! + COMBINING.grave!,
  0xfa: COMBINING.breve! + COMBINING.hook!,
  0xfc: COMBINING.breve! + COMBINING.tilde!,
  0xeb: COMBINING.breve! + COMBINING.dot!,
  0xf9: COMBINING.acute!,
  0xf8: COMBINING.grave!,
  0xfb: COMBINING.hook!,
  0xf5: COMBINING.tilde!,
  0xef: COMBINING.dot!,
};
/** Single-byte letters (lower-case byte → letter; upper-case byte is 0x20 lower). */
const VNI_LETTERS: Record<number, [string, string]> = {
  0xf1: ['đ', 'Đ'],
  0xf4: ['ơ', 'Ơ'],
  0xf6: ['ư', 'Ư'],
  0xed: ['í', 'Í'],
  0xec: ['ì', 'Ì'],
  0xe6: ['ỉ', 'Ỉ'],
  0xf3: ['ĩ', 'Ĩ'],
  0xf2: ['ị', 'Ị'],
  0xee: ['ỵ', 'Ỵ'],
};

export function decodeVni(bytes: string): string {
  let out = '';
  let prevBase = false; // can the previous output char take a modifier?
  for (const ch of bytes) {
    const b = byteOf(ch);
    const lower = b >= 0xc0 && b <= 0xdf ? b + 0x20 : b;
    const letter = b >= 0xc0 ? VNI_LETTERS[lower] : undefined;
    if (letter) {
      out += b === lower ? letter[0] : letter[1];
      prevBase = lower === 0xf4 || lower === 0xf6; // ơ and ư take tones
      continue;
    }
    const mod = b >= 0xc0 ? VNI_MODIFIERS[lower] : undefined;
    if (mod && prevBase) {
      out += mod;
      prevBase = false;
      continue;
    }
    out += b >= 0x80 && b <= 0x9f ? cp1252Char(b) : ch;
    prevBase = /[aeiouyAEIOUY]/.test(ch);
  }
  return nfc(out);
}

export function decodeWindows1258(bytes: Uint8Array): string {
  return nfc(iconv.decode(Buffer.from(bytes), 'windows1258'));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

// ---------------------------------------------------------------------------------------------
// How Vietnamese does a text look? Share of its accented words that are well-formed syllables.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE_RE = new RegExp(
  '^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?' +
    '(iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|' +
    'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|' +
    '[aăâeêioôơuưy])' +
    '(ch|ng|nh|[cmnpt])?$',
  'u',
);

/** Latin-1 letters and symbols that Vietnamese never uses: leftovers of a wrong decoding. */
const FOREIGN_RE =
  /[\u0080-\u009F\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE\u00CF\u00D0\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F0\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF\uFFFD]/gu;

export function isVietnameseSyllable(word: string): boolean {
  const d = word.normalize('NFD');
  const tones = d.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const base = d.replace(TONE_MARKS, '').normalize('NFC').toLocaleLowerCase('vi');
  return SYLLABLE_RE.test(base);
}

export interface VietScore {
  /** Words containing a non-ASCII letter. */
  words: number;
  /** Of those, well-formed Vietnamese syllables. */
  valid: number;
  /** Characters no Vietnamese text contains. */
  foreign: number;
  score: number;
}

export function vietnameseScore(text: string): VietScore {
  let words = 0;
  let valid = 0;
  for (const w of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (/^[A-Za-z]+$/.test(w)) continue;
    words++;
    if (isVietnameseSyllable(w)) valid++;
  }
  const foreign = text.match(FOREIGN_RE)?.length ?? 0;
  const score = words + foreign === 0 ? 1 : valid / (words + foreign);
  return { words, valid, foreign, score };
}

// ---------------------------------------------------------------------------------------------
// Mojibake: UTF-8 bytes shown through Windows-1252 ("Äiá»u" for "Điều").

const MOJIBAKE_RE = new RegExp(`[\\u00C2-\\u00C6\\u00CC\\u00E1][${CP1252_CLASS.replace('\\u0080-\\u00FF', '\\u0080-\\u00BF')}]|\\u00E2\\u20AC`, 'gu');
const HIGH_RUN_RE = new RegExp(`[${CP1252_CLASS}]{2,}`, 'gu');

/** Lead char + continuation char pairs typical of Vietnamese UTF-8 read as Windows-1252. */
export function mojibakeCount(text: string): number {
  return text.match(MOJIBAKE_RE)?.length ?? 0;
}

/** Whether a decoded char is one a Vietnamese document plausibly contains. */
function plausible(s: string): boolean {
  return /^[\u00A0-\u01B0\u0300-\u0323\u1EA0-\u1EF9\u2010-\u2026\u20AB\u20AC]+$/u.test(s);
}

/**
 * Re-reads each run of Windows-1252 characters as the UTF-8 bytes it came from, sequence by
 * sequence, keeping anything that does not decode to plausible Vietnamese as it was.
 */
export function repairMojibake(text: string): string {
  if (!mojibakeCount(text)) return text;
  const dec = new TextDecoder('utf-8', { fatal: true });
  return text.replace(HIGH_RUN_RE, (run) => {
    const chars = [...run];
    const bytes = chars.map(byteOf);
    let out = '';
    for (let i = 0; i < chars.length; ) {
      const b = bytes[i]!;
      const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
      const seq = bytes.slice(i, i + need + 1);
      if (need && seq.length === need + 1 && seq.slice(1).every((x) => x >= 0x80 && x <= 0xbf)) {
        try {
          const s = dec.decode(Uint8Array.from(seq));
          if (plausible(s)) {
            out += s;
            i += need + 1;
            continue;
          }
        } catch {
          // not UTF-8: keep the chars
        }
      }
      out += chars[i]!;
      i++;
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Decoding bytes of a text file.

export interface Decoded {
  text: string;
  encoding: SourceEncoding;
  /** Conversions applied on top of the byte decoding (mojibake repair, legacy-font runs). */
  repairs: string[];
}

function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM: Vietnamese UTF-16 has high bytes in a few blocks only (00, 01, 03, 1E, 20).
  if (bytes.length >= 8 && bytes.length % 2 === 0) {
    const n = Math.min(bytes.length, 4096) & ~1;
    for (const [hi, name] of [
      [1, 'utf-16le'],
      [0, 'utf-16be'],
    ] as const) {
      let ok = 0;
      let ascii = 0;
      for (let i = hi; i < n; i += 2) {
        const h = bytes[i]!;
        if (h === 0x00 || h === 0x01 || h === 0x03 || h === 0x1e || h === 0x20) ok++;
        if (h === 0 && bytes[i + (hi ? -1 : 1)]! >= 0x20 && bytes[i + (hi ? -1 : 1)]! < 0x7f) ascii++;
      }
      if (ok === n / 2 && ascii >= n / 4) return name;
    }
  }
  return null;
}

/** Looks like UTF-16 text (so NUL bytes are expected)? Used by format sniffing. */
export function looksUtf16(bytes: Uint8Array): boolean {
  return utf16(bytes) !== null;
}

/**
 * Bytes of a text file (or HTML) → NFC Unicode. UTF-8 and UTF-16 are read as such; anything
 * else is tried as Windows-1258, VNI and TCVN3 and kept only when one reading is clearly
 * Vietnamese. `declared` is an HTML/HTTP charset, a hint only.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  const d = decodeBytes(bytes, declared);
  return fixUnicodeText(d.text, d.encoding);
}

/** The byte decoding step of decodeText alone (HTML repairs its text after removing markup). */
export function decodeBytes(bytes: Uint8Array, declared?: string): { text: string; encoding: SourceEncoding } {
  const u16 = utf16(bytes);
  if (u16) {
    const text = new TextDecoder(u16).decode(bytes).replace(/^\uFEFF/, '');
    return { text: nfc(text), encoding: u16 };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return { text: nfc(text), encoding: 'utf-8' };
  } catch {
    // not UTF-8: a legacy encoding, or not text at all
  }
  const high = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  const decoders: Record<'windows-1258' | 'vni' | 'tcvn3', (b: Uint8Array) => string> = {
    'windows-1258': decodeWindows1258,
    vni: (b) => decodeVni(latin1(b)),
    tcvn3: (b) => decodeTcvn3(latin1(b)),
  };
  // The encoding is decided on a sample (a 25 MB file is not scored three times on the event loop).
  const sample = bytes.subarray(0, 256 * 1024);
  const scored = (Object.keys(decoders) as (keyof typeof decoders)[])
    .map((encoding) => ({ encoding, s: vietnameseScore(decoders[encoding](sample)) }))
    .sort((a, b) => b.s.score - a.s.score || declaredRank(b.encoding, declared) - declaredRank(a.encoding, declared));
  const best = scored[0]!;
  if (best.s.words >= 3 && best.s.score >= 0.8) {
    return { text: decoders[best.encoding](bytes), encoding: best.encoding };
  }
  // Hardly any accented letters (an English page in Windows-1252): nothing to get wrong.
  if (best.s.words < 3 && high <= 8) return { text: decodeWindows1258(bytes), encoding: 'windows-1258' };
  if (best.s.words >= 3 && best.s.score >= 0.5) {
    throw ingestError(
      'invalid:encoding',
      `text is not UTF-8; best legacy reading ${best.encoding} scores ${best.s.score.toFixed(2)}, too low to convert safely`,
      `Tệp có vẻ dùng bảng mã cũ ${ENCODING_NAMES[best.encoding]} nhưng không chuyển đổi được chắc chắn. ` +
        'Hãy mở tệp bằng Word hoặc Unikey, chuyển sang Unicode (UTF-8) rồi tải lên lại.',
    );
  }
  throw ingestError(
    'invalid:encoding',
    `text is not UTF-8 and no Vietnamese legacy encoding fits (${high} bytes above 0x7F; best ${best.encoding} ${best.s.score.toFixed(2)})`,
    'Tệp văn bản không dùng bảng mã Unicode (UTF-8) và không nhận ra bảng mã tiếng Việt nào (TCVN3, VNI, Windows-1258). ' +
      'Hãy lưu lại tệp với bảng mã Unicode (UTF-8) rồi tải lên lại.',
  );
}

function declaredRank(enc: SourceEncoding, declared?: string): number {
  const d = (declared ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!d) return 0;
  if (enc === 'windows-1258' && /1258|vietnam/.test(d)) return 1;
  if (enc === 'tcvn3' && /tcvn|abc|vn3/.test(d)) return 1;
  if (enc === 'vni' && /vni/.test(d)) return 1;
  return 0;
}

export type FontHint = 'tcvn3' | 'vni' | null;

/**
 * Unicode text that may still carry mojibake or lines typed in a legacy font (.VnTime,
 * VNI-Times: the file is Unicode but the letters are Latin-1 stand-ins). Repairs what can be
 * repaired line by line and refuses text that stays unreadable.
 */
export function fixUnicodeText(text: string, encoding: SourceEncoding = 'utf-8', fontHint: FontHint = null): Decoded {
  const repairs: string[] = [];
  let out = text;
  if (out.includes('\u0000')) {
    throw ingestError('invalid:binary', 'text contains NUL bytes');
  }
  if (mojibakeCount(out)) {
    const fixed = repairMojibake(out);
    if (fixed !== out) repairs.push('mojibake');
    out = nfc(fixed);
  }
  const legacy = convertLegacyFontLines(out, fontHint);
  if (legacy.converted) {
    repairs.push(`${legacy.encoding}-font`);
    out = legacy.text;
  }
  assertReadable(out);
  return { text: out, encoding, repairs };
}

/** Lines whose letters are all Latin-1 (as legacy-font text is) and read far better decoded. */
export function convertLegacyFontLines(text: string, hint: FontHint = null): { text: string; converted: number; encoding: 'tcvn3' | 'vni' | null } {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => /[\u0080-\u00FF]/.test(l) && !/[\u0100-\u024F\u1EA0-\u1EF9]/.test(l));
  if (!candidates.length) return { text, converted: 0, encoding: null };
  // Decide the font family once for the document: per-line guesses on short lines are noisy.
  const totals = { tcvn3: 0, vni: 0 } as Record<'tcvn3' | 'vni', number>;
  for (const { l } of candidates) {
    for (const enc of ['tcvn3', 'vni'] as const) {
      const s = vietnameseScore(enc === 'tcvn3' ? decodeTcvn3(l) : decodeVni(l));
      totals[enc] += s.valid - s.foreign;
    }
  }
  const encoding = hint ?? (totals.tcvn3 >= totals.vni ? 'tcvn3' : 'vni');
  const decode = encoding === 'tcvn3' ? decodeTcvn3 : decodeVni;
  let converted = 0;
  for (const { l, i } of candidates) {
    const before = vietnameseScore(l);
    const d = decode(l);
    const after = vietnameseScore(d);
    if (after.words >= 1 && after.score >= 0.75 && after.score > before.score + 0.2) {
      lines[i] = d;
      converted++;
    }
  }
  return { text: converted ? lines.join('\n') : text, converted, encoding: converted ? encoding : null };
}

/** Refuses text that is still mojibake, lost its diacritics to '?', or is full of U+FFFD. */
export function assertReadable(text: string): void {
  const words = Math.max(1, text.match(/[\p{L}\p{M}]+/gu)?.length ?? 0);
  const moji = mojibakeCount(text) + (text.match(/[ÄÆ][?\uFFFD]|á[º»][?\uFFFD]/g)?.length ?? 0);
  if (moji >= 3 && moji / words > 0.002) {
    throw ingestError('invalid:mojibake', `text still contains ${moji} mojibake sequences after repair`);
  }
  const lossy = text.match(/\p{L}\?+\p{L}/gu)?.length ?? 0;
  if (lossy >= 5 && lossy / words > 0.02) {
    throw ingestError('invalid:lossy_encoding', `${lossy} words have '?' in place of letters`);
  }
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  if (bad >= 3 && bad / words > 0.001) {
    throw ingestError(
      'invalid:encoding',
      `text contains ${bad} replacement characters (U+FFFD)`,
      'Tệp có nhiều ký tự hỏng (�). Hãy lưu lại tệp với bảng mã Unicode (UTF-8) rồi tải lên lại.',
    );
  }
}

/** C0 controls other than tab/newline/CR/form feed: a few are stray, many mean binary. */
export function stripControls(text: string): string {
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 8 && controls / Math.max(1, text.length) > 0.001) {
    throw ingestError('invalid:binary', `text contains ${controls} control characters`);
  }
  return text
    .replace(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n');
}

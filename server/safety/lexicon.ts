import fs from 'node:fs';
import path from 'node:path';
import { nfc } from '../../ingest/text/vietnamese.js';
import { DATA_DIR, plainWord, respellings, syllableMatch, syllableOf, tokenize, type Syllable, type Token } from './normalise.js';

/**
 * Phrase tables for the safety layer (data/*.tsv), matched syllable by syllable against the
 * normalised message. One loader and one matcher for every table, so that a row added by an
 * official or a linguist behaves like every other row.
 */

/**
 * Words "~" may stand for. A person named in several syllables ("con bé nhà tôi", "chị hàng
 * xóm") counts as one word, so "lôi ~ vào kho" reads "lôi con bé nhà tôi vào kho" as it reads
 * "lôi nó vào kho": how long her name for the child is must not decide whether danger is seen.
 */
const GAP = 3;
/** Concepts that name a person: the syllables of one such phrase after its first are free inside a gap. */
const PERSON = /^who\./;
/**
 * "gap" is "~"; "number" is "#"; "start" is "^", the start of a clause: "^ ở mỹ" reads a country
 * that opens the question ("ở Mỹ phá thai có hợp pháp không"), not one she lives or works in.
 */
type Part = Syllable | 'gap' | 'number' | 'start';

export interface Row {
  concept: string;
  phrases: string[];
  /** Further columns of the row (an example message, a reply, a search). */
  extra: string[];
}

interface Compiled {
  concept: string;
  parts: Part[];
  /** May one of its words be read through a respelling (respelled below). */
  respellable: boolean;
}

const hasGap = (c: Compiled) => c.parts.includes('gap');

export interface Match {
  concept: string;
  start: number;
  /** Exclusive. */
  end: number;
  clause: number;
  /** The phrase has a "~": words it skipped are part of the span without being read. */
  gapped?: boolean;
}

/** Rows of a table: concept <TAB> phrase|phrase… <TAB> further columns. "#" starts a comment line. */
export function readRows(file: string): Row[] {
  return fs
    .readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [concept, phrases, ...extra] = nfc(l).split('\t');
      return {
        concept: concept!.trim(),
        phrases: (phrases ?? '')
          .split('|')
          .map((p) => p.trim())
          .filter(Boolean),
        extra: extra.map((e) => e.trim()),
      };
    });
}

function compile(phrase: string): Part[] {
  return phrase
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w === '~' ? 'gap' : w === '#' ? 'number' : w === '^' ? 'start' : syllableOf(w)));
}

/** A compiled phrase table: find every occurrence of every phrase in a message. */
export class PhraseTable {
  /** Phrases by their first syllable, folded: a message is only tried against phrases that can start at a token. */
  private readonly byFirst = new Map<string, Compiled[]>();
  private readonly numberFirst: Compiled[] = [];
  /** Gap-free phrases naming a person, by first syllable: matched first to find the spans a gap skips as one word. */
  private readonly people = new Map<string, Compiled[]>();

  constructor(rows: Row[]) {
    for (const r of rows) {
      for (const p of r.phrases) {
        const parts = compile(p);
        const c = { concept: r.concept, parts, respellable: parts.filter((x) => typeof x === 'object').length >= 2 };
        const first = c.parts.find((x): x is Exclude<Part, 'start'> => x !== 'start');
        if (!first || first === 'gap') continue;
        if (PERSON.test(c.concept) && !hasGap(c) && first !== 'number') this.people.set(first.folded, [...(this.people.get(first.folded) ?? []), c]);
        if (first === 'number') this.numberFirst.push(c);
        else this.byFirst.set(first.folded, [...(this.byFirst.get(first.folded) ?? []), c]);
      }
    }
  }

  match(tokens: Token[]): Match[] {
    const syl = withMarksKept(
      tokens.map((t) => syllableOf(t.text)),
      tokens.map((t) => t.lent === true),
    );
    const free = new Array<boolean>(tokens.length).fill(false);
    const none = free.slice();
    for (let i = 0; i < tokens.length; i++) {
      for (const c of this.people.get(syl[i]!.folded) ?? []) {
        const end = matchAt(c.parts, 0, syl, tokens, i, none);
        for (let j = i + 1; j < (end ?? i); j++) free[j] = true;
        if (end !== null) for (let j = end; j < describedTo(tokens, end); j++) free[j] = true;
      }
    }
    const out: Match[] = [];
    const alt = respelled(tokens, syl);
    const tryAt = (c: Compiled, i: number) => {
      const end = matchAt(c.parts, 0, syl, tokens, i, free, tokens[i]?.clause, c.respellable ? { alt, left: 1 } : undefined);
      if (end !== null) out.push({ concept: c.concept, start: i, end, clause: tokens[i]!.clause, ...(hasGap(c) ? { gapped: true } : {}) });
    };
    for (let i = 0; i < tokens.length; i++) {
      const own = this.byFirst.get(syl[i]!.folded) ?? [];
      for (const c of own) tryAt(c, i);
      for (const c of this.numberFirst) tryAt(c, i);
      // Phrases whose first word she respelled ("da khỏi nhà" for "ra khỏi nhà"), each tried once.
      for (const r of alt[i]!) for (const c of this.byFirst.get(r.folded) ?? []) if (c.respellable && !own.includes(c)) tryAt(c, i);
    }
    return out;
  }
}

/**
 * Of a message's letter syllables, the share typed with marks from which it counts as written with
 * dấu. Written so, roughly four syllables in five carry a mark; typed on a phone without dấu, none do.
 */
const MARKED_SHARE = 0.6;
/** And at least this many marked syllables: "em oi cứu" is too short to say how she types. */
const MARKED_MIN = 3;

/**
 * In a message written with dấu, a syllable typed without any mark is that word as spelled ("ngay
 * trước cổng" is "ngay", not "ngày trước"; "chém lung tung" is not "từng"; "thân bại danh liệt" is
 * not "đánh"): it matches only a word with no mark but, possibly, đ — "d" for "đ" is the slip
 * such a writer makes ("chồng em dang cầm dao"). One with some marks keeps the rule for a mark left out
 * in haste ("chòng em đang đanh em"). Typed without dấu throughout, a plain syllable
 * still matches any accent.
 */
function withMarksKept(syl: Syllable[], lent: boolean[]): Syllable[] {
  // "ck dg bp co e": the marks of "chồng", "đang", "bóp" are the shorthand table's; she typed none, so "co" is any "co".
  const letters = syl.filter((s, i) => !lent[i] && /^[a-z]+$/.test(s.folded));
  const marked = letters.filter((s) => !s.plain).length;
  if (marked < MARKED_MIN || marked < MARKED_SHARE * letters.length) return syl;
  // Only a spelling that is itself a word: "giet", "bi" are "giết", "bị" with the marks left out.
  return syl.map((s) => (s.plain && /^[a-z]+$/.test(s.folded) && plainWord(s.folded) ? { ...s, exact: true } : s));
}

/**
 * Index after the phrase when it matches at token i, else null. A phrase stays within one clause.
 * `free[j]`: token j continues a person's name, so a gap skips it without counting it.
 */
/**
 * A word may be another respelled the way the region speaks or a hurried thumb types (normalise.ts,
 * respellings: d/gi/r, l/n, ch/tr, s/x, a final n/ng or t/c after a, hỏi/ngã/nặng): "cầm giao",
 * "bị dam lỏng", "đuổi da khỏi nhà", "cầm dựa" are "cầm dao", "bị giam lỏng", "đuổi ra khỏi nhà",
 * "cầm rựa". normalise.ts respells only a word no text of ours spells; "giao", "da", "dam" are
 * words, so here a respelling counts only inside a phrase of two words or more whose other words
 * she typed as written, once in it, and for every concept alike (a past time as much as a harm:
 * "hồi man bầu" is "hồi mang bầu"): "giao" alone is never a knife, "giao hàng" never "dao hàng".
 * Not in a message typed without dấu, whose plain words already match any accent (respelling them
 * too found phrases in ordinary words); in one written with dấu a plain word is read as spelled
 * (withMarksKept), so "giao", "da" there may be the slip. Perturbed safety sets
 * (eval/safety-perturb.ts), danger caught: d/gi/r 0.901 → 0.953, l/n 0.947 → 0.971, ch/tr 0.927 →
 * 0.965, ngã/nặng 0.951 → 0.979, n/ng 0.930 → 0.957; no false alarm l/n 0.961 → 0.985; a tone left
 * out 0.944 → 0.942 ("mêt lăm rồi" read as "năm rồi", years ago).
 */

interface Respelling {
  /** Each token's respellings, as syllables. */
  alt: Syllable[][];
  /** How many more words of this phrase may be read respelled. */
  left: number;
}

const respelledWords = new Map<string, Syllable[]>();

function respelled(tokens: Token[], syl: Syllable[]): Syllable[][] {
  return tokens.map((t, i) => {
    if ((syl[i]!.plain && !syl[i]!.exact) || !/^\p{L}+$/u.test(t.text)) return [];
    const w = t.text.toLowerCase();
    let r = respelledWords.get(w);
    if (!r) {
      // Words typed repeat across messages; the table is bounded by the words people type.
      if (respelledWords.size > 50_000) respelledWords.clear();
      respelledWords.set(w, (r = respellings(w).map(syllableOf)));
    }
    // A plain word read as spelled stays so respelled: "roi" may be "doi", never "đói".
    return syl[i]!.exact ? r.map((x) => ({ ...x, exact: true })) : r;
  });
}

/** A plain syllable read as spelled (withMarksKept) is the word with no mark so spelled, "d" for "đ" excepted. */
const asSpelled = (typed: Syllable, part: Syllable) => !part.tone && part.base.replace(/đ/g, 'd') === typed.base;

function matchAt(
  parts: Part[],
  p: number,
  syl: Syllable[],
  tokens: Token[],
  i: number,
  free: boolean[],
  clause = tokens[i]?.clause,
  swap?: Respelling,
): number | null {
  if (p === parts.length) return i;
  const part = parts[p]!;
  if (part === 'gap') {
    for (let j = i, words = 0; j <= tokens.length && words <= GAP; j++) {
      const r = matchAt(parts, p + 1, syl, tokens, j, free, clause, swap);
      if (r !== null) return r;
      if (!free[j]) words++;
    }
    return null;
  }
  if (part === 'start') return i === 0 || tokens[i - 1]!.clause !== tokens[i]?.clause ? matchAt(parts, p + 1, syl, tokens, i, free, clause, swap) : null;
  if (i >= tokens.length || tokens[i]!.clause !== clause) return null;
  const s = syl[i]!;
  const ok = part === 'number' ? /^\d+$/.test(tokens[i]!.text) || NUMBER_WORDS.has(s.folded) : s.exact ? asSpelled(s, part) : syllableMatch(s, part);
  if (ok) return matchAt(parts, p + 1, syl, tokens, i + 1, free, clause, swap);
  if (!swap || swap.left <= 0 || part === 'number') return null;
  // A respelled word must be the phrase's word exactly: one slip is read, not a slip and a mark left out
  // ("dạy" may be "dảy", never "đẩy"; "dồi" may be "rồi", never "đồi").
  for (const r of swap.alt[i]!)
    if (r.exact ? asSpelled(r, part) : r.base === part.base && r.tone === part.tone)
      return matchAt(parts, p + 1, syl, tokens, i + 1, free, clause, { alt: swap.alt, left: swap.left - 1 });
  return null;
}

/** Words of an age or a grade told right after a person, whose she is included ("cháu gái tôi mới 15 tuổi", "đứa cháu út học lớp 8"). */
const DESCRIBES = /^(toi|em|minh|tui|tao|nha|cua|moi|chi|co|da|vua|dang|hoc|len|lop|ut|nam|nay|tuoi|t|\d{1,2}|\d{1,2}t)$/;
/** Folded: "tuỏi" typed with a mark left out is still "tuổi". */
const folded = (t: Token | undefined) => (t ? syllableOf(t.text.toLowerCase()).folded : '');

/**
 * End of an age or grade told right after a person, or `end` when there is none: "ép con gái em 15 tuổi
 * cưới chồng" reads the child with her age as one word inside "ép ~ cưới", as "ép nó cưới chồng". The
 * run must end in an age or a grade, so "con gái em đang học" and "con bé 20 nghìn" are no description.
 */
function describedTo(tokens: Token[], end: number): number {
  let j = end;
  while (j < tokens.length && j - end < 6 && tokens[j]!.clause === tokens[end - 1]!.clause && DESCRIBES.test(folded(tokens[j]))) j++;
  // Closed by an age ("mới 15 tuổi", "15t") or a grade ("học lớp 8"); a bare number is no age ("con bé 20 nghìn").
  const closes = (k: number) => {
    const [t, before] = [folded(tokens[k]), folded(tokens[k - 1])];
    return /^\d{1,2}t$/.test(t) || (/^(tuoi|t)$/.test(t) && /^\d{1,2}$/.test(before)) || (/^\d{1,2}$/.test(t) && before === 'lop');
  };
  while (j > end && !closes(j - 1)) j--;
  return j;
}

const NUMBER_WORDS = new Set(['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'may', 'vai', 'nhieu']);

/**
 * Matches of a table with masks applied: a "mask:PREFIX" row hides matches of concepts starting
 * with PREFIX that overlap it without covering it ("đánh" inside "đánh đề"), and gapped ones
 * that start on its first word.
 */
export function matchWithMasks(table: PhraseTable, tokens: Token[]): Match[] {
  const all = table.match(tokens);
  const masks = all.filter((m) => m.concept.startsWith('mask:'));
  // A phrase with a gap that starts where a mask starts ("bán ~ cho" over "bán đất không cho") reads
  // the masked word as its verb: "bán đất" is selling land however far "cho" follows.
  const inside = (m: Match, k: Match) => m.start <= k.start && m.end >= k.end && !(m.gapped && k.start === m.start && k.end < m.end);
  return all.filter((m) => {
    if (m.concept.startsWith('mask:')) return false;
    return !masks.some((k) => m.concept.startsWith(k.concept.slice(5)) && k.start < m.end && m.start < k.end && !inside(m, k));
  });
}

export { tokenize };

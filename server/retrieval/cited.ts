import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, nfc } from '../../ingest/text/vietnamese.js';

/**
 * The law she names, and the very article (issue 12). Officials and members quote what they read
 * on a leaflet or heard on the radio: "theo Điều 81 Luật HNGĐ", "khoan 1 dieu 139 bo luat lao
 * dong", "nghị định 144 phạt bao nhiêu". A law is named by its số hiệu (whole or in part, after its
 * type or alone when it has its year), by its title as the library writes it (with or without dấu,
 * "và" and commas, its first words when only one title starts so), by a common short form
 * (data/law-abbreviations.tsv), optionally with its year. An article is named by "Điều N" (also
 * "dieu N"; "đ. N" only right before a law) beside a named law, with its khoản and điểm.
 *
 * Pure: the library's documents are handed in (`citableLibrary`), so an uploaded law is named the
 * same way as a bundled one.
 */

export interface CitableDocument {
  id: string;
  number: string | null;
  title: string;
  type: string;
  issued: string | null;
  status: string;
}

export interface CitedArticle {
  documentId: string;
  /** The Điều as the library keys it ("51"). */
  article: string;
  clause: string | null;
  point: string | null;
}

export interface Cited {
  /** Every document she names, in the order named. */
  documents: string[];
  /** Articles she names in a named document (one per document the law's name fits). */
  articles: CitedArticle[];
}

interface NamedDoc {
  doc: CitableDocument;
  family: string;
  /** Folded words of the title after its type, without "và", punctuation or "(trích …)". */
  name: string[];
  /** Folded số hiệu split at "/": ["144", "2021", "nd-cp"]. */
  number: string[] | null;
  year: string | null;
}

export interface CitableLibrary {
  docs: NamedDoc[];
}

/** Type words as typed, folded, and the family of document types they name. */
const TYPE_WORDS: { words: string[]; family: string }[] = [
  { words: ['bo', 'luat'], family: 'luat' },
  { words: ['luat'], family: 'luat' },
  { words: ['nghi', 'dinh'], family: 'nghi dinh' },
  { words: ['nd'], family: 'nghi dinh' },
  { words: ['nghi', 'quyet'], family: 'nghi quyet' },
  { words: ['thong', 'tu'], family: 'thong tu' },
  { words: ['quyet', 'dinh'], family: 'quyet dinh' },
  { words: ['phap', 'lenh'], family: 'phap lenh' },
];

/** A document type's family: a member says "luật lao động" of the Bộ luật Lao động. */
function familyOf(type: string): string {
  const t = fold(type).replace(/\s+lien tich$/, '');
  return t === 'bo luat' ? 'luat' : t;
}

/**
 * Words that make the number after "điều" or "khoản" an amount, an age or a count rather than an
 * article: "khoản 5 triệu", "điều 18 tuổi", "điều 2 đứa con".
 */
const UNIT_WORDS = new Set([
  'tuoi',
  'trieu',
  'tr',
  'ty',
  'nghin',
  'ngan',
  'dong',
  'k',
  'nam',
  'thang',
  'ngay',
  'tuan',
  'gio',
  'phut',
  'lan',
  'nguoi',
  'con',
  'dua',
  'chau',
  'be',
  'cai',
  'm',
  'm2',
  'met',
  'kg',
  'phan',
  'so',
]);
/** Syllables that make "luật" after them another word: kỷ luật, quy luật, pháp luật. */
const NOT_A_LAW_BEFORE = new Set(['ky', 'quy', 'phap']);
/** Words allowed between an article and the law it belongs to: "Điều 51 của Luật …", "đ.51 trong luật". */
const LINKS = new Set(['cua', 'trong', 'theo', 'tai', 'thuoc', 'o']);
const LINK_GAP = 3;

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'data/law-abbreviations.tsv');

export interface ShortForm {
  form: string[];
  stands: string[];
  example: string;
}

/** data/law-abbreviations.tsv: each short form, as folded tokens, and the words it stands for. */
export function readShortForms(text = fs.readFileSync(DATA, 'utf8')): ShortForm[] {
  const out: ShortForm[] = [];
  for (const line of nfc(text).split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [forms = '', stands = '', example = ''] = line.split('\t').map((c) => c.trim());
    for (const f of forms.split('|')) {
      const form = tokens(f).map((t) => t.folded);
      if (form.length) out.push({ form, stands: tokens(stands).map((t) => t.folded), example });
    }
  }
  // Longest first: "pcbl gđ" before "pcbl".
  return out.sort((a, b) => b.form.length - a.form.length);
}

let shortForms: ShortForm[] | null = null;

interface Token {
  raw: string;
  folded: string;
}

/**
 * Lower-cased words and numbers; a số hiệu ("52/2014/QH13", "144/2021") and a date are one token
 * each, letters and digits typed together are two ("nđ144" → nđ 144), "&" between letters joins
 * them ("hn&gđ" → hngđ) and "và" is left out, as the titles are read.
 */
function tokens(text: string): Token[] {
  const s = nfc(text)
    .toLowerCase()
    .replace(/(\p{L})\s*&\s*(\p{L})/gu, '$1$2');
  const out: Token[] = [];
  for (const m of s.matchAll(/\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,4}\/\d{4}(?:\/[\p{L}\d]+(?:-[\p{L}\d]+)*)?|\d+|\p{L}+/gu)) {
    const raw = m[0];
    const folded = fold(raw);
    if (folded === 'va') continue;
    out.push({ raw, folded });
  }
  return out;
}

/** The library's documents as they can be named; built once per corpus version. */
export function citableLibrary(docs: Iterable<CitableDocument>): CitableLibrary {
  const out: NamedDoc[] = [];
  for (const doc of docs) {
    const family = familyOf(doc.type);
    const words = tokens(doc.title.replace(/\([^)]*\)/g, ' ')).map((t) => t.folded);
    // The title starts with its type ("Luật Hôn nhân và gia đình"); the name is what follows.
    const type = TYPE_WORDS.find((t) => t.words.every((w, i) => words[i] === w));
    const name = type ? words.slice(type.words.length) : words;
    const number = doc.number ? fold(doc.number).split('/') : null;
    const year = number?.[1] && /^\d{4}$/.test(number[1]) ? number[1] : (doc.issued?.slice(0, 4) ?? null);
    out.push({ doc, family, name, number, year });
  }
  return { docs: out };
}

interface LawMention {
  start: number;
  end: number;
  docs: NamedDoc[];
  /** She gave a year no named document has: another version of the law, so no article of this one is hers. */
  otherVersion: boolean;
}

/** What she names: the documents and articles; null when she names none. */
export function readCited(question: string, library: CitableLibrary): Cited | null {
  if (!library.docs.length) return null;
  const toks = withShortForms(tokens(question));
  const laws = lawMentions(toks, library);
  if (!laws.length) return null;
  const documents = [...new Set(laws.flatMap((l) => l.docs.map((d) => d.doc.id)))];
  const articles: CitedArticle[] = [];
  for (const a of articleMentions(toks, laws)) {
    if (a.law.otherVersion) continue;
    for (const d of a.law.docs) {
      if (!articles.some((x) => x.documentId === d.doc.id && x.article === a.article)) {
        articles.push({ documentId: d.doc.id, article: a.article, clause: a.clause, point: a.point });
      }
    }
  }
  return { documents, articles };
}

/** The tokens with every short form replaced by the words it stands for ("bllđ" → bộ luật lao động). */
function withShortForms(toks: Token[]): Token[] {
  shortForms ??= readShortForms();
  const out: Token[] = [];
  for (let i = 0; i < toks.length; ) {
    const f = shortForms.find((s) => s.form.every((w, j) => toks[i + j]?.folded === w));
    if (!f) {
      out.push(toks[i]!);
      i++;
      continue;
    }
    for (const w of f.stands) out.push({ raw: w, folded: w });
    i += f.form.length;
  }
  return out;
}

const isYear = (t: Token | undefined) => !!t && /^(19|20)\d\d$/.test(t.folded);

function lawMentions(toks: Token[], library: CitableLibrary): LawMention[] {
  const out: LawMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // A số hiệu with its year, whatever is said before it.
    const num = /^(\d{1,4})\/(\d{4})(?:\/(.+))?$/.exec(t.folded);
    if (num) {
      const docs = byNumber(library.docs, num[1]!, num[2]!, num[3] ?? null);
      if (docs.length) out.push({ start: i, end: i + 1, docs, otherVersion: false });
      continue;
    }
    const type = TYPE_WORDS.find((w) => w.words.every((x, j) => toks[i + j]?.folded === x));
    if (!type) continue;
    // "kỷ luật lao động" is discipline at work, "pháp luật" the law in general: no law named.
    if (type.words[0] === 'luat' && NOT_A_LAW_BEFORE.has(toks[i - 1]?.folded ?? '')) continue;
    let p = i + type.words.length;
    // "nđ-cp", "luật số", "nghị định số".
    if (type.family === 'nghi dinh' && toks[p]?.folded === 'cp') p++;
    if (toks[p]?.folded === 'so') p++;
    const inFamily = library.docs.filter((d) => d.family === type.family);
    const m = namedAfter(toks, p, inFamily);
    if (m) {
      out.push({ start: i, ...m });
      i = m.end - 1;
    } else if (type.family === 'nghi dinh' && !/^\d/.test(toks[p]?.folded ?? '')) {
      // "nghị định" alone names the library's one decree in force, if it has only one.
      const inForce = inFamily.filter((d) => d.doc.status === 'in_force' || d.doc.status === 'partial');
      if (inForce.length === 1) out.push({ start: i, end: p, docs: inForce, otherVersion: false });
    }
  }
  return out;
}

function byNumber(docs: NamedDoc[], n: string, year: string | null, suffix: string | null): NamedDoc[] {
  const bare = (s: string) => s.replace(/-/g, '');
  return docs.filter(
    (d) => d.number && d.number[0] === n && (!year || d.number[1] === year) && (!suffix || bare(d.number.slice(2).join('')).startsWith(bare(suffix))),
  );
}

/** The documents named right after a type word: by number, or by the title's words. */
function namedAfter(toks: Token[], p: number, docs: NamedDoc[]): { end: number; docs: NamedDoc[]; otherVersion: boolean } | null {
  const t = toks[p];
  if (!t) return null;
  const full = /^(\d{1,4})\/(\d{4})(?:\/(.+))?$/.exec(t.folded);
  if (full) {
    const docs2 = byNumber(docs, full[1]!, full[2]!, full[3] ?? null);
    return docs2.length ? { end: p + 1, docs: docs2, otherVersion: false } : null;
  }
  if (/^\d{1,4}$/.test(t.folded)) {
    // "nghị định 144", "luật số 52 năm 2014": a year after it picks among the documents of that number.
    let end = p + 1;
    let year: string | null = null;
    if (toks[end]?.folded === 'nam' && isYear(toks[end + 1])) end++;
    if (isYear(toks[end])) year = toks[end++]!.folded;
    const docs2 = byNumber(docs, t.folded, year, null);
    return docs2.length ? { end: year ? end : p + 1, docs: docs2, otherVersion: false } : null;
  }
  // By the title's words: the whole name, or its first half (two words at least) when only one
  // title starts so ("luật hôn nhân"; not "luật bảo vệ …" of a long title that starts so).
  let whole: NamedDoc[] = [];
  let wholeLen = 0;
  const starts = new Map<number, NamedDoc[]>();
  for (const d of docs) {
    let l = 0;
    while (l < d.name.length && toks[p + l]?.folded === d.name[l]) l++;
    if (!l) continue;
    if (l === d.name.length) {
      if (l > wholeLen) [whole, wholeLen] = [[d], l];
      else if (l === wholeLen) whole.push(d);
    } else if (l >= 2 && 2 * l >= d.name.length) starts.set(l, [...(starts.get(l) ?? []), d]);
  }
  let named = whole;
  let end = p + wholeLen;
  if (!named.length) {
    const longest = Math.max(0, ...starts.keys());
    const only = starts.get(longest);
    if (!only || only.length !== 1) return null;
    named = only;
    end = p + longest;
  }
  // "luật đất đai 2024", "bộ luật lao động năm 2019": the year picks among versions.
  let at = end;
  if (toks[at]?.folded === 'nam' && isYear(toks[at + 1])) at++;
  if (!isYear(toks[at])) return { end, docs: named, otherVersion: false };
  const year = toks[at]!.folded;
  const ofYear = named.filter((d) => d.year === year);
  return ofYear.length ? { end: at + 1, docs: ofYear, otherVersion: false } : { end: at + 1, docs: named, otherVersion: true };
}

interface ArticleMention {
  article: string;
  clause: string | null;
  point: string | null;
  law: LawMention;
}

/** A number that is an article's or a khoản's: one to three digits, not an amount, an age or a count. */
function citedNumber(toks: Token[], i: number): string | null {
  const t = toks[i];
  if (!t || !/^\d{1,3}$/.test(t.folded) || /^0/.test(t.folded)) return null;
  const next = toks[i + 1];
  if (next && (UNIT_WORDS.has(next.folded) || /^\d/.test(next.folded))) return null;
  return t.folded;
}

function articleMentions(toks: Token[], laws: LawMention[]): ArticleMention[] {
  const out: ArticleMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.folded;
    // "điều 51", "dieu 51"; "đ. 51", "đ51" only right before a law ("đ" alone is many things).
    const short = w === 'd' && (toks[i]!.raw === 'đ' || toks[i]!.raw === 'd');
    if (w !== 'dieu' && !short) continue;
    const article = citedNumber(toks, i + 1);
    if (!article) continue;
    let end = i + 2;
    let clause: string | null = null;
    let point: string | null = null;
    // "Điều 139 khoản 1 điểm a" after it, or "điểm a khoản 1 Điều 139" before it.
    if (toks[end]?.folded === 'khoan' && citedNumber(toks, end + 1)) {
      clause = toks[end + 1]!.folded;
      end += 2;
      if (toks[end]?.folded === 'diem' && isPointLetter(toks[end + 1])) {
        point = toks[end + 1]!.raw;
        end += 2;
      }
    }
    let start = i;
    if (!clause && toks[i - 2]?.folded === 'khoan' && citedNumber(toks, i - 1)) {
      clause = toks[i - 1]!.folded;
      start = i - 2;
      if (toks[start - 2]?.folded === 'diem' && isPointLetter(toks[start - 1])) {
        point = toks[start - 1]!.raw;
        start -= 2;
      }
    }
    const law = lawAfter(toks, end, laws) ?? (short ? null : lawBefore(toks, start, laws));
    if (law) out.push({ article, clause, point, law });
  }
  return out;
}

function isPointLetter(t: Token | undefined): boolean {
  return !!t && /^[a-zđ]$/u.test(t.raw);
}

function lawAfter(toks: Token[], from: number, laws: LawMention[]): LawMention | null {
  let p = from;
  while (p < toks.length && p - from < LINK_GAP && LINKS.has(toks[p]!.folded)) p++;
  return laws.find((l) => l.start === p) ?? null;
}

function lawBefore(toks: Token[], to: number, laws: LawMention[]): LawMention | null {
  let p = to;
  while (p > 0 && to - p < LINK_GAP && LINKS.has(toks[p - 1]!.folded)) p--;
  return laws.find((l) => l.end === p) ?? null;
}

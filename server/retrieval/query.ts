import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOP_SYLLABLES, fold, nfc, syllableMatches, syllables, typedWithoutDiacritics } from '../../ingest/text/vietnamese.js';

/**
 * Turns a question as people type it on a phone ("ck e hay danh e thi lam sao") into search
 * terms: shorthand expanded, colloquial phrases mapped to the law's own words, both matched
 * syllable by syllable so that a syllable typed without dấu matches any accent, while a
 * syllable typed with dấu must match exactly ("tát" ≠ "tất").
 */

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

interface VocabEntry {
  topic: string;
  patterns: string[][]; // each pattern: accented syllables
  expansion: string;
}

function readTsv(file: string): string[][] {
  return fs
    .readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => nfc(l).split('\t').map((c) => c.trim()));
}

let vocab: VocabEntry[] | null = null;
let shorthand: Map<string, string> | null = null;

function loadVocab(): VocabEntry[] {
  vocab ??= readTsv('vocabulary.tsv')
    .filter((r) => r.length >= 3)
    .map(([topic, phrases, expansion]) => ({
      topic: topic!,
      patterns: phrases!.split('|').map((p) => syllables(p)).filter((p) => p.length),
      expansion: expansion!,
    }));
  return vocab;
}

function loadShorthand(): Map<string, string> {
  shorthand ??= new Map(readTsv('colloquial-forms.tsv').filter((r) => r.length >= 2).map(([a, b]) => [fold(a!), b!]));
  return shorthand;
}


/**
 * Finds a phrase in order, allowing a couple of extra words inside it ("giữ hết lương" matches
 * "giữ lương", "lương thấp hơn đồng nghiệp nam" matches "lương thấp hơn nam").
 */
const MAX_GAP = 2;
/** Terms' worth of weight one vocabulary concept may add to a query. */
const CONCEPT_BUDGET = 12;
function findPattern(tokens: string[], pattern: string[], loose: boolean): number {
  for (let i = 0; i + pattern.length <= tokens.length; i++) {
    if (!syllableMatches(tokens[i]!, pattern[0]!, loose)) continue;
    let pos = i + 1;
    let gaps = 0;
    let ok = true;
    for (let j = 1; j < pattern.length && ok; j++) {
      while (pos < tokens.length && !syllableMatches(tokens[pos]!, pattern[j]!, loose) && gaps < MAX_GAP) {
        pos++;
        gaps++;
      }
      ok = pos < tokens.length && syllableMatches(tokens[pos]!, pattern[j]!, loose);
      pos++;
    }
    if (ok) return i;
  }
  return -1;
}

export interface AnalyzedQuery {
  /** Lower-case NFC syllables after shorthand expansion. */
  tokens: string[];
  /** Content syllables of the question, folded (stop syllables removed). */
  terms: string[];
  /** Adjacent syllable pairs of the question, folded and joined ("baoluc"). */
  pairs: string[];
  /** Folded content syllables and pairs from the vocabulary expansion. */
  expansionTerms: string[];
  /** Share (0–1] of the expansion weight each expansion term gets. */
  expansionShare: Map<string, number>;
  /** Matched topics, the one with most matched phrases first. */
  topics: string[];
  /** Human-readable legal phrases that were added. */
  concepts: string[];
  /** The question with the expansion appended: what the embedder sees. */
  expanded: string;
}

export function analyzeQuery(question: string): AnalyzedQuery {
  const sh = loadShorthand();
  const raw = syllables(question);
  const tokens: string[] = [];
  for (const t of raw) {
    const rep = sh.get(fold(t));
    if (rep) tokens.push(...syllables(rep));
    else tokens.push(t);
  }
  const concepts: string[] = [];
  // Mixed messages ("ck e danh e") count as typed without dấu when most syllables carry none.
  const loose = typedWithoutDiacritics(raw);
  const topicHits = new Map<string, number>();
  for (const e of loadVocab()) {
    const n = e.patterns.filter((p) => findPattern(tokens, p, loose) >= 0).length;
    if (!n) continue;
    topicHits.set(e.topic, (topicHits.get(e.topic) ?? 0) + n);
    if (e.expansion !== '-' && !concepts.includes(e.expansion)) concepts.push(e.expansion);
  }
  const child = underAgeMarriage(tokens);
  if (child) {
    topicHits.set('hon_nhan', (topicHits.get('hon_nhan') ?? 0) + 2);
    concepts.push(child);
  }
  // The topic with the most matched phrases first: it decides the answer's next steps.
  const topics = [...topicHits].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const terms = tokens.map(fold).filter((t) => !STOP_SYLLABLES.has(t));
  const pairs = pairsOf(tokens.map(fold));
  // Each concept gets about the same say, however many words its legal phrasing has: a long
  // expansion ("báo tin tố giác tiếp nhận xử lý") must not drown a short one ("quấy rối tình dục").
  const expansionShare = new Map<string, number>();
  for (const c of concepts) {
    const s = syllables(c).map(fold);
    const terms = [...s.filter((t) => !STOP_SYLLABLES.has(t)), ...pairsOf(s)];
    const share = Math.min(1, CONCEPT_BUDGET / Math.max(1, terms.length));
    for (const t of terms) expansionShare.set(t, Math.max(expansionShare.get(t) ?? 0, share));
  }
  const expansionTerms = [...expansionShare.keys()];
  const expanded = [tokens.join(' '), ...concepts].join(' ');
  return { tokens, terms, pairs, expansionTerms, expansionShare, topics, concepts, expanded };
}

/** Adjacent syllables as one token ("bao luc" → "baoluc"), as ingest writes them; not two stop syllables. */
export function pairsOf(folded: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded[i]!;
    const b = folded[i + 1]!;
    if (!(STOP_SYLLABLES.has(a) && STOP_SYLLABLES.has(b))) out.push(a + b);
  }
  return out;
}

/**
 * "con gái 16 tuổi bị ép lấy chồng": a marriage word with an age under 18 is about tảo hôn
 * (the minimum age is 18 for women and 20 for men, Điều 8 Luật Hôn nhân và gia đình).
 */
const MARRIAGE = new Set(['cuoi', 'chong', 'vo', 'gả', 'ga', 'hon']);
function underAgeMarriage(tokens: string[]): string | null {
  const folded = tokens.map(fold);
  const ageAt = folded.findIndex((t, i) => /^\d{1,2}$/.test(t) && Number(t) < 18 && folded[i + 1] === 'tuoi');
  if (ageAt < 0 || !folded.some((t) => MARRIAGE.has(t))) return null;
  return 'tảo hôn chưa đủ tuổi kết hôn điều kiện kết hôn';
}

/** Strip all diacritics (used by the evaluation's --strip-diacritics and by tests). */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

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
  /** Matched topics, most specific first. */
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
  const topics: string[] = [];
  const concepts: string[] = [];
  // Mixed messages ("ck e danh e") count as typed without dấu when most syllables carry none.
  const loose = typedWithoutDiacritics(raw);
  for (const e of loadVocab()) {
    if (e.patterns.some((p) => findPattern(tokens, p, loose) >= 0)) {
      if (!topics.includes(e.topic)) topics.push(e.topic);
      if (e.expansion !== '-' && !concepts.includes(e.expansion)) concepts.push(e.expansion);
    }
  }
  const terms = tokens.map(fold).filter((t) => !STOP_SYLLABLES.has(t));
  const pairs = pairsOf(tokens.map(fold));
  const expansionTerms = concepts.flatMap((c) => {
    const s = syllables(c).map(fold);
    return [...s.filter((t) => !STOP_SYLLABLES.has(t)), ...pairsOf(s)];
  });
  const expanded = [tokens.join(' '), ...concepts].join(' ');
  return { tokens, terms, pairs, expansionTerms, topics, concepts, expanded };
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

/** Strip all diacritics (used by the evaluation's --strip-diacritics and by tests). */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

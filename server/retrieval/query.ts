import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOP_SYLLABLES, fold, nfc, syllables } from '../../ingest/text/vietnamese.js';

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

/** A typed syllable matches a pattern syllable exactly, or loosely when typed without dấu. */
function syllableMatches(typed: string, pattern: string): boolean {
  if (typed === pattern) return true;
  return fold(typed) === typed && fold(pattern) === typed;
}

function findPattern(tokens: string[], pattern: string[]): number {
  outer: for (let i = 0; i + pattern.length <= tokens.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (!syllableMatches(tokens[i + j]!, pattern[j]!)) continue outer;
    return i;
  }
  return -1;
}

export interface AnalyzedQuery {
  /** Lower-case NFC syllables after shorthand expansion. */
  tokens: string[];
  /** Content syllables of the question, folded (stop syllables removed). */
  terms: string[];
  /** Folded content syllables from the vocabulary expansion. */
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
  for (const e of loadVocab()) {
    if (e.patterns.some((p) => findPattern(tokens, p) >= 0)) {
      if (!topics.includes(e.topic)) topics.push(e.topic);
      if (!concepts.includes(e.expansion)) concepts.push(e.expansion);
    }
  }
  const terms = tokens.map(fold).filter((t) => !STOP_SYLLABLES.has(t));
  const expansionTerms = concepts.flatMap((c) => syllables(c).map(fold)).filter((t) => !STOP_SYLLABLES.has(t));
  const expanded = [tokens.join(' '), ...concepts].join(' ');
  return { tokens, terms, expansionTerms, topics, concepts, expanded };
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

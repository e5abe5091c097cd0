import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nfc } from '../../ingest/text/vietnamese.js';

/**
 * The thesaurus of the domain (data/vocabulary.tsv): everyday phrases → the law's concept words,
 * grouped by topic (data/topics.tsv). Read here once for retrieval (query.ts) and for the check
 * (vocabulary-check.ts), so that both see the same rows.
 */

export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export interface VocabRow {
  /** 1-based line in the file, for the check's messages. */
  line: number;
  topic: string;
  /** Written "topic?": the row fires only when another phrase of its topic matched too. */
  conditional: boolean;
  /** Everyday phrasings, as written (NFC). */
  phrases: string[];
  /** The law's concept words, "; " between concepts, or "-" for a row that only recognises the topic. */
  expansion: string;
  /** A message a member might send that this row must read. */
  example: string;
  /** The line was not NFC in the file (it is normalised here; the check reports it). */
  notNfc: boolean;
  /** Columns found on the line. */
  columns: number;
}

export interface TopicRow {
  line: number;
  topic: string;
  description: string;
  /** Names what she asks for (a sanction, whom to tell, who helps), never what her question is about. */
  asks: boolean;
  /** The third column as written, for the check ("asks" or nothing). */
  kind: string;
}

function lines(text: string): { line: number; raw: string }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ line: i + 1, raw: raw.replace(/\r$/, '') }))
    .filter((l) => l.raw.trim() && !l.raw.startsWith('#'));
}

/** Rows of vocabulary.tsv: topic, phrases ("|" between them), expansion, example. */
export function parseVocabulary(text: string): VocabRow[] {
  return lines(text).map(({ line, raw }) => {
    const cells = nfc(raw)
      .split('\t')
      .map((c) => c.trim());
    const topic = cells[0] ?? '';
    return {
      line,
      topic: topic.replace(/\?$/, ''),
      conditional: topic.endsWith('?'),
      phrases: (cells[1] ?? '')
        .split('|')
        .map((p) => p.trim())
        .filter(Boolean),
      expansion: cells[2] ?? '',
      example: cells[3] ?? '',
      notNfc: nfc(raw) !== raw,
      columns: cells.length,
    };
  });
}

/** Rows of topics.tsv: topic, description, and "asks" for a topic of asking words. */
export function parseTopics(text: string): TopicRow[] {
  return lines(text).map(({ line, raw }) => {
    const [topic = '', description = '', kind = ''] = nfc(raw)
      .split('\t')
      .map((c) => c.trim());
    return { line, topic, description, asks: kind === 'asks', kind };
  });
}

export function readVocabulary(dir = DATA_DIR): VocabRow[] {
  return parseVocabulary(fs.readFileSync(path.join(dir, 'vocabulary.tsv'), 'utf8'));
}

export function readTopics(dir = DATA_DIR): TopicRow[] {
  return parseTopics(fs.readFileSync(path.join(dir, 'topics.tsv'), 'utf8'));
}

/** The concepts of an expansion, one per "; " ("-" has none). */
export function conceptsOf(expansion: string): string[] {
  if (expansion === '-') return [];
  return expansion
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
}

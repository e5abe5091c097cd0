import { LsaSpace, type LsaParts } from '../assoc/lsa.js';
import { PairReadingTable } from '../readings.js';
import type { CorpusIndex } from './corpus-index.js';
import { LexicalIndex, type LexicalIndexParts } from './lexical-index.js';

/**
 * A built CorpusIndex as a message between threads: plain data and typed arrays (structured
 * clone), the arrays transferred rather than copied, so that taking a worker's build costs the
 * event loop a few milliseconds of Map rebuilding, not the build itself.
 */
export interface IndexMessage {
  version: string;
  lexical: LexicalIndexParts;
  phrasings: LexicalIndexParts;
  articleOfChunk: Int32Array;
  articleOfPhrasing: Int32Array;
  articleCount: number;
  notes: CorpusIndex['notes'];
  asks: CorpusIndex['asks'];
  docs: CorpusIndex['docs'];
  readings: Map<string, string | string[]>;
  assoc: { lsa: LsaParts; placed: LsaParts | null; articles: Map<string, number>; rowOfChunk: Int32Array; builtMs: number };
  builtMs: number;
}

export function toMessage(idx: CorpusIndex): { message: IndexMessage; transfer: ArrayBuffer[] } {
  const lexical = idx.lexical.toParts();
  const phrasings = idx.phrasings.toParts();
  const lsa = idx.assoc.lsa.toParts();
  const placed = idx.assoc.placed?.toParts() ?? null;
  const message: IndexMessage = {
    version: idx.version,
    lexical,
    phrasings,
    articleOfChunk: idx.articleOfChunk,
    articleOfPhrasing: idx.articleOfPhrasing,
    articleCount: idx.articleCount,
    notes: idx.notes,
    asks: idx.asks,
    docs: idx.docs,
    readings: idx.readings.toParts(),
    assoc: { lsa, placed, articles: idx.assoc.articles, rowOfChunk: idx.assoc.rowOfChunk, builtMs: idx.assoc.builtMs },
    builtMs: idx.builtMs,
  };
  const arrays = [
    lexical.lengths,
    lexical.offsets,
    lexical.postingChunks,
    lexical.postingTf,
    phrasings.lengths,
    phrasings.offsets,
    phrasings.postingChunks,
    phrasings.postingTf,
    idx.articleOfChunk,
    idx.articleOfPhrasing,
    lsa.termVectors,
    lsa.idf,
    lsa.docVectors,
    idx.assoc.rowOfChunk,
    ...(placed ? [placed.termVectors, placed.idf, placed.docVectors] : []),
  ];
  // Each array owns its buffer here (built by Int32Array.from & co.); never list a buffer twice.
  const transfer = [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
  return { message, transfer };
}

export function fromMessage(m: IndexMessage): CorpusIndex {
  return {
    version: m.version,
    lexical: LexicalIndex.fromParts(m.lexical),
    phrasings: LexicalIndex.fromParts(m.phrasings),
    articleOfChunk: m.articleOfChunk,
    articleOfPhrasing: m.articleOfPhrasing,
    articleCount: m.articleCount,
    notes: m.notes,
    asks: m.asks,
    docs: m.docs,
    readings: PairReadingTable.fromParts(m.readings),
    assoc: {
      lsa: LsaSpace.fromParts(m.assoc.lsa),
      ...(m.assoc.placed ? { placed: LsaSpace.fromParts(m.assoc.placed) } : {}),
      articles: m.assoc.articles,
      rowOfChunk: m.assoc.rowOfChunk,
      builtMs: m.assoc.builtMs,
    },
    builtMs: m.builtMs,
  };
}

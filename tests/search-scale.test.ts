import { describe, expect, it } from 'vitest';
import { replicateRows } from '../bench/search-scale.js';
import type { CorpusRows } from '../server/retrieval/index/corpus-index.js';
import { docInfo } from './helpers/doc-info.js';

const rows: CorpusRows = {
  version: '7',
  docs: [docInfo({ id: 'a', number: '1/2020/QH14', title: 'Luật A' })],
  notes: [{ document_id: 'a', article: '1', clause: null, point: null, kind: 'ask', text: 'hỏi gì' }],
  chunks: [
    { id: 3, document_id: 'a', article: '1', section: null, article_title: 'Điều 1', heading: null, clauses: [], search_text: 'x' },
    { id: 9, document_id: 'a', article: '2', section: null, article_title: 'Điều 2', heading: null, clauses: [], search_text: 'y' },
  ],
  readingTexts: ['một', 'hai'],
  readMs: 0,
};

describe('the scaled library of bench/search-scale.ts', () => {
  it('makes every copy a document of its own, with chunk ids apart by a stride', () => {
    const { rows: big, stride } = replicateRows(rows, 3, 'originals');
    expect(stride).toBe(10);
    expect(big.docs.map((d) => d.id)).toEqual(['a', 'a~1', 'a~2']);
    expect(new Set(big.docs.map((d) => d.number)).size).toBe(3);
    expect(big.chunks.map((c) => [c.id, c.document_id])).toEqual([
      [3, 'a'],
      [9, 'a'],
      [13, 'a~1'],
      [19, 'a~1'],
      [23, 'a~2'],
      [29, 'a~2'],
    ]);
    expect(big.chunks.map((c) => c.id % stride)).toEqual([3, 9, 3, 9, 3, 9]);
  });

  it('gives the member notes to the originals, every copy or none, as asked', () => {
    expect(replicateRows(rows, 3, 'originals').rows.notes.map((n) => n.document_id)).toEqual(['a']);
    expect(replicateRows(rows, 3, 'all').rows.notes.map((n) => n.document_id)).toEqual(['a', 'a~1', 'a~2']);
    expect(replicateRows(rows, 3, 'none').rows.notes).toEqual([]);
  });
});

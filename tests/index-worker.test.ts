import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { loadCorpusIndex, type CorpusIndex } from '../server/retrieval/index/corpus-index.js';
import { loadCorpusIndexInWorker } from '../server/retrieval/index/build-in-worker.js';
import { createIndexHolder } from '../server/retrieval/index/holder.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { cloneDb } from './helpers/template-db.js';

/**
 * The search index is rebuilt in a worker thread while the old one answers; what comes back must
 * be the very index this thread would have built, and the holder must use it for rebuilds.
 */
describe('search index built in a worker thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await cloneDb('corpus');
  });
  afterAll(async () => {
    await db?.close();
  });

  const sameIndex = (a: CorpusIndex, b: CorpusIndex) => {
    expect(b.version).toBe(a.version);
    expect(b.lexical.n).toBe(a.lexical.n);
    expect(b.lexical.chunks).toEqual(a.lexical.chunks);
    for (const t of ['ly', 'hon', 'lyhon', 'baoluc', 'thaisan', 'damo']) {
      expect(b.lexical.idf(t)).toBe(a.lexical.idf(t));
      for (const i of [0, 7, a.lexical.n - 1]) expect(b.lexical.frequencies(i, t)).toEqual(a.lexical.frequencies(i, t));
    }
    expect(b.phrasings.n).toBe(a.phrasings.n);
    expect([...b.articleOfChunk]).toEqual([...a.articleOfChunk]);
    expect([...b.articleOfPhrasing]).toEqual([...a.articleOfPhrasing]);
    expect(b.notes).toEqual(a.notes);
    expect(b.docs).toEqual(a.docs);
    expect(b.readings.get('nghi de')).toEqual(a.readings.get('nghi de'));
    expect(b.assoc.lsa.rank).toBe(a.assoc.lsa.rank);
    expect(b.assoc.lsa.termSimilarity('somo', 'damo')).toBeCloseTo(a.assoc.lsa.termSimilarity('somo', 'damo'), 6);
    expect([...b.assoc.rowOfChunk]).toEqual([...a.assoc.rowOfChunk]);
  };

  it('gives the same index as a build on this thread', async () => {
    const here = await loadCorpusIndex(db);
    expect(here.lexical.n).toBeGreaterThan(500);
    sameIndex(here, await loadCorpusIndexInWorker(db));
  });

  it('rebuilds after a change in the worker, the first index on this thread', async () => {
    const calls: string[] = [];
    const holder = createIndexHolder(db, {
      load: (d) => (calls.push('load'), loadCorpusIndex(d)),
      rebuild: (d) => (calls.push('rebuild'), loadCorpusIndexInWorker(d)),
    });
    const first = await holder.current();
    const law = `LUẬT THỬ\nSố: 99/2031/QH15\n\nĐiều 1. Cây lúa nước\nNgười trồng lúa nước được hỗ trợ giống.`;
    // Without an embedder: the rows the index reads are all written (embeddings come later).
    await ingestDocument(db, null, { bytes: Buffer.from(law) });
    const next = await holder.refresh();
    expect(BigInt(next.version)).toBeGreaterThan(BigInt(first.version));
    expect(next.lexical.n).toBe(first.lexical.n + 1);
    expect(next.lexical.df('luanuoc')).toBeGreaterThan(0);
    expect(calls).toEqual(['load', 'rebuild']);
    await holder.stop();
  });
});

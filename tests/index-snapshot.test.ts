import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { buildCorpusIndex, readCorpusRows, type CorpusIndex } from '../server/retrieval/index/corpus-index.js';
import { readSnapshot, snapshotBuilds, snapshotKey, writeSnapshot } from '../server/retrieval/index/snapshot.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import { createIndexHolder } from '../server/retrieval/index/holder.js';
import { HashedEmbedder } from '../ingest/embed/hashed.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { cloneDb } from './helpers/template-db.js';

/**
 * The search index kept in DATA_DIR between starts (server/retrieval/index/snapshot.ts): read back
 * it answers exactly as a fresh build, and a file made from other rows is never used.
 */
describe('search index snapshot', () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await cloneDb('corpus');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieu-luat-snapshot-'));
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const searchWith = (idx: CorpusIndex, q: string) =>
    createRetriever({ db, embedder: new HashedEmbedder(), semantic: false, holder: { current: async () => idx, refresh: async () => idx } }).search(q);

  it('reads back an index that answers as the one built', async () => {
    const rows = await readCorpusRows(db);
    const built = buildCorpusIndex(rows);
    const file = path.join(dir, 'roundtrip.bin');
    const key = snapshotKey(rows)!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await writeSnapshot(file, key, built);
    const read = readSnapshot(file, key)!;
    expect(read.version).toBe(built.version);
    expect(read.lexical.chunks).toEqual(built.lexical.chunks);
    expect(read.notes).toEqual(built.notes);
    expect(read.asks).toEqual(built.asks);
    for (const q of ['chồng đánh vợ bị phạt bao nhiêu', 'nghi de may thang', 'con riêng có được thừa kế không']) {
      expect(await searchWith(read, q)).toEqual(await searchWith(built, q));
    }
    // Another key (other rows or other code), a damaged file, no file: nothing is read.
    expect(readSnapshot(file, 'f'.repeat(64))).toBeNull();
    fs.writeFileSync(path.join(dir, 'damaged.bin'), `${key}\nnot an index`);
    expect(readSnapshot(path.join(dir, 'damaged.bin'), key)).toBeNull();
    expect(readSnapshot(path.join(dir, 'missing.bin'), key)).toBeNull();
  });

  it('is used for the rows it was made from and replaced after a change', async () => {
    const file = path.join(dir, 'search-index.bin');
    const rows = await readCorpusRows(db);
    // A stand-in made from fewer chunks, filed under the real rows' key: if the loader takes it,
    // the file was read rather than the index rebuilt.
    const standIn = buildCorpusIndex({ ...rows, chunks: rows.chunks.slice(0, 100) });
    await writeSnapshot(file, snapshotKey(rows)!, standIn);
    // A write cut short by a crash left its temporary file: the next start removes it.
    const crashed = `${file}.4242.deadbeef.tmp`;
    fs.writeFileSync(crashed, 'half an index');
    const builds = snapshotBuilds(file);
    expect(fs.existsSync(crashed)).toBe(false);
    expect((await builds.load(db)).lexical.n).toBe(100);

    await ingestDocument(db, null, { bytes: Buffer.from(`LUẬT THỬ\nSố: 98/2031/QH15\n\nĐiều 1. Cây lúa nước\nNgười trồng lúa nước được hỗ trợ giống.`) });
    const holder = createIndexHolder(db, builds);
    const fresh = await holder.refresh();
    expect(fresh.lexical.n).toBe(rows.chunks.length + 1);
    await holder.stop();
    // The new build replaced the file: the next start reads it for the new rows.
    await waitFor(() => readSnapshot(file, snapshotKey(rows)!) === null);
    const again = await builds.load(db);
    expect(again.lexical.n).toBe(rows.chunks.length + 1);
    expect(again.version).toBe(fresh.version);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(done()).toBe(true);
}

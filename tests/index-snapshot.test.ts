import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { buildCorpusIndex, readCorpusFingerprint, readCorpusRows, type CorpusIndex } from '../server/retrieval/index/corpus-index.js';
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
    const key = snapshotKey(await readCorpusFingerprint(db))!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await writeSnapshot(file, key, built);
    const read = readSnapshot(file, key)!;
    expect(read.version).toBe(built.version);
    expect(read.lexical.chunks).toEqual(built.lexical.chunks);
    expect(read.notes).toEqual(built.notes);
    expect(read.asks).toEqual(built.asks);
    // The bundled laws' chapters name topics: the space that knows them travels with the index.
    expect(built.assoc.placed?.size).toBeGreaterThan(0);
    expect(read.assoc.placed?.size).toBe(built.assoc.placed?.size);
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
    const key = snapshotKey(await readCorpusFingerprint(db))!;
    await writeSnapshot(file, key, standIn);
    // A write cut short by a crash left its temporary file: the next start removes it.
    const crashed = `${file}.4242.deadbeef.tmp`;
    fs.writeFileSync(crashed, 'half an index');
    const builds = snapshotBuilds(file);
    expect(fs.existsSync(crashed)).toBe(false);
    // Deciding that the kept index fits reads no row into this process (Postgres digests them).
    const statements: string[] = [];
    const watched = { ...db, query: (sql: string, params?: unknown[]) => (statements.push(sql), db.query(sql, params)) } as Db;
    expect((await builds.load(watched)).lexical.n).toBe(100);
    expect(statements.some((s) => /\bsearch_text\b/.test(s) && !/md5/.test(s))).toBe(false);

    await ingestDocument(db, null, { bytes: Buffer.from(`LUẬT THỬ\nSố: 98/2031/QH15\n\nĐiều 1. Cây lúa nước\nNgười trồng lúa nước được hỗ trợ giống.`) });
    const holder = createIndexHolder(db, builds);
    const fresh = await holder.refresh();
    expect(fresh.lexical.n).toBe(rows.chunks.length + 1);
    await holder.stop();
    // The new build replaced the file: the next start reads it for the new rows.
    await waitFor(() => readSnapshot(file, key) === null);
    const again = await builds.load(db);
    expect(again.lexical.n).toBe(rows.chunks.length + 1);
    expect(again.version).toBe(fresh.version);
  });

  it('digests exactly what an index is built from', async () => {
    const before = await readCorpusFingerprint(db);
    expect(before.chunks).toBe((await readCorpusRows(db)).chunks.length);
    expect(await readCorpusFingerprint(db)).toEqual(before);
    // A changed phrasing changes the digest (the version too, but the digest alone must tell).
    const note = await db.query<{ id: string; text: string }>(`select id::text, text from article_notes where kind = 'ask' order by id limit 1`);
    await db.query(`update article_notes set text = text || ' nữa' where id = $1`, [note.rows[0]!.id]);
    const edited = await readCorpusFingerprint(db);
    expect(edited.digest).not.toBe(before.digest);
    await db.query(`update article_notes set text = $2 where id = $1`, [note.rows[0]!.id, note.rows[0]!.text]);
    const restored = await readCorpusFingerprint(db);
    expect(restored.digest).toBe(before.digest);
    expect(snapshotKey(restored)).not.toBe(snapshotKey(before)); // the version moved on
    expect(snapshotKey({ ...restored, version: before.version })).toBe(snapshotKey(before));
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(done()).toBe(true);
}

import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../ingest/embed/hashed.js';
import type { Embedder } from '../ingest/embed/embedder.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import type { Db } from '../store/db.js';
import { bulkLoad, ensureEmbeddings } from '../store/embeddings.js';
import { migrate } from '../store/migrate.js';
import { memoryDb } from './helpers/template-db.js';
import { openPostgres } from '../store/postgres.js';
import { ROOT } from './helpers/app.js';
import { RURAL_LAW } from './fixtures/rural-law.js';

const LAW = fs.readFileSync(path.join(ROOT, 'corpus/luat-binh-dang-gioi-2006.txt'));
const fingerprint = async (db: Db) =>
  (
    await db.query<{ d: string; c: string }>(
      `select (select coalesce(md5(string_agg(d::text, '|' order by id)), '') from documents d) as d,
              (select coalesce(md5(string_agg(c::text, '|' order by id)), '') from chunks c) as c`,
    )
  ).rows[0];

describe('store on PGlite', () => {
  it('applies numbered migrations once and records them', async () => {
    const db = await memoryDb();
    const applied = (await db.query<{ version: string }>('select version from schema_migrations order by version')).rows.map((r) => r.version);
    expect(applied[0]).toBe('001_extensions.sql');
    expect(applied).toEqual([...applied].sort());
    expect(await migrate(db)).toEqual([]);
    const ext = (await db.query<{ extname: string }>('select extname from pg_extension')).rows.map((r) => r.extname);
    expect(ext).toEqual(expect.arrayContaining(['vector', 'unaccent', 'pg_trgm']));
    await db.close();
  });

  it('skips the same content, replaces a new version with the same số hiệu', async () => {
    const db = await memoryDb();
    const emb = new HashedEmbedder(64);
    await ensureEmbeddings(db, emb);
    const first = await ingestDocument(db, emb, { bytes: LAW });
    expect(first).toMatchObject({ status: 'added', number: '73/2006/QH11', articles: 44 });
    const again = await ingestDocument(db, emb, { bytes: LAW });
    expect(again.status).toBe('skipped');
    const amended = Buffer.from(LAW.toString('utf8').replace('Điều 44. Hướng dẫn thi hành', 'Điều 44. Hướng dẫn thi hành (sửa đổi)'));
    const second = await ingestDocument(db, emb, { bytes: amended });
    expect(second).toMatchObject({ status: 'replaced', replacedId: first.documentId });
    const rows = (await db.query<{ n: number }>("select count(*)::int as n from documents where number = '73/2006/QH11'")).rows[0]!;
    expect(rows.n).toBe(1);
    const title = (await db.query<{ article_title: string }>("select article_title from chunks where article = '44'")).rows[0]!;
    expect(title.article_title).toContain('(sửa đổi)');
    await db.close();
  });

  it('writes nothing when the embedder fails or the insert fails half-way', async () => {
    const db = await memoryDb();
    const good = new HashedEmbedder(64);
    await ensureEmbeddings(db, good);
    await ingestDocument(db, good, { bytes: fs.readFileSync(path.join(ROOT, 'corpus/nghi-dinh-56-2017.txt')) });
    const before = await fingerprint(db);

    const failing: Embedder = { id: good.id, dimension: 64, embed: async () => Promise.reject(new Error('provider down')) };
    await expect(ingestDocument(db, failing, { bytes: LAW })).rejects.toThrow('provider down');
    expect(await fingerprint(db)).toEqual(before);

    // A vector of the wrong dimension makes the chunk insert fail after the document row is written.
    const wrongDim: Embedder = { id: good.id, dimension: 64, embed: async (t) => t.map(() => new Array(65).fill(0.1)) };
    await expect(ingestDocument(db, wrongDim, { bytes: LAW })).rejects.toThrow();
    expect(await fingerprint(db)).toEqual(before);
    await db.close();
  });

  it('re-embeds everything when the embedder changes, never mixing vectors', async () => {
    const db = await memoryDb();
    const a = new HashedEmbedder(64);
    await ensureEmbeddings(db, a);
    await ingestDocument(db, a, { bytes: LAW });
    const b = new HashedEmbedder(96);
    const n = await ensureEmbeddings(db, b);
    const chunks = (await db.query<{ n: number }>('select count(*)::int as n from chunks')).rows[0]!.n;
    expect(n).toBe(chunks);
    const state = (await db.query<{ embedder_id: string; dimension: number }>('select embedder_id, dimension from embedder_state')).rows[0]!;
    expect(state).toEqual({ embedder_id: b.id, dimension: 96 });
    const dims = (await db.query<{ d: number }>('select distinct vector_dims(embedding) as d from chunks')).rows.map((r) => r.d);
    expect(dims).toEqual([96]);
    // Starting again with the same embedder does no work.
    expect(await ensureEmbeddings(db, b)).toBe(0);
    await db.close();
  });

  it('keeps an HNSW index only for a semantic embedder, built once after a bulk load into an empty library', async () => {
    const db = await memoryDb();
    const indexed = async () => (await db.query(`select 1 from pg_indexes where indexname = 'chunks_embedding_idx'`)).rows.length === 1;
    const offline = new HashedEmbedder(64);
    await ensureEmbeddings(db, offline);
    expect(await indexed()).toBe(false);
    const provider: Embedder = { id: 'test-provider', dimension: 64, semantic: true, embed: (t) => offline.embed(t) };
    await ensureEmbeddings(db, provider);
    expect(await indexed()).toBe(true);

    let during: boolean | null = null;
    await bulkLoad(db, async () => {
      during = await indexed();
      await ingestDocument(db, provider, { bytes: LAW });
    });
    expect(during).toBe(false);
    expect(await indexed()).toBe(true);
    const near = await db.query<{ id: number }>(`select id from chunks order by embedding <=> (select embedding from chunks order by id limit 1) limit 1`);
    expect(near.rows).toHaveLength(1);
    // Into a library that already has chunks, the index stays (no rebuild of everything for a few files).
    await bulkLoad(db, async () => {
      during = await indexed();
    });
    expect(during).toBe(true);
    // Back to the offline embedder: its vectors are never searched, so no index is kept.
    await ensureEmbeddings(db, offline);
    expect(await indexed()).toBe(false);
    await db.close();
  });

  it('refreshes planner statistics when the library has grown by a fifth, not after every file', async () => {
    const db = await memoryDb();
    const emb = new HashedEmbedder(64);
    await ensureEmbeddings(db, emb);
    const analyzed = async () => (await db.query<{ n: number }>(`select reltuples::int as n from pg_class where relname = 'chunks'`)).rows[0]!.n;
    const total = async () => (await db.query<{ n: number }>('select count(*)::int as n from chunks')).rows[0]!.n;
    await ingestDocument(db, emb, { bytes: LAW });
    const first = await total();
    expect(await analyzed()).toBe(first);
    // A small law (fewer than 50 + 20 % more chunks) leaves the statistics as they were …
    const small = await ingestDocument(db, emb, { bytes: Buffer.from(RURAL_LAW) });
    expect(small.chunks).toBeLessThan(50 + 0.2 * first);
    expect(await analyzed()).toBe(first);
    // … a decree that grows the library past that refreshes them.
    const big = await ingestDocument(db, emb, { bytes: fs.readFileSync(path.join(ROOT, 'corpus/nghi-dinh-56-2017.txt')) });
    expect(small.chunks + big.chunks).toBeGreaterThan(50 + 0.2 * first);
    expect(await analyzed()).toBe(await total());
    await db.close();
  });
});

describe('store on a Postgres server through pg (PGlite served over the wire protocol)', () => {
  let server: PGLiteSocketServer | undefined;
  let pglite: PGlite | undefined;
  afterAll(async () => {
    await server?.stop();
    await pglite?.close();
  });

  it('runs the same migrations, ingest and hybrid search over a real socket', async () => {
    pglite = await PGlite.create({ extensions: { vector, unaccent, pg_trgm } });
    server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
    await server.start();
    const conn = server.getServerConn();
    // PGlite is one session: a single pooled connection keeps transactions from interleaving.
    const db = await openPostgres(`postgres://postgres:postgres@${conn}/postgres`, { max: 1 });
    expect(db.backend).toBe('postgres');
    expect((await migrate(db)).length).toBeGreaterThan(3);
    const emb = new HashedEmbedder(64);
    await ensureEmbeddings(db, emb);
    const r = await ingestDocument(db, emb, { bytes: LAW });
    expect(r.articles).toBe(44);
    const hits = await createRetriever({ db, embedder: emb, semantic: false }).search('lương của lao động nữ thấp hơn lao động nam', { k: 5 });
    expect(hits.hits[0]!.document.number).toBe('73/2006/QH11');
    await db.close();
  });
});

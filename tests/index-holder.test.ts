import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../ingest/embed/create.js';
import type { Embedder } from '../ingest/embed/embedder.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { createRetriever, type IndexedRetriever } from '../server/retrieval/hybrid.js';
import type { Db } from '../store/db.js';
import { memoryDb } from './helpers/template-db.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { testConfig } from './helpers/app.js';

/**
 * The in-memory index is rebuilt off the request path (server/retrieval/index/holder.ts): a
 * search reads no version from the database and never waits for a build once an index exists;
 * news of a change arrives by NOTIFY (and a 1 s poll), and the new index replaces the old whole.
 */

const BEES = `QUỐC HỘI\nSố: 88/2031/QH15\n\nLUẬT\nNUÔI ONG LẤY MẬT\n\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về nuôi ong lấy mật ở vùng trung du.\nĐiều 2. Hỗ trợ tổ hợp tác nuôi ong\n1. Tổ hợp tác nuôi ong của phụ nữ được hỗ trợ mua thùng ong và cầu ong giống.\n`;
const QUESTION = 'tổ hợp tác nuôi ong được hỗ trợ thùng ong';

let db: Db;
let embedder: Embedder;
let retriever: IndexedRetriever;
const statements: string[] = [];

beforeAll(async () => {
  db = await memoryDb();
  embedder = await createEmbedder(testConfig().embedder);
  await ingestDocument(db, embedder, { bytes: Buffer.from(RURAL_LAW, 'utf8'), origin: 'cli' });
  // Every statement the retriever sends, to show what a search costs the database.
  const counted: Db = { ...db, query: (sql, params) => (statements.push(sql), db.query(sql, params)) } as Db;
  retriever = createRetriever({ db: counted, embedder, semantic: false });
  await retriever.refresh();
});

afterAll(async () => {
  await db?.close();
});

const bees = async () => (await retriever.search(QUESTION, { k: 3 })).hits.some((h) => h.document.number === '88/2031/QH15');

describe('the in-memory index off the request path', () => {
  it('a search reads only the hits’ text from the database, not the corpus version, and only once', async () => {
    statements.length = 0;
    const r = await retriever.search('phụ nữ nông thôn được vay vốn ưu đãi', { k: 3 });
    expect(r.hits[0]).toMatchObject({ document: { number: '77/2030/QH15' }, article: '2' });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from chunks where id = any/);
    // The same articles again: their rows are kept (a chunk row never changes), no statement at all.
    statements.length = 0;
    const again = await retriever.search('phụ nữ nông thôn được vay vốn ưu đãi', { k: 3 });
    expect(statements).toEqual([]);
    expect(again.hits.map((h) => [h.chunkId, h.text, h.clauses])).toEqual(r.hits.map((h) => [h.chunkId, h.text, h.clauses]));
  });

  it('after a change, searches answer from the old index at once and then from the new one, with no refresh', async () => {
    expect(await bees()).toBe(false);
    await ingestDocument(db, embedder, { bytes: Buffer.from(BEES, 'utf8'), origin: 'cli' });
    const changed = performance.now();
    // The first search after the write does not wait for the build: the old index answers.
    expect(await bees()).toBe(false);
    // Then the new one, with no refresh asked for (about a second; the bound is generous for a loaded machine).
    let found = false;
    while (!found && performance.now() - changed < 20_000) {
      await new Promise((r) => setTimeout(r, 50));
      found = await bees();
    }
    expect(found).toBe(true);
  });

  it('refresh() waits for the database’s current version (what an upload does before it answers)', async () => {
    const before = await retriever.refresh();
    await db.query(`update documents set status = 'expired' where number = '88/2031/QH15'`);
    const after = await retriever.refresh();
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    // Expired documents are left out of current-law answers: the new index knows at once.
    expect(await bees()).toBe(false);
  });

  it('a new index answers with its spellings already derived, not inside the first search', async () => {
    await ingestDocument(db, embedder, { bytes: Buffer.from(BEES.replace('88/2031', '89/2031'), 'utf8'), origin: 'cli' });
    await retriever.refresh();
    const idx = await retriever.current();
    expect(idx.readings.prepared).toBe(true);
    expect(idx.readings.spellings('nuoi')?.get('nuôi')).toBeGreaterThan(0);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNKER_VERSION } from '../ingest/chunk/chunker.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { sha256 } from '../ingest/names.js';
import { originalPath } from '../server/admin/originals.js';
import { createServices } from '../server/bootstrap.js';
import { recutStaleUploads } from '../server/library/recut.js';
import type { Services } from '../server/services.js';
import { PLAN } from './fixtures/plans.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { testConfig } from './helpers/app.js';
import { memoryDb } from './helpers/template-db.js';

/**
 * Officials' uploads cut by an older chunker are cut again from their kept originals, as the
 * bundled laws are: a plan uploaded before a parser fix gets the fix without a new upload.
 */
describe('uploads cut by an older chunker are cut again from their kept originals', () => {
  let dir: string;
  let services: Services;
  let planId: string;
  let lawId: string;
  const chunks = async (id: string) =>
    (await services.db.query<{ id: number; text: string }>('select id, text from chunks where document_id = $1 order by ordinal', [id])).rows;
  const row = async (id: string) =>
    (await services.db.query<{ title: string; chunker_version: number }>('select title, chunker_version from documents where id = $1', [id])).rows[0]!;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-recut-'));
    services = await createServices(testConfig({ DATA_DIR: dir, AUTO_INGEST: '0' }), { db: await memoryDb() });
    const plan = Buffer.from(PLAN);
    planId = (await ingestDocument(services.db, services.embedder, { bytes: plan, filename: 'ke-hoach.txt', origin: 'upload' })).documentId;
    // The plan's original is kept, as the upload route keeps it; the law's is not (uploaded elsewhere).
    fs.mkdirSync(path.dirname(originalPath(dir, sha256(plan))), { recursive: true });
    fs.writeFileSync(originalPath(dir, sha256(plan)), plan);
    lawId = (await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(RURAL_LAW), filename: 'luat.txt', origin: 'upload' })).documentId;
  });
  afterAll(async () => {
    await services?.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves current uploads alone', async () => {
    expect(await recutStaleUploads(services)).toEqual([]);
  });

  it('cuts a stale upload again from its original, keeping what the officials edited, and audits it', async () => {
    const right = (await chunks(planId)).map((c) => c.text);
    // As a deployment from before: both uploads of version 0, the plan's first chunk cut wrong,
    // and its title edited by an official since.
    await services.db.query('update documents set chunker_version = 0');
    const first = (await chunks(planId))[0]!;
    await services.db.query(`update chunks set text = 'cắt sai' where id = $1`, [first.id]);
    await services.db.query(`update documents set title = 'Kế hoạch hỗ trợ phụ nữ (tên cán bộ sửa)' where id = $1`, [planId]);
    const lawChunks = await chunks(lawId);

    const out = await recutStaleUploads(services);
    expect(out).toEqual([
      { documentId: planId, result: 'rebuilt' },
      { documentId: lawId, result: 'no-original' },
    ]);
    expect((await chunks(planId)).map((c) => c.text)).toEqual(right);
    expect(await row(planId)).toEqual({ title: 'Kế hoạch hỗ trợ phụ nữ (tên cán bộ sửa)', chunker_version: CHUNKER_VERSION });
    // Without its original an upload keeps its chunks and its version, for an official to re-index;
    // its search text was already current, so nothing was written.
    expect(await chunks(lawId)).toEqual(lawChunks);
    expect((await row(lawId)).chunker_version).toBe(0);
    const audit = await services.db.query<{ action: string; target_id: string; actor_id: string | null }>(
      `select action, target_id, actor_id from audit_log where action = 'document.recut'`,
    );
    expect(audit.rows).toEqual([{ action: 'document.recut', target_id: planId, actor_id: null }]);
  });

  it('derives the search text again for an upload without its original, keeping its chunks', async () => {
    // As a deployment whose search text was made before a reading changed ("%" not yet "phần trăm").
    await services.db.query('update documents set chunker_version = 0 where id = $1', [lawId]);
    const before = await chunks(lawId);
    const searchTexts = async () =>
      (await services.db.query<{ search_text: string }>('select search_text from chunks where document_id = $1 order by ordinal', [lawId])).rows.map(
        (r) => r.search_text,
      );
    const current = await searchTexts();
    await services.db.query(`update chunks set search_text = 'cu' where id = $1`, [before[0]!.id]);

    const out = await recutStaleUploads(services);
    expect(out.find((o) => o.documentId === lawId)).toEqual({ documentId: lawId, result: 'search-text' });
    expect(await searchTexts()).toEqual(current);
    expect(await chunks(lawId)).toEqual(before);
    expect((await row(lawId)).chunker_version).toBe(0);
    const audit = await services.db.query<{ target_id: string; details: { chunks: number } }>(
      `select target_id, details from audit_log where action = 'document.search-text'`,
    );
    expect(audit.rows).toEqual([{ target_id: lawId, details: { chunks: 1 } }]);
    // Once current, the next start writes nothing.
    expect((await recutStaleUploads(services)).find((o) => o.documentId === lawId)).toEqual({ documentId: lawId, result: 'no-original' });
  });

  it('records the version without rewriting chunks that come out the same', async () => {
    await services.db.query('update documents set chunker_version = 0 where id = $1', [planId]);
    const ids = (await chunks(planId)).map((c) => c.id);
    const out = await recutStaleUploads(services);
    expect(out.find((o) => o.documentId === planId)).toEqual({ documentId: planId, result: 'unchanged' });
    expect((await chunks(planId)).map((c) => c.id)).toEqual(ids);
    expect((await row(planId)).chunker_version).toBe(CHUNKER_VERSION);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUploads, type UploadFile } from '../server/library/uploads.js';
import { originalPath } from '../server/admin/originals.js';
import { sha256 } from '../ingest/names.js';
import type { Services } from '../server/services.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { addOfficial, officialsApp } from './helpers/officials.js';

/**
 * The upload use case without HTTP (issue 17): the document, its uploads row and its audit entry
 * commit together or not at all. A failure is forced in the real database (a trigger refusing the
 * audit entry), not by a stand-in.
 */

const quiet = { warn: () => {}, error: () => {} };

describe('library upload service', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let services: Services;
  let actor: { id: string; email: string };
  let n = 0;

  /** Writes `text` where the route would have received it. */
  function received(text: string, filename = 'luat.txt'): UploadFile {
    const tmpPath = path.join(ctx.dataDir, `received-${n++}.part`);
    fs.writeFileSync(tmpPath, text);
    return { tmpPath, filename, size: Buffer.byteLength(text) };
  }

  async function uploadRow(id: string) {
    return (
      await services.db.query<{ state: string; result: string | null; error_code: string | null; document_id: string | null }>(
        'select state, result, error_code, document_id from uploads where id = $1',
        [id],
      )
    ).rows[0];
  }
  const auditActions = async (uploadId: string) =>
    (
      await services.db.query<{ action: string }>(`select action from audit_log where details->>'uploadId' = $1 or target_id = $1 order by id`, [uploadId])
    ).rows.map((r) => r.action);

  beforeAll(async () => {
    ctx = await officialsApp();
    services = ctx.services;
    const user = await addOfficial(services, 'bientap-dichvu@hoiphunu.vn', 'editor');
    actor = { id: user.id, email: user.email };
  });
  afterAll(async () => ctx?.close());

  it('adds a document with its uploads row and audit entry, then skips the same bytes', async () => {
    const uploads = createUploads(services, quiet);
    const [added] = await uploads.upload([received(RURAL_LAW)], {}, actor);
    expect(added).toMatchObject({ state: 'indexed', result: 'added', errorCode: null });
    expect(await uploadRow(added!.id)).toMatchObject({ state: 'indexed', result: 'added', document_id: added!.documentId });
    expect(await auditActions(added!.id)).toEqual(['document.upload']);
    expect(fs.existsSync(originalPath(ctx.dataDir, sha256(Buffer.from(RURAL_LAW))))).toBe(true);

    const [again] = await uploads.upload([received(RURAL_LAW, 'ban-sao.txt')], {}, actor);
    expect(again).toMatchObject({ state: 'indexed', result: 'skipped', documentId: added!.documentId });
    expect(await uploadRow(again!.id)).toMatchObject({ state: 'indexed', result: 'skipped' });
    expect(await auditActions(again!.id)).toEqual(['document.upload']);

    const listed = await uploads.list(10);
    expect(listed.map((u) => u.id)).toEqual(expect.arrayContaining([added!.id, again!.id]));
    expect(listed.find((u) => u.id === added!.id)).toMatchObject({ uploadedBy: actor.email, documentTitle: added!.documentTitle });
  });

  it('stores no document when its audit entry cannot be written: the upload is an error, audited as failed', async () => {
    await services.db.query(`
      create function refuse_upload_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'document.upload' then raise exception 'audit refused (test)'; end if;
        return new;
      end $$`);
    await services.db.query(`create trigger refuse_upload_audit before insert on audit_log for each row execute function refuse_upload_audit();`);
    try {
      const other = RURAL_LAW.replace('77/2030/QH15', '78/2030/QH15').replace('HỖ TRỢ PHỤ NỮ NÔNG THÔN', 'HỖ TRỢ PHỤ NỮ MIỀN NÚI');
      const [failed] = await createUploads(services, quiet).upload([received(other)], {}, actor);
      expect(failed).toMatchObject({ state: 'error', errorCode: 'internal', documentId: null });
      const docs = await services.db.query(`select id from documents where number = '78/2030/QH15'`);
      expect(docs.rows).toHaveLength(0);
      expect(await uploadRow(failed!.id)).toMatchObject({ state: 'error', error_code: 'internal', document_id: null });
      expect(await auditActions(failed!.id)).toEqual(['document.upload_failed']);
    } finally {
      await services.db.query('drop trigger refuse_upload_audit on audit_log');
      await services.db.query('drop function refuse_upload_audit()');
    }
  });

  it('refuses a số hiệu for several files at once, before anything is written', async () => {
    const before = (await services.db.query<{ n: number }>('select count(*)::int as n from uploads')).rows[0]!.n;
    await expect(createUploads(services, quiet).upload([received(RURAL_LAW), received(RURAL_LAW)], { number: '1/2030/QH15' }, actor)).rejects.toMatchObject({
      code: 'invalid:metadata',
    });
    expect((await services.db.query<{ n: number }>('select count(*)::int as n from uploads')).rows[0]!.n).toBe(before);
  });
});

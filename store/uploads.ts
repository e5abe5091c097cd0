import type { Queryable } from './db.js';

/** One uploaded file's bookkeeping row (migration 014): what happened to it, for the console's list. */
export interface UploadRow {
  id: string;
  filename: string;
  size_bytes: number;
  state: 'processing' | 'indexed' | 'error';
  result: 'added' | 'replaced' | 'skipped' | null;
  document_id: string | null;
  /** The document's current title (joined), null once the document is gone. */
  title: string | null;
  error: string | null;
  error_code: string | null;
  articles: number | null;
  chunks: number | null;
  /** The uploader's email (joined), null once the account is gone. */
  email: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export async function insertUpload(q: Queryable, u: { id: string; filename: string; size: number; uploadedBy: string }): Promise<void> {
  await q.query('insert into uploads (id, filename, size_bytes, uploaded_by) values ($1, $2, $3, $4)', [u.id, u.filename, u.size, u.uploadedBy]);
}

export async function markUploadIndexed(
  q: Queryable,
  id: string,
  r: { result: 'added' | 'replaced' | 'skipped'; sha: string; documentId: string; articles: number; chunks: number },
): Promise<void> {
  await q.query(
    `update uploads set state = 'indexed', result = $2, sha256 = $3, document_id = $4, articles = $5, chunks = $6, updated_at = now() where id = $1`,
    [id, r.result, r.sha, r.documentId, r.articles, r.chunks],
  );
}

export async function markUploadFailed(q: Queryable, id: string, code: string, message: string): Promise<void> {
  await q.query(`update uploads set state = 'error', error_code = $2, error = $3, updated_at = now() where id = $1`, [id, code, message]);
}

/** Uploads still `processing` that started at least `olderThanSec` ago are from a process that died. */
export async function markInterruptedUploads(q: Queryable, olderThanSec: number, message: string): Promise<void> {
  await q.query(
    `update uploads set state = 'error', error_code = 'internal:interrupted', error = $2, updated_at = now()
     where state = 'processing' and created_at <= now() - make_interval(secs => $1)`,
    [olderThanSec, message],
  );
}

export async function listUploads(q: Queryable, limit: number): Promise<UploadRow[]> {
  const r = await q.query<UploadRow>(
    `select up.id, up.filename, up.size_bytes, up.state, up.result, up.document_id, d.title, up.error, up.error_code,
            up.articles, up.chunks, u.email, up.created_at, up.updated_at
       from uploads up left join documents d on d.id = up.document_id left join users u on u.id = up.uploaded_by
      order by up.created_at desc limit $1`,
    [limit],
  );
  return r.rows;
}

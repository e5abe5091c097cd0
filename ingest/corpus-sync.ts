import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db.js';
import { replaceNotes } from '../store/article-notes.js';
import { bulkLoad } from '../store/embeddings.js';
import { chunkerVersionOf, findDocumentByNumber, findDocumentBySha } from '../store/documents.js';
import { CHUNKER_VERSION } from './chunk/chunker.js';
import type { Embedder } from './embed/embedder.js';
import { IngestError } from './errors.js';
import { listInputs } from './folder.js';
import { sha256 } from './names.js';
import { notesFileFor, parseNotes } from './notes/notes-file.js';
import { extractMetadata } from './parse/metadata.js';
import { ingestDocument, recutDocument } from './pipeline.js';

/**
 * Brings the store up to date with the bundled corpus at every start, so an existing deployment
 * picks up newly bundled laws and edited notes without a rebuild:
 * - a file whose bytes are already stored is left alone (by SHA-256, without parsing it), unless
 *   an older chunker cut it (documents.chunker_version below CHUNKER_VERSION): it is parsed again
 *   and, when its chunks come out different, they are replaced ('rebuilt'; the row, its id and
 *   its notes stay);
 * - a new file is ingested; one whose số hiệu is stored from an older bundled file replaces it;
 *   a version an official uploaded (origin upload/cli) is kept — the official's text wins;
 * - the file's notes (corpus/articles/<name>.tsv) are reloaded when their hash changed.
 */
export interface SyncOutcome {
  file: string;
  document: 'added' | 'replaced' | 'rebuilt' | 'unchanged' | 'kept-official' | 'failed';
  notes: 'loaded' | 'unchanged' | 'none' | 'invalid';
  error?: string;
}

/** `embedder` null: chunks are stored without vectors, for the server's background job to make. */
export async function syncBundledCorpus(
  db: Db,
  embedder: Embedder | null,
  dirs: string[],
  opts: { onFile?: (o: SyncOutcome, i: number, total: number) => void } = {},
): Promise<SyncOutcome[]> {
  const files = listInputs(dirs.filter((d) => fs.existsSync(d)));
  // A first start fills an empty library: the vector index is built once at the end.
  return bulkLoad(db, async () => {
    const out: SyncOutcome[] = [];
    for (const [i, file] of files.entries()) {
      const o = await syncFile(db, embedder, file);
      out.push(o);
      opts.onFile?.(o, i, files.length);
    }
    return out;
  });
}

async function syncFile(db: Db, embedder: Embedder | null, file: string): Promise<SyncOutcome> {
  const bytes = fs.readFileSync(file);
  const sha = sha256(bytes);
  let documentId: string;
  let document: SyncOutcome['document'];
  const stored = await findDocumentBySha(db, sha);
  if (stored) {
    documentId = stored.id;
    document = 'unchanged';
    if (stored.origin === 'corpus' && (await chunkerVersionOf(db, stored.id)) < CHUNKER_VERSION) {
      try {
        document = await recutDocument(db, embedder, stored.id, { bytes, filename: path.basename(file), origin: 'corpus' });
      } catch (err) {
        // The chunks the older chunker made still serve; the next start tries again.
        return { file, document, notes: await syncNotes(db, documentId, file), error: (err as Error).message };
      }
    }
  } else {
    const number = /\.txt$/i.test(file) ? extractMetadata(bytes.toString('utf8')).number : undefined;
    const byNumber = number ? await findDocumentByNumber(db, number) : null;
    if (byNumber && byNumber.origin !== 'corpus') {
      documentId = byNumber.id;
      document = 'kept-official';
    } else {
      try {
        const r = await ingestDocument(db, embedder, { bytes, filename: path.basename(file), origin: 'corpus' });
        documentId = r.documentId;
        document = r.status === 'replaced' ? 'replaced' : r.status === 'added' ? 'added' : 'unchanged';
      } catch (err) {
        const detail = err instanceof IngestError ? `${err.code}: ${err.message}` : (err as Error).message;
        return { file, document: 'failed', notes: 'none', error: detail };
      }
    }
  }
  // Notes written for the bundled text do not describe an official's other version.
  if (document === 'kept-official') return { file, document, notes: 'none' };
  return { file, document, notes: await syncNotes(db, documentId, file) };
}

async function syncNotes(db: Db, documentId: string, file: string): Promise<SyncOutcome['notes']> {
  const notesFile = notesFileFor(file);
  if (!notesFile) return 'none';
  const text = fs.readFileSync(notesFile, 'utf8');
  const sha = sha256(text);
  const current = await db.query<{ notes_sha: string | null }>('select notes_sha from documents where id = $1', [documentId]);
  if (current.rows[0]?.notes_sha === sha) return 'unchanged';
  const parsed = parseNotes(text);
  // A malformed row is reported by `npm run notes:check`; the rows that parse still help members.
  await db.transaction(async (tx) => {
    await replaceNotes(tx, documentId, 'bundled', parsed.rows);
    await tx.query('update documents set notes_sha = $2 where id = $1', [documentId, sha]);
  });
  return parsed.errors.length ? 'invalid' : 'loaded';
}

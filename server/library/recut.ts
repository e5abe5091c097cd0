import { CHUNKER_VERSION } from '../../ingest/chunk/chunker.js';
import { recutDocument } from '../../ingest/pipeline.js';
import { chunkerVersionOf, getDocument } from '../../store/documents.js';
import { readOriginal } from '../admin/originals.js';
import { audit } from '../audit/log.js';
import type { Services } from '../services.js';
import { officialMetadata } from './reindex.js';

export interface RecutOutcome {
  documentId: string;
  /** 'rebuilt': its chunks changed; 'unchanged': the same chunks, only the version recorded; 'no-original': the file was not kept here. */
  result: 'rebuilt' | 'unchanged' | 'no-original' | 'failed';
  error?: string;
}

/**
 * Officials' uploads cut by an older chunker are cut again from their kept original
 * (DATA_DIR/originals), as the bundled laws are at every start (ingest/corpus-sync.ts): a parser
 * fix reaches the province's plans without an official re-uploading them. Their metadata as the
 * officials left it wins over the file's, and their notes and confirmed contacts stay (the document
 * row is kept). An upload whose original this instance does not hold keeps its chunks; an official
 * can still re-index it from the console. Meant to run after start-up, in the background: a
 * scanned plan is read by OCR again. Another instance may be cutting the same document: each one
 * is read again just before, and one already current is skipped.
 */
export async function recutStaleUploads(s: Pick<Services, 'db' | 'embedder' | 'embeddings' | 'config'>): Promise<RecutOutcome[]> {
  const { db, config } = s;
  const stale = await db.query<{ id: string }>(`select id from documents where origin <> 'corpus' and chunker_version < $1 order by created_at`, [
    CHUNKER_VERSION,
  ]);
  const out: RecutOutcome[] = [];
  for (const { id } of stale.rows) {
    const doc = await getDocument(db, id);
    const version = await chunkerVersionOf(db, id);
    if (!doc || version >= CHUNKER_VERSION) continue;
    const bytes = readOriginal(config.dataDir, doc.sha256);
    if (!bytes) {
      out.push({ documentId: id, result: 'no-original' });
      continue;
    }
    try {
      // With a provider the chunks are stored without vectors, for the background job to make.
      const result = await recutDocument(db, s.embeddings ? null : s.embedder, id, { bytes, overrides: officialMetadata(doc) }, (tx, p) =>
        audit(tx, null, 'document.recut', { type: 'document', id }, { from: version, to: CHUNKER_VERSION, chunks: p.chunks.length }),
      );
      out.push({ documentId: id, result });
    } catch (err) {
      // Its chunks from the older chunker still serve; the next start tries again.
      out.push({ documentId: id, result: 'failed', error: (err as Error).message });
    }
  }
  if (out.some((o) => o.result === 'rebuilt')) s.embeddings?.kick();
  return out;
}

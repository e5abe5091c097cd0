import { CHUNKER_VERSION } from '../../ingest/chunk/chunker.js';
import { recutDocument, searchText } from '../../ingest/pipeline.js';
import { refreshSearchText } from '../../store/chunks.js';
import { chunkerVersionOf, getDocument } from '../../store/documents.js';
import { readOriginal } from '../admin/originals.js';
import { audit } from '../audit/log.js';
import type { Services } from '../services.js';
import { officialMetadata } from './reindex.js';

export interface RecutOutcome {
  documentId: string;
  /**
   * 'rebuilt': its chunks changed; 'unchanged': the same chunks, only the version recorded;
   * 'search-text': the file was not kept here, so its chunks stay but what search reads of them
   * was derived again; 'no-original': the file was not kept here and search already read it so.
   */
  result: 'rebuilt' | 'unchanged' | 'search-text' | 'no-original' | 'failed';
  error?: string;
}

/**
 * Officials' uploads cut by an older chunker are cut again from their kept original
 * (DATA_DIR/originals), as the bundled laws are at every start (ingest/corpus-sync.ts): a parser
 * fix reaches the province's plans without an official re-uploading them. Their metadata as the
 * officials left it wins over the file's, and their notes and confirmed contacts stay (the document
 * row is kept). An upload whose original this instance does not hold keeps its chunks (and its
 * chunker version, so an official can still re-index it from the console), but what search reads
 * of them (chunks.search_text) is derived again from their text: a reading of the text fixed since
 * ("%" read as "phần trăm") reaches it without the file. Meant to run after start-up, in the background: a
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
      const changed = await db.transaction(async (tx) => {
        const n = await refreshSearchText(tx, id, searchText);
        if (n) await audit(tx, null, 'document.search-text', { type: 'document', id }, { chunks: n });
        return n;
      });
      out.push({ documentId: id, result: changed ? 'search-text' : 'no-original' });
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

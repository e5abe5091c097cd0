import { reparseDocument } from '../../ingest/pipeline.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { getDocument, type DocumentRow } from '../../store/documents.js';
import { clearEmbeddings, ensureEmbeddings } from '../../store/embeddings.js';
import { readOriginal } from '../admin/originals.js';
import { audit, type Actor } from '../audit/log.js';
import { notFound } from '../errors.js';
import type { Services } from '../services.js';

export interface ReindexResult {
  documentId: string;
  /** Parsed again from the kept original, or (without one) only embedded again. */
  mode: 'reparsed' | 'reembedded';
  articles: number;
  chunks: number;
  embedded: number;
}

/**
 * Re-indexes one document with today's parser and embedder (the library's re-index use case):
 * from the kept original through the ingest pipeline's own tail, or, when the original was not
 * kept, by embedding its stored chunks again. The audit entry commits with the change.
 */
export async function reindexDocument(s: Pick<Services, 'db' | 'embedder' | 'config'>, id: string, actor: Actor): Promise<ReindexResult> {
  const { db, embedder, config } = s;
  const doc = await getDocument(db, id);
  if (!doc) throw notFound('document', 'Không tìm thấy văn bản này.');
  const bytes = readOriginal(config.dataDir, doc.sha256);
  const target = { type: 'document', id: doc.id };
  if (bytes) {
    const overrides = officialMetadata(doc);
    const p = await reparseDocument(db, embedder, doc.id, { bytes, overrides }, (tx, p) =>
      audit(tx, actor, 'document.reindex', target, { mode: 'reparsed', chunks: p.chunks.length }),
    );
    return { documentId: doc.id, mode: 'reparsed', articles: p.structure.articles.length, chunks: p.chunks.length, embedded: p.chunks.length };
  }
  await db.transaction(async (tx) => {
    await clearEmbeddings(tx, doc.id);
    await audit(tx, actor, 'document.reindex', target, { mode: 'reembedded', chunks: doc.chunk_count });
  });
  // The provider is called outside the transaction (PGlite has one connection).
  const embedded = await ensureEmbeddings(db, embedder);
  return { documentId: doc.id, mode: 'reembedded', articles: doc.article_count, chunks: doc.chunk_count, embedded };
}

/** The metadata an official sees and may have edited: it wins over what the parser reads from the file. */
export function officialMetadata(doc: DocumentRow): DocumentMeta {
  return {
    title: doc.title,
    number: doc.number ?? undefined,
    type: doc.type,
    issuer: doc.issuer ?? undefined,
    issued: doc.issued ?? undefined,
    effective: doc.effective ?? undefined,
    status: doc.status,
    scope: doc.scope ?? undefined,
    period: doc.period ?? undefined,
    periodStart: doc.period_start ?? undefined,
    periodEnd: doc.period_end ?? undefined,
  };
}

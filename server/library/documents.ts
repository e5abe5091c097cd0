import { deleteDocument, getDocument, retireDocument as markExpired, type DocumentRow } from '../../store/documents.js';
import { removeOriginal } from '../admin/originals.js';
import { audit, type Actor } from '../audit/log.js';
import { notFound } from '../errors.js';
import type { Services } from '../services.js';

const missing = () => notFound('document', 'Không tìm thấy văn bản này.');

/**
 * Marks a document hết hiệu lực: kept for historic questions, no longer cited by default. The
 * audit entry (with the status it had) commits with the change.
 */
export async function retireDocument(s: Pick<Services, 'db'>, id: string, actor: Actor): Promise<DocumentRow> {
  const done = await s.db.transaction(async (tx) => {
    const previous = await markExpired(tx, id);
    if (previous === null) return false;
    await audit(tx, actor, 'document.retire', { type: 'document', id }, { previousStatus: previous });
    return true;
  });
  if (!done) throw missing();
  return (await getDocument(s.db, id))!;
}

/** Deletes a document, its chunks and its kept original (admins; editors retire instead). */
export async function removeDocument(s: Pick<Services, 'db' | 'config'>, id: string, actor: Actor): Promise<void> {
  const doc = await getDocument(s.db, id);
  if (!doc) throw missing();
  await s.db.transaction(async (tx) => {
    await deleteDocument(tx, doc.id);
    await audit(tx, actor, 'document.delete', { type: 'document', id: doc.id }, { number: doc.number, title: doc.title, chunks: doc.chunk_count });
  });
  removeOriginal(s.config.dataDir, doc.sha256);
}

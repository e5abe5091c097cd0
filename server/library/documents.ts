import { deleteDocument, findNumberClash, getDocument, retireDocument as markExpired, updateDocumentFields, type DocumentRow } from '../../store/documents.js';
import { isBinding } from '../../ingest/names.js';
import { removeOriginal } from '../admin/originals.js';
import { audit, type Actor } from '../audit/log.js';
import { AppError, notFound } from '../errors.js';
import type { Services } from '../services.js';
import { displayText } from '../../ingest/text/display.js';

/** A library document as the store keeps it; routes present it (server/present.ts). */
export type { DocumentRow };

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

/** An official's edit of a document's metadata; fields left out stay as they are. */
export interface MetaPatch {
  title?: string;
  number?: string | null;
  type?: string;
  status?: DocumentRow['status'];
  statusNote?: string | null;
  effective?: string | null;
  issued?: string | null;
  issuer?: string | null;
  replacedBy?: string | null;
  scope?: string | null;
  topics?: string[];
  period?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

/**
 * Edits a document's metadata (hiệu lực, số hiệu, thay thế bởi, chủ đề…): a số hiệu another
 * document has is refused, a period must end after it starts, and whether it binds follows its
 * type and title. The audit entry (the fields changed) commits with the change.
 */
export async function editDocument(s: Pick<Services, 'db'>, id: string, b: MetaPatch, actor: Actor): Promise<DocumentRow> {
  const doc = await getDocument(s.db, id);
  if (!doc) throw missing();
  const fields: Record<string, unknown> = {};
  // Shown to members and officials as names: no bidi overrides or invisible characters.
  const text = (v: string | null | undefined) => (v == null ? null : displayText(v) || null);
  if (b.title !== undefined) fields.title = displayText(b.title);
  if (b.number !== undefined) {
    const number = text(b.number);
    const clash = number ? await findNumberClash(s.db, number, doc.id) : null;
    if (clash) throw new AppError(409, 'conflict:number', `Số hiệu ${number} đã thuộc về văn bản khác (${clash}).`);
    fields.number = number;
  }
  if (b.type !== undefined) fields.type = displayText(b.type);
  if (b.status !== undefined) fields.status = b.status;
  if (b.statusNote !== undefined) fields.status_note = text(b.statusNote);
  if (b.effective !== undefined) fields.effective = b.effective;
  if (b.issued !== undefined) fields.issued = b.issued;
  if (b.issuer !== undefined) fields.issuer = text(b.issuer);
  if (b.replacedBy !== undefined) fields.replaced_by = text(b.replacedBy);
  if (b.scope !== undefined) fields.scope = text(b.scope);
  if (b.topics !== undefined) fields.topics = [...new Set(b.topics.map(displayText).filter(Boolean))];
  if (b.period !== undefined) fields.period = text(b.period);
  if (b.periodStart !== undefined) fields.period_start = b.periodStart;
  if (b.periodEnd !== undefined) fields.period_end = b.periodEnd;
  const start = b.periodStart !== undefined ? b.periodStart : doc.period_start;
  const end = b.periodEnd !== undefined ? b.periodEnd : doc.period_end;
  if (start && end && start > end) throw new AppError(400, 'invalid:period', 'Ngày kết thúc thời gian thực hiện phải sau ngày bắt đầu.');
  if (b.type !== undefined || b.title !== undefined) fields.binding = isBinding({ type: b.type ?? doc.type, title: b.title ?? doc.title });
  await s.db.transaction(async (tx) => {
    await updateDocumentFields(tx, doc.id, fields);
    await audit(tx, actor, 'document.edit', { type: 'document', id: doc.id }, { fields: Object.keys(b) });
  });
  return (await getDocument(s.db, doc.id))!;
}

import type { Db, Queryable } from '../../store/db.js';
import { getDocument } from '../../store/documents.js';
import { audit, type Actor } from '../audit/log.js';
import { notFound } from '../errors.js';

/**
 * Phone numbers and addresses found in a document (ingest keeps them with the section they came
 * from). An official confirms a local number before emergency answers show it; confirming and
 * withdrawing are audited in the same transaction.
 */
export interface ContactRow {
  id: number;
  kind: 'phone' | 'address';
  value: string;
  label: string;
  section: string[] | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

const COLUMNS = 'id, kind, value, label, section, confirmed_by, confirmed_at';

export async function documentContacts(db: Queryable, documentId: string): Promise<ContactRow[]> {
  if (!(await getDocument(db, documentId))) throw notFound('document', 'Không tìm thấy văn bản này.');
  return (await db.query<ContactRow>(`select ${COLUMNS} from document_contacts where document_id = $1 order by id`, [documentId])).rows;
}

export async function confirmContact(db: Db, actor: Actor, documentId: string, contactId: number, confirmed: boolean): Promise<ContactRow> {
  const row = await db.transaction(async (tx) => {
    const r = await tx.query<ContactRow>(
      `update document_contacts set confirmed_by = $3, confirmed_at = case when $4::boolean then now() else null end
        where document_id = $1 and id = $2
        returning ${COLUMNS}`,
      [documentId, contactId, confirmed ? actor.email : null, confirmed],
    );
    const c = r.rows[0];
    if (c)
      await audit(
        tx,
        actor,
        confirmed ? 'contact.confirm' : 'contact.withdraw',
        { type: 'document', id: documentId },
        { contactId: Number(c.id), kind: c.kind },
      );
    return c;
  });
  if (!row) throw notFound('contact', 'Không tìm thấy số điện thoại hoặc địa chỉ này.');
  return row;
}

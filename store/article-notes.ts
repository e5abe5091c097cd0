import type { Queryable } from './db.js';

export interface NewNote {
  article: string;
  clause: string | null;
  point: string | null;
  kind: 'ask' | 'meaning';
  text: string;
}

export interface NoteRecord extends NewNote {
  id: number;
  document_id: string;
  origin: 'bundled' | 'generated' | 'official';
}

const ROWS_PER_INSERT = 200;

/** Replaces a document's notes of one origin (the bundled file, the LLM's, an official's edits). */
export async function replaceNotes(q: Queryable, documentId: string, origin: NoteRecord['origin'], notes: NewNote[]): Promise<void> {
  await q.query('delete from article_notes where document_id = $1 and origin = $2', [documentId, origin]);
  for (let i = 0; i < notes.length; i += ROWS_PER_INSERT) {
    const batch = notes.slice(i, i + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const values = batch.map((n) => {
      params.push(documentId, n.article, n.clause, n.point, n.kind, n.text, origin);
      const b = params.length - 7;
      return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7})`;
    });
    await q.query(`insert into article_notes (document_id, article, clause, point, kind, text, origin) values ${values.join(',')}`, params);
  }
}

/** Notes of the given articles of a document (the answerer's plain-language sentences). */
export async function notesOf(q: Queryable, documentId: string, articles: string[]): Promise<NoteRecord[]> {
  const r = await q.query<NoteRecord>(
    `select id, document_id, article, clause, point, kind, text, origin from article_notes
      where document_id = $1 and article = any($2::text[]) order by id`,
    [documentId, articles],
  );
  return r.rows;
}

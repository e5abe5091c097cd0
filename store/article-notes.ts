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

/**
 * Replaces a document's notes of one origin (the bundled file, the LLM's, an official's edits).
 * An article an official has edited keeps only her notes: a reloaded notes file or a new
 * generation never brings back what she replaced.
 */
export async function replaceNotes(q: Queryable, documentId: string, origin: NoteRecord['origin'], notes: NewNote[]): Promise<void> {
  await q.query('delete from article_notes where document_id = $1 and origin = $2', [documentId, origin]);
  if (origin !== 'official') {
    const edited = new Set(await officialArticles(q, documentId));
    if (edited.size) notes = notes.filter((n) => !edited.has(n.article));
  }
  await insertNotes(q, documentId, origin, notes);
}

async function insertNotes(q: Queryable, documentId: string, origin: NoteRecord['origin'], notes: NewNote[]): Promise<void> {
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

/** Articles of a document whose notes an official has written or edited. */
export async function officialArticles(q: Queryable, documentId: string): Promise<string[]> {
  const r = await q.query<{ article: string }>(`select distinct article from article_notes where document_id = $1 and origin = 'official'`, [documentId]);
  return r.rows.map((x) => x.article);
}

/**
 * An official's edit of one article's notes: they become the article's only notes (origin
 * 'official'), whatever the bundled file or the model had said. Returns the notes replaced.
 */
export async function replaceArticleNotes(q: Queryable, documentId: string, article: string, notes: NewNote[]): Promise<NoteRecord[]> {
  const before = await notesOf(q, documentId, [article]);
  await q.query('delete from article_notes where document_id = $1 and article = $2', [documentId, article]);
  await insertNotes(
    q,
    documentId,
    'official',
    notes.map((n) => ({ ...n, article })),
  );
  return before;
}

/** Every note of a document, in the order of its articles (for the export to corpus/articles). */
export async function allNotes(q: Queryable, documentId: string): Promise<NoteRecord[]> {
  const r = await q.query<NoteRecord>(
    `select n.id, n.document_id, n.article, n.clause, n.point, n.kind, n.text, n.origin
       from article_notes n
       left join (select article, min(id) as first from chunks where document_id = $1 group by article) c on c.article = n.article
      where n.document_id = $1 order by c.first nulls last, n.article, n.id`,
    [documentId],
  );
  return r.rows;
}

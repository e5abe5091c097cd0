import type { Queryable } from './db.js';
import { toVectorLiteral } from './db.js';

export interface NewChunk {
  ordinal: number;
  path: string[];
  article: string | null;
  articleNum: number | null;
  articleTitle: string | null;
  heading: string | null;
  /** Place in a document without Điều: ['III', '2']. */
  section?: string[] | null;
  clauses: string[];
  points: Record<string, string[]>;
  part: number;
  header: string;
  text: string;
  searchText: string;
  embedding: number[] | null;
}

export interface ChunkRow {
  id: number;
  document_id: string;
  ordinal: number;
  path: string[];
  article: string | null;
  article_num: number | null;
  article_title: string | null;
  heading: string | null;
  section: string[] | null;
  clauses: string[];
  points: Record<string, string[]>;
  part: number;
  header: string;
  text: string;
}

const ROWS_PER_INSERT = 50;

/** Inserts a document's chunks in a few multi-row statements (PGlite round trips are costly). */
export async function deleteChunks(q: Queryable, documentId: string): Promise<void> {
  await q.query('delete from chunks where document_id = $1', [documentId]);
}

export async function insertChunks(q: Queryable, documentId: string, chunks: NewChunk[]): Promise<void> {
  for (let i = 0; i < chunks.length; i += ROWS_PER_INSERT) {
    const batch = chunks.slice(i, i + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const values = batch.map((c) => {
      const base = params.length;
      params.push(
        documentId,
        c.ordinal,
        c.path,
        c.article,
        c.articleNum,
        c.articleTitle,
        c.heading,
        c.clauses,
        JSON.stringify(c.points),
        c.part,
        c.header,
        c.text,
        c.searchText,
        c.embedding ? toVectorLiteral(c.embedding) : null,
        c.section?.length ? c.section : null,
      );
      const ph = Array.from({ length: 15 }, (_, k) => `$${base + k + 1}`);
      ph[13] = `${ph[13]}::vector`;
      return `(${ph.join(',')})`;
    });
    await q.query(
      `insert into chunks (document_id, ordinal, path, article, article_num, article_title, heading, clauses,
         points, part, header, text, search_text, embedding, section) values ${values.join(',')}`,
      params,
    );
  }
}

/** Every chunk's text of a document in order, for the whole-document view. */
export async function articleTexts(
  q: Queryable,
  documentId: string,
): Promise<{ article: string | null; article_title: string | null; heading: string | null; path: string[]; text: string; part: number; clauses: string[] }[]> {
  const r = await q.query<{
    article: string | null;
    article_title: string | null;
    heading: string | null;
    path: string[];
    text: string;
    part: number;
    clauses: string[];
  }>('select article, article_title, heading, path, text, part, clauses from chunks where document_id = $1 order by ordinal', [documentId]);
  return r.rows;
}

export async function chunksOfArticle(q: Queryable, documentId: string, article: string): Promise<ChunkRow[]> {
  const r = await q.query<ChunkRow>(`select ${CHUNK_COLUMNS} from chunks where document_id = $1 and article = $2 order by ordinal`, [documentId, article]);
  return r.rows;
}

const CHUNK_COLUMNS = 'id, document_id, ordinal, path, article, article_num, article_title, heading, section, clauses, points, part, header, text';

/**
 * The chunks of a part of a document without Điều, for the source view: every chunk under the
 * top-level part that holds `section` (all of "III" for a citation of "III.2"), in order.
 */
export async function chunksOfPart(q: Queryable, documentId: string, section: string[]): Promise<ChunkRow[]> {
  const r = await q.query<ChunkRow>(`select ${CHUNK_COLUMNS} from chunks where document_id = $1 and section[1] = $2 order by ordinal`, [
    documentId,
    section[0],
  ]);
  return r.rows;
}

/**
 * Rewrites the search text of a document's chunks whose stored one differs from what `derive`
 * makes of their header and text, leaving the chunks themselves as they are. Returns how many
 * changed. One statement per changed chunk, in one transaction by the caller's choice of `q`.
 */
export async function refreshSearchText(q: Queryable, documentId: string, derive: (header: string, text: string) => string): Promise<number> {
  const r = await q.query<{ id: number; header: string; text: string; search_text: string }>(
    'select id, header, text, search_text from chunks where document_id = $1 order by ordinal',
    [documentId],
  );
  let changed = 0;
  for (const c of r.rows) {
    const next = derive(c.header, c.text);
    if (next === c.search_text) continue;
    await q.query('update chunks set search_text = $2 where id = $1', [c.id, next]);
    changed++;
  }
  return changed;
}

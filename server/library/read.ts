import { joinArticlePieces } from '../../ingest/chunk/chunker.js';
import { articleTexts, chunksOfArticle, chunksOfPart, type ChunkRow } from '../../store/chunks.js';
import { countDocuments, getDocument, listDocuments, type DocumentRow } from '../../store/documents.js';
import { pendingMigrations } from '../../store/migrate.js';
import { notFound } from '../errors.js';
import type { Services } from '../services.js';

export type { ChunkRow };

/** Reading the library as members and the web see it: documents, whole articles, sections. */
type Store = Pick<Services, 'db'>;

export function listLibrary(s: Store): Promise<DocumentRow[]> {
  return listDocuments(s.db);
}

async function documentOrThrow(s: Store, id: string, withStructure = false): Promise<DocumentRow> {
  const doc = await getDocument(s.db, id, withStructure);
  if (!doc) throw notFound('document', 'Không tìm thấy văn bản này.');
  return doc;
}

export interface ArticleText {
  article: string | null;
  title: string | null;
  heading: string | null;
  path: string[];
  text: string;
}

/** A document with its outline and every article whole (an article split into chunks is joined again). */
export async function readDocument(s: Store, id: string): Promise<{ doc: DocumentRow; articles: ArticleText[] }> {
  const doc = await documentOrThrow(s, id, true);
  const rows = await articleTexts(s.db, doc.id);
  const groups: (typeof rows)[] = [];
  for (const r of rows) {
    const prev = groups[groups.length - 1];
    if (r.part > 1 && prev && prev[0]!.article === r.article) prev.push(r);
    else groups.push([r]);
  }
  const articles = groups.map((g) => {
    const r = g[0]!;
    const text = g.length > 1 ? [r.text.split('\n')[0]!, ...joinArticlePieces(g)].join('\n') : r.text;
    return { article: r.article, title: r.article_title, heading: r.heading, path: r.path, text };
  });
  return { doc, articles };
}

/** One Điều: its chunks in order and its body lines (pieces joined, repeated headers dropped). */
export async function readArticle(s: Store, documentId: string, article: string): Promise<{ doc: DocumentRow; chunks: ChunkRow[]; body: string[] }> {
  const doc = await documentOrThrow(s, documentId);
  const chunks = await chunksOfArticle(s.db, doc.id, article);
  if (!chunks.length) throw notFound('article', 'Không tìm thấy điều luật này trong văn bản.');
  return { doc, chunks, body: joinArticlePieces(chunks) };
}

/** The chunks of one section (mục III.2) of a document without Điều. */
export async function readSection(s: Store, documentId: string, section: string[]): Promise<{ doc: DocumentRow; chunks: ChunkRow[] }> {
  const doc = await documentOrThrow(s, documentId);
  return { doc, chunks: await chunksOfPart(s.db, doc.id, section) };
}

/** What the readiness probe asks the store: how much is indexed, and whether migrations are pending. */
export async function storeStatus(s: Store): Promise<{ documents: number; chunks: number; pendingMigrations: number }> {
  const counts = await countDocuments(s.db);
  return { ...counts, pendingMigrations: (await pendingMigrations(s.db)).length };
}

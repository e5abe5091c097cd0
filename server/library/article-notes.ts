import type { Db, Queryable } from '../../store/db.js';
import { allNotes, notesOf, replaceArticleNotes, type NewNote } from '../../store/article-notes.js';
import { getDocument } from '../../store/documents.js';
import { nfc } from '../../ingest/text/vietnamese.js';
import { audit, type Actor } from '../audit/log.js';
import { badRequest, notFound } from '../errors.js';

/** The notes an official writes, as routes and clients name them. */
export type { NewNote };

/**
 * Officials' edits of an article's member phrasings (hỏi) and plain-language sentences (nghĩa)
 * from "Thử câu hỏi". Edits go to article_notes as origin 'official' — retrieval rebuilds its
 * index at the next question (corpus_state moves) — are audited in the same transaction, and
 * export back to the corpus/articles TSV format.
 */

interface ArticleRow {
  article: string | null;
  article_title: string | null;
  heading: string | null;
  clauses: string[];
  text: string;
}

/** The article's text and structure, for validating and showing notes. */
export async function readArticle(db: Queryable, documentId: string, article: string) {
  const doc = await getDocument(db, documentId);
  if (!doc) throw notFound('document', 'Không tìm thấy văn bản này.');
  const rows = (
    await db.query<ArticleRow>(
      `select article, article_title, heading, clauses, text from chunks where document_id = $1 and coalesce(article, heading) = $2 order by ordinal`,
      [documentId, article],
    )
  ).rows;
  if (!rows.length) throw notFound('article', `Văn bản này không có Điều ${article}.`);
  return {
    doc,
    title: rows[0]!.article_title ?? rows[0]!.heading,
    clauses: [...new Set(rows.flatMap((r) => r.clauses))],
    text: rows.map((r) => r.text).join('\n'),
  };
}

/** The article with its notes, as the console's editor shows them. */
export async function articleWithNotes(db: Queryable, documentId: string, article: string) {
  const a = await readArticle(db, documentId, article);
  const notes = await notesOf(db, documentId, [article]);
  return {
    documentId,
    documentTitle: a.doc.title,
    article,
    title: a.title,
    clauses: a.clauses,
    text: a.text,
    notes: notes.map((n) => ({ id: Number(n.id), clause: n.clause, point: n.point, kind: n.kind, text: n.text, origin: n.origin })),
  };
}

/** Replaces an article's notes with an official's; returns how many were saved and replaced. */
export async function editArticleNotes(db: Db, actor: Actor, documentId: string, article: string, input: readonly NewNote[]) {
  const a = await readArticle(db, documentId, article);
  const notes = input.map((n) => ({
    article,
    clause: n.clause?.trim() || null,
    point: n.point?.trim().toLowerCase() || null,
    kind: n.kind,
    text: nfc(n.text).replace(/\s+/g, ' ').trim(),
  }));
  for (const n of notes) {
    if (!n.text) throw badRequest('note_text', 'Mỗi dòng cần có nội dung.');
    if (n.clause && !a.clauses.includes(n.clause)) throw badRequest('note_clause', `Điều ${article} không có khoản ${n.clause}.`);
    if (n.point && !n.clause) throw badRequest('note_point', 'Điểm cần đi kèm khoản.');
  }
  if (notes.filter((n) => n.kind === 'meaning' && !n.clause).length > 1)
    throw badRequest('note_meaning', 'Mỗi điều chỉ có một câu giải thích dễ hiểu cho cả điều.');
  const before = await db.transaction(async (tx) => {
    const replaced = await replaceArticleNotes(tx, documentId, article, notes);
    await audit(
      tx,
      actor,
      'notes.update',
      { type: 'article', id: `${documentId}/${article}` },
      {
        before: replaced.map((n) => ({ clause: n.clause, point: n.point, kind: n.kind, text: n.text, origin: n.origin })),
        after: notes.map((n) => ({ clause: n.clause, point: n.point, kind: n.kind, text: n.text })),
      },
    );
    return replaced;
  });
  return { saved: notes.length, replaced: before.length };
}

/** A document's notes in the corpus/articles TSV format (officials' edits included). */
export async function notesTsv(db: Queryable, documentId: string): Promise<{ file: string; text: string }> {
  const doc = await getDocument(db, documentId);
  if (!doc) throw notFound('document', 'Không tìm thấy văn bản này.');
  const rows = await allNotes(db, doc.id);
  const lines = [
    `# ${doc.title}${doc.number ? ` (${doc.number})` : ''} — xuất từ trang quản trị; dòng "official" là do cán bộ sửa`,
    '# điều\tkhoản\tđiểm\tloại\tnội dung',
    ...rows.map((n) => [n.article, n.clause ?? '', n.point ?? '', n.kind === 'ask' ? 'hỏi' : 'nghĩa', n.text.replace(/[\t\n]/g, ' ')].join('\t')),
  ];
  return { file: `${doc.id.replace(/[^a-z0-9-]/gi, '-')}.tsv`, text: `${lines.join('\n')}\n` };
}

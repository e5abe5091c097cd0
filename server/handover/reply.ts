import type { Queryable } from '../../store/db.js';
import { chunksOfArticle } from '../../store/chunks.js';
import { getDocument } from '../../store/documents.js';
import { documentName } from '../../ingest/names.js';
import type { Citation } from '../answer/answerer.js';
import { render } from '../answer/templates.js';
import type { HandoverCitation } from './store.js';

/**
 * Citations of an official answer in the shape every chat client shows (the document, the
 * Điều and khoản, a quote of the cited khoản), resolved against the store: they were checked
 * when the official saved them, but a document may have been removed since; those are left out.
 */
export async function officialCitations(q: Queryable, cites: readonly HandoverCitation[]): Promise<Citation[]> {
  const out: Citation[] = [];
  for (const [i, c] of cites.entries()) {
    const doc = await getDocument(q, c.documentId);
    const chunk = (await chunksOfArticle(q, c.documentId, c.article))[0];
    if (!doc || !chunk) continue;
    const lines = chunk.text.split('\n');
    const line = lines.find((l) => c.clause && l.startsWith(`${c.clause}. `)) ?? lines[1] ?? '';
    out.push({
      document: {
        id: doc.id,
        number: doc.number,
        title: doc.title,
        name: documentName(doc),
        binding: doc.binding,
        status: doc.status,
      },
      article: c.article,
      clause: c.clause ?? null,
      point: null,
      quote: line.replace(/^\d+[a-zđ]?\.\s+/, '').slice(0, 320),
      source: i + 1,
    });
  }
  return out;
}

/**
 * Puts an approved official answer into the conversation the question came from, as an
 * assistant message marked official, so the member finds it the next time she opens the chat.
 * Approving again (after the answer was edited) rewrites that same message. A conversation
 * that was deleted (retention, "Thoát nhanh") has nobody to deliver to: nothing is written.
 * Runs inside the approval's transaction, so an approval is never without its delivery.
 */
export async function deliverOfficialReply(q: Queryable, handoverId: number): Promise<number | null> {
  const h = (
    await q.query<{ conversation_id: string | null; answer: string | null; citations: HandoverCitation[]; reply_message_id: number | string | null }>(
      'select conversation_id, answer, citations, reply_message_id from handover where id = $1',
      [handoverId],
    )
  ).rows[0];
  if (!h?.conversation_id || !h.answer) return null;
  const exists = await q.query('select 1 from conversations where id = $1', [h.conversation_id]);
  if (!exists.rows.length) return null;
  const content = `${render('official-reply.vi.txt')}\n${h.answer.trim()}`;
  const citations = JSON.stringify(await officialCitations(q, h.citations ?? []));
  if (h.reply_message_id != null) {
    const r = await q.query('update messages set content = $2, citations = $3 where id = $1 returning id', [h.reply_message_id, content, citations]);
    if (r.rows.length) return Number(h.reply_message_id);
  }
  const id = Number(
    (
      await q.query<{ id: number | string }>(
        `insert into messages (conversation_id, role, content, kind, citations, fallback, official)
         values ($1, 'assistant', $2, 'answer', $3, false, true) returning id`,
        [h.conversation_id, content, citations],
      )
    ).rows[0]!.id,
  );
  // Retention counts from the last message: her reply is kept as long as a fresh answer would be.
  await q.query('update conversations set updated_at = now() where id = $1', [h.conversation_id]);
  await q.query('update handover set reply_message_id = $2 where id = $1', [handoverId, id]);
  return id;
}

/** Which messages of a conversation are officials' replies to her handed-over questions. */
export async function officialReplies(q: Queryable, conversationId: string): Promise<Map<number, { question: string }>> {
  const r = await q.query<{ reply_message_id: number | string; question: string }>(
    'select reply_message_id, question from handover where conversation_id = $1 and reply_message_id is not null',
    [conversationId],
  );
  return new Map(r.rows.map((x) => [Number(x.reply_message_id), { question: x.question }]));
}

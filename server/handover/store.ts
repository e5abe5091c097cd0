import type { Queryable } from '../../store/db.js';
import { documentName } from '../../ingest/names.js';
import { AppError, notFound } from '../errors.js';
import { redact } from '../privacy/redact.js';
import { matchForm } from './fold.js';
import { deliverOfficialReply } from './reply.js';

export interface HandoverCitation {
  documentId: string;
  article: string;
  clause?: string | null;
  /** Filled in when the answer is saved, for display: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
  documentName?: string;
  articleTitle?: string | null;
}

export type HandoverState = 'pending' | 'answered' | 'approved';

export interface HandoverItem {
  id: number;
  question: string;
  note: string | null;
  reason: string;
  topic: string | null;
  state: HandoverState;
  answer: string | null;
  citations: HandoverCitation[];
  createdAt: string;
  answeredBy: string | null;
  answeredAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

interface MessageRow {
  id: number | string;
  role: 'user' | 'assistant';
  content: string;
  resolved_query: string | null;
  kind: string | null;
  topic: string | null;
}

/** The message, if it belongs to that conversation: conversation ids are the members' secret. */
export async function messageInConversation(q: Queryable, messageId: number, conversationId: string): Promise<MessageRow | null> {
  const r = await q.query<MessageRow>('select id, role, content, resolved_query, kind, topic from messages where id = $1 and conversation_id = $2', [
    messageId,
    conversationId,
  ]);
  return r.rows[0] ?? null;
}

const messageNotFound = () => notFound('message', 'Không tìm thấy tin nhắn này trong cuộc trò chuyện.');

/**
 * A member asks officials to answer the question behind an answer (usually refused or 👎).
 * Only the question, with phone numbers and e-mails removed, reaches officials. Sending the
 * same message twice returns the first request.
 */
export async function createHandover(
  q: Queryable,
  input: { messageId: number; conversationId: string; note?: string },
): Promise<{ id: number; state: HandoverState; created: boolean }> {
  const msg = await messageInConversation(q, input.messageId, input.conversationId);
  if (!msg) throw messageNotFound();
  let userMsg: MessageRow | null = msg.role === 'user' ? msg : null;
  if (!userMsg) {
    userMsg =
      (
        await q.query<MessageRow>(
          `select id, role, content, resolved_query, kind, topic from messages
            where conversation_id = $1 and id < $2 and role = 'user' order by id desc limit 1`,
          [input.conversationId, input.messageId],
        )
      ).rows[0] ?? null;
  }
  if (!userMsg) throw new AppError(400, 'invalid:no_question', 'Không tìm thấy câu hỏi để gửi cho cán bộ Hội.');
  const question = redact(userMsg.content).slice(0, 4000);
  // Follow-ups ("còn con thì sao?") are matched in their standalone form.
  const standalone = (msg.role === 'assistant' ? msg.resolved_query : null) ?? userMsg.resolved_query ?? userMsg.content;
  const disliked =
    (await q.query<{ n: number }>('select count(*)::int as n from feedback where message_id = $1 and rating = -1', [input.messageId])).rows[0]!.n > 0;
  const reason = msg.kind === 'out_of_scope' ? 'refused' : disliked ? 'disliked' : 'member_request';
  const inserted = await q.query<{ id: number | string; state: HandoverState }>(
    `insert into handover (message_id, conversation_id, question, question_folded, note, reason, topic)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (message_id) do nothing returning id, state`,
    [
      input.messageId,
      input.conversationId,
      question,
      matchForm(redact(standalone)),
      input.note ? redact(input.note) : null,
      reason,
      msg.topic ?? userMsg.topic,
    ],
  );
  if (inserted.rows[0]) return { id: Number(inserted.rows[0].id), state: inserted.rows[0].state, created: true };
  const existing = (await q.query<{ id: number | string; state: HandoverState }>('select id, state from handover where message_id = $1', [input.messageId]))
    .rows[0]!;
  return { id: Number(existing.id), state: existing.state, created: false };
}

const SELECT = `select h.id, h.question, h.note, h.reason, h.topic, h.state, h.answer, h.citations, h.created_at,
    a.email as answered_by, h.answered_at, p.email as approved_by, h.approved_at
  from handover h left join users a on a.id = h.answered_by left join users p on p.id = h.approved_by`;

type Row = {
  id: number | string;
  question: string;
  note: string | null;
  reason: string;
  topic: string | null;
  state: HandoverState;
  answer: string | null;
  citations: HandoverCitation[];
  created_at: string | Date;
  answered_by: string | null;
  answered_at: string | Date | null;
  approved_by: string | null;
  approved_at: string | Date | null;
};

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());

function present(r: Row): HandoverItem {
  return {
    id: Number(r.id),
    question: r.question,
    note: r.note,
    reason: r.reason,
    topic: r.topic,
    state: r.state,
    answer: r.answer,
    citations: r.citations ?? [],
    createdAt: iso(r.created_at)!,
    answeredBy: r.answered_by,
    answeredAt: iso(r.answered_at),
    approvedBy: r.approved_by,
    approvedAt: iso(r.approved_at),
  };
}

export async function listHandover(q: Queryable, opts: { state?: HandoverState; limit: number }): Promise<HandoverItem[]> {
  const r = opts.state
    ? await q.query<Row>(`${SELECT} where h.state = $1 order by h.created_at desc limit $2`, [opts.state, opts.limit])
    : await q.query<Row>(`${SELECT} order by (h.state = 'pending') desc, h.created_at desc limit $1`, [opts.limit]);
  return r.rows.map(present);
}

export async function getHandover(q: Queryable, id: number): Promise<HandoverItem | null> {
  const r = await q.query<Row>(`${SELECT} where h.id = $1`, [id]);
  return r.rows[0] ? present(r.rows[0]) : null;
}

/**
 * Checks every citation against the indexed articles (and khoản, when given) and fills in the
 * display names. Throws a Vietnamese 400 naming the first citation that does not exist.
 */
export async function resolveCitations(q: Queryable, citations: HandoverCitation[]): Promise<HandoverCitation[]> {
  const out: HandoverCitation[] = [];
  for (const c of citations) {
    const r = await q.query<{ title: string; number: string | null; issued: string | null; article_title: string | null; has_clause: boolean }>(
      `select d.title, d.number, to_char(d.issued, 'YYYY-MM-DD') as issued, c.article_title,
              ($3::text is null or bool_or($3::text = any(c.clauses))) as has_clause
         from chunks c join documents d on d.id = c.document_id
        where c.document_id = $1 and c.article = $2
        group by d.title, d.number, d.issued, c.article_title`,
      [c.documentId, c.article, c.clause ?? null],
    );
    const row = r.rows[0];
    if (!row) {
      throw new AppError(400, 'invalid:citation', `Không tìm thấy Điều ${c.article} trong văn bản "${c.documentId}". Vui lòng kiểm tra lại trích dẫn.`);
    }
    if (!r.rows.some((x) => x.has_clause)) {
      throw new AppError(
        400,
        'invalid:citation',
        `Điều ${c.article} của văn bản "${c.documentId}" không có khoản ${c.clause}. Vui lòng kiểm tra lại trích dẫn.`,
      );
    }
    out.push({
      documentId: c.documentId,
      article: c.article,
      clause: c.clause ?? null,
      documentName: documentName(row),
      articleTitle: row.article_title,
    });
  }
  return out;
}

/** Saves (or replaces) the official answer; a changed answer needs approval again. */
export async function answerHandover(q: Queryable, id: number, userId: string, answer: string, citations: HandoverCitation[]): Promise<boolean> {
  const r = await q.query(
    `update handover set answer = $2, citations = $3, state = 'answered', answered_by = $4, answered_at = now(),
            approved_by = null, approved_at = null
      where id = $1 returning id`,
    [id, answer, JSON.stringify(citations), userId],
  );
  return r.rows.length > 0;
}

export async function approveHandover(q: Queryable, id: number, userId: string): Promise<'approved' | 'not_found' | 'no_answer'> {
  const cur = (await q.query<{ state: HandoverState; answer: string | null }>('select state, answer from handover where id = $1', [id])).rows[0];
  if (!cur) return 'not_found';
  if (!cur.answer) return 'no_answer';
  await q.query(`update handover set state = 'approved', approved_by = $2, approved_at = now() where id = $1`, [id, userId]);
  // The member hears back: the answer appears in her conversation (server/handover/reply.ts).
  await deliverOfficialReply(q, id);
  return 'approved';
}

import type { Queryable } from './db.js';

/** One shared answer as stored (migration 060): a copy, never a link to the conversation. */
export interface SharedAnswerRow {
  id: string;
  question: string | null;
  topic: string | null;
  answer: string;
  citations: unknown[];
  created_at: string;
  expires_at: string;
  withdrawn_at: string | null;
}

export async function insertSharedAnswer(
  q: Queryable,
  s: { id: string; question: string | null; topic: string | null; answer: string; citations: unknown[]; days: number },
): Promise<SharedAnswerRow> {
  const r = await q.query<SharedAnswerRow>(
    `insert into shared_answers (id, question, topic, answer, citations, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(days => $6::int))
     returning id, question, topic, answer, citations, created_at, expires_at, withdrawn_at`,
    [s.id, s.question, s.topic, s.answer, JSON.stringify(s.citations), s.days],
  );
  return r.rows[0]!;
}

/** A share anyone may read: not withdrawn and not expired (the sweep may not have run yet). */
export async function liveSharedAnswer(q: Queryable, id: string): Promise<SharedAnswerRow | null> {
  const r = await q.query<SharedAnswerRow>(
    `select id, question, topic, answer, citations, created_at, expires_at, withdrawn_at
       from shared_answers where id = $1 and withdrawn_at is null and expires_at > now()`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function listSharedAnswers(q: Queryable, limit: number): Promise<SharedAnswerRow[]> {
  const r = await q.query<SharedAnswerRow>(
    `select id, question, topic, answer, citations, created_at, expires_at, withdrawn_at
       from shared_answers where expires_at > now() order by created_at desc limit $1`,
    [limit],
  );
  return r.rows;
}

/**
 * Withdrawal keeps no copy: the text is blanked at once, the row stays (until it expires) only
 * so the link says "đã được thu hồi" instead of "không tồn tại". False when there is no such share.
 */
export async function withdrawSharedAnswer(q: Queryable, id: string, by: string | null): Promise<boolean> {
  const r = await q.query(
    `update shared_answers set withdrawn_at = now(), withdrawn_by = $2, answer = '', question = null, citations = '[]'
      where id = $1 and withdrawn_at is null returning id`,
    [id, by],
  );
  return r.rows.length > 0;
}

/** Whether a share existed and was withdrawn (the public page words its 410 accordingly). */
export async function wasWithdrawn(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select 1 from shared_answers where id = $1 and withdrawn_at is not null', [id])).rows.length > 0;
}

/** The assistant message to share and the question just before it, if it belongs to that conversation. */
export async function messageToShare(
  q: Queryable,
  conversationId: string,
  messageId: number,
): Promise<{ content: string; kind: string | null; topic: string | null; citations: unknown[]; question: string | null } | null> {
  const r = await q.query<{ content: string; kind: string | null; topic: string | null; citations: unknown[]; question: string | null }>(
    `select m.content, m.kind, m.topic, m.citations,
            (select u.content from messages u where u.conversation_id = m.conversation_id and u.role = 'user' and u.id < m.id
              order by u.id desc limit 1) as question
       from messages m where m.id = $1 and m.conversation_id = $2 and m.role = 'assistant'`,
    [messageId, conversationId],
  );
  return r.rows[0] ?? null;
}

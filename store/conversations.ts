import type { Queryable } from './db.js';

export interface MessageRow {
  id: number;
  conversation_id: string;
  role: 'user' | 'assistant';
  content: string;
  resolved_query: string | null;
  kind: string | null;
  topic: string | null;
  citations: unknown[];
  fallback: boolean;
  official: boolean;
  /** The next questions suggested with an answer (null for questions and older answers). */
  suggestions?: unknown[] | null;
  created_at: string;
}

export async function createConversation(q: Queryable, id: string, opts: { ownerKey?: string | null; noHistory?: boolean } = {}): Promise<void> {
  await q.query('insert into conversations (id, owner_key, no_history) values ($1, $2, $3)', [id, opts.ownerKey ?? null, opts.noHistory ?? false]);
}

export async function conversationExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select 1 from conversations where id = $1', [id])).rows.length > 0;
}

export async function recentMessages(q: Queryable, conversationId: string, limit: number): Promise<MessageRow[]> {
  const r = await q.query<MessageRow>(
    `select id, conversation_id, role, content, resolved_query, kind, topic, citations, fallback, official, suggestions, created_at
       from messages where conversation_id = $1 order by id desc limit $2`,
    [conversationId, limit],
  );
  return r.rows.reverse();
}

export async function countMessages(q: Queryable, conversationId: string): Promise<number> {
  return (await q.query<{ n: number }>('select count(*)::int as n from messages where conversation_id = $1', [conversationId])).rows[0]!.n;
}

export async function addMessage(
  q: Queryable,
  m: {
    conversationId: string;
    role: 'user' | 'assistant';
    content: string;
    resolvedQuery?: string;
    kind?: string;
    topic?: string | null;
    citations?: unknown[];
    fallback?: boolean;
    official?: boolean;
  },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `insert into messages (conversation_id, role, content, resolved_query, kind, topic, citations, fallback, official)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [m.conversationId, m.role, ...messageValues(m)],
  );
  await q.query('update conversations set updated_at = now() where id = $1', [m.conversationId]);
  return Number(r.rows[0]!.id);
}

/** A message's stored columns, content to official, in the order both inserts list them. */
function messageValues(m: Omit<TurnMessage, 'suggestions'>) {
  return [m.content, m.resolvedQuery ?? null, m.kind ?? null, m.topic ?? null, JSON.stringify(m.citations ?? []), m.fallback ?? false, m.official ?? false];
}

/** What a new turn needs from its conversation: whether it exists, its length and its last messages. */
export interface OpenConversation {
  messages: number;
  recent: MessageRow[];
}

/**
 * One statement for the three reads a chat turn starts with (exists, length, recent history):
 * on the embedded store every statement waits for the one connection, so the request path keeps
 * them few. Null when there is no such conversation (never created, or deleted by retention).
 */
export async function openConversation(q: Queryable, id: string, limit: number): Promise<OpenConversation | null> {
  const r = await q.query<MessageRow & { total: number }>(
    `select (select count(*)::int from messages x where x.conversation_id = c.id) as total,
            m.id, m.conversation_id, m.role, m.content, m.resolved_query, m.kind, m.topic, m.citations, m.fallback, m.official, m.created_at
       from conversations c
       left join lateral (
         select * from messages where conversation_id = c.id order by id desc limit $2
       ) m on true
      where c.id = $1
      order by m.id`,
    [id, limit],
  );
  if (!r.rows.length) return null;
  return {
    messages: Number(r.rows[0]!.total),
    recent: r.rows.filter((m) => m.id !== null).map(({ total: _total, ...m }) => ({ ...m, id: Number(m.id) })),
  };
}

export interface TurnMessage {
  content: string;
  resolvedQuery?: string | null;
  kind?: string | null;
  topic?: string | null;
  citations?: unknown[];
  fallback?: boolean;
  official?: boolean;
  suggestions?: unknown[] | null;
}

/**
 * A question and its answer, written in one statement (so atomically): the conversation is
 * created on its first turn (owner key, channel and "không lưu lịch sử" are set then and never changed)
 * and its updated_at moves on every later one, which is what retention counts from. The two
 * messages are inserted in order, so the question's id is below the answer's. Returns the
 * answer's message id (feedback refers to it).
 */
export async function saveTurn(
  q: Queryable,
  t: { conversationId: string; ownerKey?: string | null; noHistory?: boolean; channel?: string | null; user: TurnMessage; assistant: TurnMessage },
): Promise<number> {
  const row = (m: TurnMessage) => [...messageValues(m), m.suggestions?.length ? JSON.stringify(m.suggestions) : null];
  const r = await q.query<{ id: number; role: string }>(
    `with conv as (
       insert into conversations as c (id, owner_key, no_history, channel) values ($1, $2, $3, $20)
       on conflict (id) do update set updated_at = now()
       returning id
     )
     insert into messages (conversation_id, role, content, resolved_query, kind, topic, citations, fallback, official, suggestions)
     select conv.id, v.role, v.content, v.resolved_query, v.kind, v.topic, v.citations::jsonb, v.fallback, v.official, v.suggestions::jsonb
       from conv,
            (values (1, 'user', $4::text, $5::text, $6::text, $7::text, $8::text, $9::boolean, $10::boolean, $11::text),
                    (2, 'assistant', $12::text, $13::text, $14::text, $15::text, $16::text, $17::boolean, $18::boolean, $19::text))
              as v(ord, role, content, resolved_query, kind, topic, citations, fallback, official, suggestions)
      order by v.ord
     returning id, role`,
    [t.conversationId, t.ownerKey ?? null, t.noHistory ?? false, ...row(t.user), ...row(t.assistant), t.channel ?? null],
  );
  return Number(r.rows.find((m) => m.role === 'assistant')!.id);
}

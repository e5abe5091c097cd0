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
    `select id, conversation_id, role, content, resolved_query, kind, topic, citations, fallback, official, created_at
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
  m: { conversationId: string; role: 'user' | 'assistant'; content: string; resolvedQuery?: string; kind?: string; topic?: string | null; citations?: unknown[]; fallback?: boolean; official?: boolean },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `insert into messages (conversation_id, role, content, resolved_query, kind, topic, citations, fallback, official)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [m.conversationId, m.role, m.content, m.resolvedQuery ?? null, m.kind ?? null, m.topic ?? null, JSON.stringify(m.citations ?? []), m.fallback ?? false, m.official ?? false],
  );
  await q.query('update conversations set updated_at = now() where id = $1', [m.conversationId]);
  return Number(r.rows[0]!.id);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { memoryDb } from './helpers/template-db.js';
import { openConversation, saveTurn } from '../store/conversations.js';

/** A chat turn's reads and writes (store/conversations.ts): one statement each, a turn whole or not at all. */
let db: Db;
beforeAll(async () => {
  db = await memoryDb();
});
afterAll(() => db.close());

const turn = (conversationId: string, n: number, extra: { ownerKey?: string; noHistory?: boolean } = {}) =>
  saveTurn(db, {
    conversationId,
    ...extra,
    user: { content: `câu hỏi ${n}`, resolvedQuery: `câu hỏi ${n} đầy đủ`, topic: 'ly-hon' },
    assistant: { content: `trả lời ${n}`, kind: 'answer', topic: 'ly-hon', citations: [{ article: String(n) }], fallback: n === 2 },
  });

describe('conversation store', () => {
  it('the first turn creates the conversation with its owner key and privacy choice', async () => {
    expect(await openConversation(db, 'c1', 6)).toBeNull();
    const id = await turn('c1', 1, { ownerKey: 'k', noHistory: true });
    const row = (await db.query<{ owner_key: string; no_history: boolean }>(`select owner_key, no_history from conversations where id = 'c1'`)).rows[0];
    expect(row).toEqual({ owner_key: 'k', no_history: true });
    const open = await openConversation(db, 'c1', 6);
    expect(open!.messages).toBe(2);
    expect(open!.recent.map((m) => [m.role, m.content])).toEqual([
      ['user', 'câu hỏi 1'],
      ['assistant', 'trả lời 1'],
    ]);
    // The answer's id is what feedback refers to; the question comes before it.
    expect(open!.recent[1]!.id).toBe(id);
    expect(open!.recent[0]!.id).toBeLessThan(id);
    expect(open!.recent[1]!.citations).toEqual([{ article: '1' }]);
    expect(open!.recent[0]!.resolved_query).toBe('câu hỏi 1 đầy đủ');
  });

  it('later turns keep the first choices, move updated_at, and the history is the last messages in order', async () => {
    await db.query(`update conversations set updated_at = now() - interval '2 days' where id = 'c1'`);
    await turn('c1', 2, { noHistory: false });
    await turn('c1', 3);
    const row = (
      await db.query<{ owner_key: string; no_history: boolean; fresh: boolean }>(
        `select owner_key, no_history, updated_at > now() - interval '1 minute' as fresh from conversations where id = 'c1'`,
      )
    ).rows[0];
    expect(row).toEqual({ owner_key: 'k', no_history: true, fresh: true });
    const open = await openConversation(db, 'c1', 3);
    expect(open!.messages).toBe(6);
    expect(open!.recent.map((m) => m.content)).toEqual(['trả lời 2', 'câu hỏi 3', 'trả lời 3']);
    expect(open!.recent[0]!.fallback).toBe(true);
  });

  it('a conversation whose turn failed is not left behind half-written', async () => {
    await expect(saveTurn(db, { conversationId: 'c2', user: { content: 'hỏi' }, assistant: { content: null as unknown as string } })).rejects.toThrow();
    expect(await openConversation(db, 'c2', 6)).toBeNull();
    expect((await db.query(`select 1 from messages where conversation_id = 'c2'`)).rows).toHaveLength(0);
  });

  it('a conversation with no messages yet exists with length 0', async () => {
    await db.query(`insert into conversations (id) values ('c3')`);
    expect(await openConversation(db, 'c3', 6)).toEqual({ messages: 0, recent: [] });
  });
});

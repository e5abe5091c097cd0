import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/config.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { buildApp } from '../server/app.js';
import { logId } from '../server/plugins/security.js';
import { createServices } from '../server/bootstrap.js';
import { sweep } from '../server/maintenance/retention.js';
import type { Services } from '../server/services.js';
import { memoryDb } from './helpers/template-db.js';
import { RURAL_LAW as LAW } from './fixtures/rural-law.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Words no log line may ever contain: they only occur in what members typed. */
const SECRET = 'Quokka Zebra';

let services: Services;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  const config = loadConfig(
    { CORPUS_DIR: path.join(ROOT, 'corpus'), AUTO_INGEST: 'false', RATE_LIMIT_CHAT: '0', RATE_LIMIT_SEARCH: '0', RATE_LIMIT_LOGIN: '0', RETENTION_DAYS: '30' },
    ROOT,
  );
  services = await createServices(config, { db: await memoryDb() });
  await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(LAW), filename: 'luat.txt' });
  // Written straight to the store: wait until the search index has it (uploads through the API do this themselves).
  await services.retriever.refresh();
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // The most talkative level: nothing a member typed may reach the logs even there.
  app = await buildApp(services, { logger: { level: 'trace', stream } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await services.db.close();
});

const chat = async (message: string, extra: Record<string, unknown> = {}) => {
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message, ...extra } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { conversationId: string; messageId: number; citations: unknown[] };
};
const backdate = (id: string, interval: string) =>
  services.db.query(`update conversations set created_at = now() - $2::interval, updated_at = now() - $2::interval where id = $1`, [id, interval]);
const exists = async (id: string) => (await app.inject({ method: 'GET', url: `/api/conversations/${id}` })).statusCode === 200;
const count = async (sql: string, params: unknown[] = []) =>
  (await services.db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params)).rows[0]!.n;

describe('logs carry ids, not what members wrote', () => {
  it('chat (JSON and SSE), search, feedback, handover and a refused request leave no question text in the logs', async () => {
    const question = `phụ nữ nông thôn có được vay vốn ưu đãi để phát triển kinh tế hộ gia đình không, ${SECRET}`;
    const a = await chat(question);
    expect(a.citations.length).toBeGreaterThan(0);
    const sse = await app.inject({
      method: 'POST',
      url: '/api/chat',
      headers: { accept: 'text/event-stream' },
      payload: { message: `còn học nghề thì sao ${SECRET}`, conversationId: a.conversationId },
    });
    expect(sse.body).toContain('event: done');
    expect((await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(`vay vốn ${SECRET}`)}` })).statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/feedback',
          payload: { messageId: a.messageId, conversationId: a.conversationId, rating: -1, comment: `sai rồi ${SECRET}` },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/handover',
          payload: { messageId: a.messageId, conversationId: a.conversationId, note: `nhờ cán bộ ${SECRET}` },
        })
      ).statusCode,
    ).toBe(201);
    const tooLong = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: `${SECRET} `.repeat(400) } });
    expect(tooLong.statusCode).toBe(400);
    const unknownField = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'ly hôn', secret: SECRET } });
    expect(unknownField.statusCode).toBe(400);

    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    expect(all).not.toContain('Quokka');
    expect(all).not.toContain('Zebra');
    expect(all).not.toMatch(/vay v(ố|o)n|vay%20v/);
    // …but the lines say what happened, by id.
    const answered = logLines.map((l) => JSON.parse(l)).filter((l) => /^chat answered/.test(l.msg));
    expect(answered.length).toBe(2);
    // The conversation id is the only key to a conversation: logs carry a one-way hash of it.
    expect(answered[0]).toMatchObject({ conversationId: logId(a.conversationId), kind: 'answer' });
    expect(answered[1].conversationId).toBe(answered[0].conversationId);
    expect((await app.inject({ method: 'GET', url: `/api/conversations/${a.conversationId}` })).statusCode).toBe(200);
    expect(logLines.some((l) => l.includes(`/api/conversations/${logId(a.conversationId)}`))).toBe(true);
    expect(logLines.join('\n')).not.toContain(a.conversationId);
    expect(logLines.some((l) => l.includes('"url":"/api/search"'))).toBe(true);
    expect(all).not.toMatch(/remoteAddress/);
  });
});

describe('retention', () => {
  it(`deletes conversations (messages, feedback) idle for RETENTION_DAYS and "no history" ones after 24 h; keeps the rest`, async () => {
    const old = await chat('vay vốn ưu đãi');
    const recent = await chat('vay vốn ưu đãi');
    const privateOld = await chat('vay vốn ưu đãi', { noHistory: true });
    const privateNew = await chat('vay vốn ưu đãi', { noHistory: true });
    await app.inject({ method: 'POST', url: '/api/feedback', payload: { messageId: old.messageId, conversationId: old.conversationId, rating: 1 } });
    const handover = await app.inject({ method: 'POST', url: '/api/handover', payload: { messageId: old.messageId, conversationId: old.conversationId } });
    const handoverId = handover.json().id as number;
    await backdate(old.conversationId, '31 days');
    await backdate(recent.conversationId, '29 days');
    await backdate(privateOld.conversationId, '25 hours');
    await backdate(privateNew.conversationId, '23 hours');

    const r = await sweep(services.db, { retentionDays: 30 });
    expect(r.conversations).toBe(2);
    expect(await exists(old.conversationId)).toBe(false);
    expect(await exists(privateOld.conversationId)).toBe(false);
    expect(await exists(recent.conversationId)).toBe(true);
    expect(await exists(privateNew.conversationId)).toBe(true);
    expect(await count('select 1 from messages where conversation_id = any($1)', [[old.conversationId, privateOld.conversationId]])).toBe(0);
    expect(await count('select 1 from feedback where message_id = $1', [old.messageId])).toBe(0);
    // A question she chose to send to officials stays (redacted), no longer linked to the deleted conversation.
    const kept = (
      await services.db.query<{ conversation_id: string | null; message_id: number | null }>('select conversation_id, message_id from handover where id = $1', [
        handoverId,
      ])
    ).rows;
    expect(kept).toEqual([{ conversation_id: null, message_id: null }]);
    // Sweeping again finds nothing: several instances may run it at once.
    expect((await sweep(services.db, { retentionDays: 30 })).conversations).toBe(0);
  });

  it('RETENTION_DAYS sets the period, and the sweep runs when an instance starts', async () => {
    const c = await chat('vay vốn ưu đãi');
    await backdate(c.conversationId, '8 days');
    await sweep(services.db, { retentionDays: 10 });
    expect(await exists(c.conversationId)).toBe(true);
    const weekly = await buildApp({ ...services, config: { ...services.config, RETENTION_DAYS: 7 } });
    await weekly.ready();
    try {
      expect(await exists(c.conversationId)).toBe(false);
    } finally {
      await weekly.close();
    }
  });

  it('also sweeps expired sessions, finished rate-limit windows and old login failures', async () => {
    await services.db.query(`insert into users (id, email, role, password_hash) values ('u-sweep', 'sweep@hoiphunu.vn', 'editor', 'x')`);
    await services.db.query(
      `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ('old', 'u-sweep', 'c', now() - interval '1 hour'), ('live', 'u-sweep', 'c', now() + interval '1 hour')`,
    );
    await services.db.query(
      `insert into rate_limits (key, hits, window_end) values ('chat:gone', 3, now() - interval '5 minutes'), ('chat:here', 3, now() + interval '30 seconds')`,
    );
    await services.db.query(`insert into login_failures (email_key, at) values ('a@b.vn', now() - interval '2 days')`);
    const r = await sweep(services.db, { retentionDays: 30 });
    expect(r).toMatchObject({ sessions: 1, rateLimits: 1, loginFailures: 1 });
    expect((await services.db.query('select token_hash from sessions')).rows).toEqual([{ token_hash: 'live' }]);
    expect((await services.db.query('select key from rate_limits')).rows).toEqual([{ key: 'chat:here' }]);
  });
});

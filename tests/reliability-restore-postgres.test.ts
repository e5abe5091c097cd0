import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.js';
import { buildApp } from '../server/app.js';
import { createServices } from '../server/bootstrap.js';
import { createUser } from '../server/auth/users.js';
import { backup } from '../scripts/backup.js';
import { restoreToPostgres } from '../scripts/restore.js';
import { BackupError } from '../scripts/backup.js';
import { parentsFirst } from '../store/copy.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { multipart } from './helpers/officials.js';
import { startSharedDatabase, type SharedDatabase } from './helpers/shared-postgres.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const env = (extra: Record<string, string>) => ({
  CORPUS_DIR: path.join(ROOT, 'corpus'),
  AUTO_INGEST: 'false',
  RATE_LIMIT_CHAT: '0',
  RATE_LIMIT_SEARCH: '0',
  RATE_LIMIT_LOGIN: '0',
  LOG_LEVEL: 'silent',
  ...extra,
});

/**
 * Drill (issue 15): the documented path from the embedded store to a PostgreSQL server —
 * `npm run backup`, then `npm run restore -- FILE --to-postgres` with DATABASE_URL — carries the
 * library, officials and conversations over, and the server then runs on PostgreSQL with them.
 * Uses Debian's PostgreSQL with pgvector when installed (scripts/install-postgres.sh), else a
 * PGlite served over the wire protocol (tests/helpers/shared-postgres.ts says which).
 */
describe('embedded backup → PostgreSQL server', () => {
  let database: SharedDatabase;
  let dataDir: string;
  let embedded: Config;
  let onServer: Config;
  let file: string;
  let conversationId: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-to-pg-'));
    embedded = loadConfig(env({ DATA_DIR: dataDir }), ROOT);
    // A store with a document (uploaded, with its original), an official and a conversation.
    const services = await createServices(embedded);
    const app = await buildApp(services);
    try {
      await createUser(services.db, { email: 'quantri@hoiphunu.vn', role: 'admin', password: 'mat-khau-rat-dai-123' });
      const login = (
        await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'quantri@hoiphunu.vn', password: 'mat-khau-rat-dai-123' } })
      ).json();
      const m = multipart([{ filename: 'luat-ho-tro.txt', content: RURAL_LAW, type: 'text/plain' }]);
      const up = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { ...m.headers, authorization: `Bearer ${login.token}` },
        payload: m.payload,
      });
      expect(up.statusCode, up.body).toBe(201);
      const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
      expect(chat.statusCode, chat.body).toBe(200);
      conversationId = chat.json().conversationId;
    } finally {
      await app.close();
      await services.db.close();
    }
    file = (await backup(embedded)).file;
    database = await startSharedDatabase();
    if (database.note) console.warn(`restore drill on ${database.kind}: ${database.note}`);
    onServer = loadConfig(env({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-to-pg-target-')), DATABASE_URL: database.url }), ROOT);
  });
  afterAll(async () => {
    await database?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (onServer) fs.rmSync(onServer.dataDir, { recursive: true, force: true });
  });

  it('copies every row in one go; the server then answers from the copied library, keeps the conversation, and goes on writing', async () => {
    const r = await restoreToPostgres(onServer, file);
    expect(r.copied).toMatchObject({ documents: 1, users: 1, conversations: 1 });
    expect(r.copied.chunks).toBeGreaterThanOrEqual(3);
    expect(r.copied.messages).toBeGreaterThanOrEqual(2);
    expect(r.originals).toBe(1);
    expect(fs.readdirSync(path.join(onServer.dataDir, 'originals'))).toHaveLength(1);

    const services = await createServices(onServer);
    const app = await buildApp(services);
    try {
      expect(services.db.backend).toBe('postgres');
      const vectors = (await services.db.query<{ n: number }>('select count(*)::int n from chunks where embedding is not null')).rows[0]!.n;
      expect(vectors).toBe(r.copied.chunks);
      const search = await app.inject({ method: 'GET', url: '/api/search?q=vay%20v%E1%BB%91n%20%C6%B0u%20%C4%91%C3%A3i' });
      expect(search.json().results[0]).toMatchObject({ article: '2' });
      const conv = await app.inject({ method: 'GET', url: `/api/conversations/${conversationId}` });
      expect(conv.statusCode, conv.body).toBe(200);
      // Sequences continue after the copied rows: new messages are stored.
      const next = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'học nghề miễn phí cho phụ nữ', conversationId } });
      expect(next.statusCode, next.body).toBe(200);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'quantri@hoiphunu.vn', password: 'mat-khau-rat-dai-123' } });
      expect(login.statusCode).toBe(200);
    } finally {
      await app.close();
      await services.db.close();
    }
  });

  it('a server that already holds data is refused without --force; with it, everything is replaced', async () => {
    await expect(restoreToPostgres(onServer, file)).rejects.toBeInstanceOf(BackupError);
    const again = await restoreToPostgres(onServer, file, { force: true });
    expect(again.copied.documents).toBe(1);
  });

  it('orders tables parents first', () => {
    expect(
      parentsFirst(
        ['messages', 'conversations', 'feedback'],
        [
          { child: 'public.feedback', parent: 'messages' },
          { child: 'messages', parent: 'conversations' },
        ],
      ),
    ).toEqual(['conversations', 'messages', 'feedback']);
  });
});

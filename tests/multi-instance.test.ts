import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, startSharedDatabase, type ServerProcess, type SharedDatabase } from './helpers/shared-postgres.js';
import { RURAL_LAW as LAW } from './fixtures/rural-law.js';

/**
 * Two server processes on one database, as behind the nginx of docker-compose.yml: nothing
 * that matters may live in one process's memory. A conversation moves between them, a login
 * made on one works on the other, a law uploaded on one is found on the other (each keeps its
 * lexical index in memory and rebuilds it when corpus_state.version moves), and the rate-limit
 * counters are shared.
 *
 * The database is a throwaway PostgreSQL cluster with pgvector when Debian's server is installed
 * (scripts/install-postgres.sh, run by .ci/run). Otherwise one PGlite is served over the wire
 * protocol (@electric-sql/pglite-socket). Limitation of that stand-in: PGlite is a single
 * session, so the socket server runs one query at a time and pins the session to a connection
 * only while it is inside an explicit transaction; statements of concurrent requests from the two
 * processes interleave on one session. That is enough for this test's one-request-at-a-time
 * traffic, not for load, and says nothing about locking behaviour between instances.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = { email: 'quantri@hoiphunu-test.vn', password: 'mat-khau-nhieu-may-2030' };

let database: SharedDatabase;
let a: ServerProcess;
let b: ServerProcess;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-multi-'));
  const corpus = path.join(tmp, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'luat-ho-tro.txt'), LAW);
  database = await startSharedDatabase();
  if (database.note) console.warn(`multi-instance: using one PGlite over pglite-socket: ${database.note}`);
  const env = (name: string) => ({
    DATABASE_URL: database.url,
    DATA_DIR: path.join(tmp, name),
    CORPUS_DIR: corpus,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_CHAT: '0',
    RATE_LIMIT_LOGIN: '0',
    RATE_LIMIT_SEARCH: '5',
  });
  // One after the other, as docker-compose starts them: the first migrates and indexes the corpus.
  a = await startServerProcess(ROOT, env('a'));
  b = await startServerProcess(ROOT, env('b'));
}, 240_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const call = async (server: ServerProcess, url: string, init: RequestInit & { json?: unknown } = {}) => {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(`${server.url}${url}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // SSE or HTML
  }
  return { status: res.status, body, text, headers: res.headers };
};

describe(`two server processes on one database`, () => {
  it('both report the shared database and the same library', async () => {
    // The backend is shown to officials only (/api/ready); anyone sees the counts.
    const token = (await call(a, '/api/auth/login', { method: 'POST', json: { email: ADMIN.email, password: ADMIN.password } })).body.token;
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const ha = (await call(a, '/api/ready', auth)).body;
    const hb = (await call(b, '/api/ready', auth)).body;
    expect(ha).toMatchObject({ status: 'ready', details: { db: 'postgres' }, documents: 1 });
    expect(hb).toMatchObject({ status: 'ready', details: { db: 'postgres' }, documents: 1, chunks: ha.chunks });
  });

  it('a conversation started on A continues on B, and A shows every turn', async () => {
    const first = await call(a, '/api/chat', { method: 'POST', json: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
    expect(first.status, first.text).toBe(200);
    expect(first.body.citations[0]).toMatchObject({ document: { number: '77/2030/QH15' }, article: '2' });
    const id = first.body.conversationId;

    const second = await call(b, '/api/chat', {
      method: 'POST',
      headers: { accept: 'text/event-stream' },
      json: { message: 'thế còn học nghề thì sao', conversationId: id },
    });
    expect(second.status).toBe(200);
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(second.text)![1]!);
    expect(done.conversationId).toBe(id);
    expect(done.citations.some((c: any) => c.article === '3')).toBe(true);

    const third = await call(b, '/api/chat', { method: 'POST', json: { message: 'người học nghề có được hỗ trợ tiền ăn không', conversationId: id } });
    expect(third.body.conversationId).toBe(id);

    const history = await call(a, `/api/conversations/${id}`);
    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(history.body.messages[2].content).toBe('thế còn học nghề thì sao');
    // Feedback on B for an answer given by A.
    const fb = await call(b, '/api/feedback', { method: 'POST', json: { messageId: first.body.messageId, conversationId: id, rating: 1 } });
    expect(fb.status).toBe(200);
  });

  it('a login made on A works on B (bearer and cookie + CSRF), and a logout on B ends it on A', async () => {
    const login = await call(a, '/api/auth/login', { method: 'POST', json: ADMIN });
    expect(login.status, login.text).toBe(200);
    const { token, csrfToken } = login.body;
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(b, '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).body.user.email).toBe(ADMIN.email);
    expect((await call(b, '/api/admin/users', { headers: { cookie } })).status).toBe(200);
    // A state-changing request on B with the cookie needs the CSRF token issued by A.
    expect((await call(b, '/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    expect((await call(b, '/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(200);
    expect((await call(a, '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('a law uploaded on A is searchable on B within 2 s', async () => {
    const BEES = `QUỐC HỘI\nSố: 88/2031/QH15\n\nLUẬT\nNUÔI ONG LẤY MẬT\n\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về nuôi ong lấy mật ở vùng trung du.\nĐiều 2. Hỗ trợ tổ hợp tác nuôi ong\n1. Tổ hợp tác nuôi ong của phụ nữ được hỗ trợ mua thùng ong và cầu ong giống.\n`;
    // Each poll from its own address (believed from loopback): this test is not about rate limits.
    let poll = 0;
    const find = async () => {
      const r = await call(b, `/api/search?q=${encodeURIComponent('tổ hợp tác nuôi ong được hỗ trợ thùng ong')}`, {
        headers: { 'x-forwarded-for': `198.51.100.${100 + (poll++ % 100)}` },
      });
      expect(r.status, r.text).toBe(200);
      return r.body.results.some((h: any) => h.document.number === '88/2031/QH15');
    };
    expect(await find()).toBe(false);

    const login = await call(a, '/api/auth/login', { method: 'POST', json: ADMIN });
    const boundary = '----hieuluat-multi';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="luat-nuoi-ong.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from(BEES, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await call(a, '/api/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${login.body.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(up.status, up.text).toBe(201);
    const uploaded = performance.now();
    let found = false;
    // About a second (NOTIFY, or the one-second poll); the bound is generous for a loaded machine.
    while (!found && performance.now() - uploaded < 20_000) {
      found = await find();
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found, 'B did not find the law uploaded on A').toBe(true);
  });

  it('rate-limit counters are shared: 3 searches on A and 2 on B use up the budget of 5 on both', async () => {
    const client = { 'x-forwarded-for': '198.51.100.23' };
    for (const server of [a, a, a, b, b]) expect((await call(server, '/api/search?q=vay%20v%E1%BB%91n', { headers: client })).status).toBe(200);
    const onA = await call(a, '/api/search?q=vay', { headers: client });
    const onB = await call(b, '/api/search?q=vay', { headers: client });
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onB.body.error).toBe('rate_limited');
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/config.js';
import { buildApp } from '../server/app.js';
import { createServices, syncCorpus } from '../server/bootstrap.js';
import { memoryDb } from './helpers/template-db.js';
import { EmbedderError, type Embedder } from '../ingest/embed/embedder.js';
import { guardQueryEmbedder } from '../server/resilience/query-embedder.js';
import type { Services } from '../server/services.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { addOfficial, bearer, json, login, multipart, officialsApp, type Login } from './helpers/officials.js';
import { RURAL_LAW as LAW } from './fixtures/rural-law.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('embedding provider down', () => {
  let fake: FakeOpenAI;
  let app: FastifyInstance;
  let services: Services;
  let dataDir: string;
  let close: () => Promise<void>;
  let editor: Login;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    ({ app, services, dataDir, close } = await officialsApp({
      OPENAI_BASE_URL: fake.url,
      EMBEDDING_MODEL: 'fake-embed',
      EMBEDDING_DIMENSIONS: '16',
      CHAT_MODEL: 'fake-chat',
      LLM_FIRST_TOKEN_TIMEOUT_MS: '800',
    }));
    await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
    editor = await login(app, 'bientap@hoiphunu.vn');
    const m = multipart([{ filename: 'luat-ho-tro.txt', content: LAW, type: 'text/plain' }]);
    const res = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(services.embedder.id).toBe('openai:fake-embed:16');
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('at question time: chat still answers with citations from full-text retrieval after one failed call, health says embedder degraded', async () => {
    fake.mode = 'fail';
    fake.requests.length = 0;
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.kind).toBe('answer');
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations[0]).toMatchObject({ document: { number: '77/2030/QH15' }, article: '2' });
    // One call, not retried: a failing provider costs the question one round trip, not a retry
    // schedule (how long that takes is the benchmark's to print, not a test's to time).
    expect(fake.requests.filter((r) => r.path.endsWith('/embeddings'))).toHaveLength(1);

    const health = json(await app.inject({ method: 'GET', url: '/api/health' }));
    expect(health.status).toBe('degraded');
    expect(health.degraded).toContain('embedder');

    // The next questions do not wait for the provider again (the circuit is open).
    fake.requests.length = 0;
    const search = await app.inject({ method: 'GET', url: '/api/search?q=h%E1%BB%8Dc%20ngh%E1%BB%81%20mi%E1%BB%85n%20ph%C3%AD' });
    expect(search.statusCode).toBe(200);
    expect(json(search).results[0].article).toBe('3');
    expect(fake.requests.filter((r) => r.path.endsWith('/embeddings'))).toHaveLength(0);
  });

  it('at ingest: 503 with a Vietnamese message and Retry-After, and nothing is half-written', async () => {
    fake.mode = 'fail';
    const before = (await services.db.query<{ d: number; c: number }>('select (select count(*)::int from documents) d, (select count(*)::int from chunks) c'))
      .rows[0]!;
    const other = LAW.replace('77/2030/QH15', '78/2030/QH15').replace('HỖ TRỢ PHỤ NỮ NÔNG THÔN', 'HỌC NGHỀ CHO PHỤ NỮ');
    const m = multipart([{ filename: 'luat-hoc-nghe.txt', content: other, type: 'text/plain' }]);
    const res = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });
    expect(res.statusCode, res.body).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const body = json(res);
    expect(body.error).toBe('unavailable:embedder');
    expect(body.message).toMatch(/thử lại sau/);
    expect(JSON.stringify(body)).not.toMatch(/upstream exploded|EmbedderError|stack/);
    const after = (await services.db.query<{ d: number; c: number }>('select (select count(*)::int from documents) d, (select count(*)::int from chunks) c'))
      .rows[0]!;
    expect(after).toEqual(before);
    expect((await services.db.query("select 1 from documents where number = '78/2030/QH15'")).rows).toHaveLength(0);
    const upload = (
      await services.db.query<{ state: string; error_code: string }>("select state, error_code from uploads where filename = 'luat-hoc-nghe.txt'")
    ).rows;
    expect(upload).toEqual([{ state: 'error', error_code: 'unavailable:embedder' }]);
    // No temp file left behind and no original kept for a document that does not exist.
    const uploadsDir = path.join(dataDir, 'uploads');
    expect(fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).filter((f) => f.endsWith('.part')) : []).toEqual([]);
    const originals = path.join(dataDir, 'originals');
    expect(fs.existsSync(originals) ? fs.readdirSync(originals).length : 0).toBe(1);
  });
});

describe('embedding provider that accepts and never answers, from the first start', () => {
  let fake: FakeOpenAI;
  let services: Services;
  let app: FastifyInstance;
  let corpusDir: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ mode: 'hang' });
    corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-corpus-'));
    fs.writeFileSync(path.join(corpusDir, 'luat-ho-tro.txt'), LAW);
    // No EMBEDDING_DIMENSIONS: even the vector size must be learnt from the provider.
    const config = loadConfig(
      {
        CORPUS_DIR: corpusDir,
        DATA_DIR: corpusDir,
        OPENAI_BASE_URL: fake.url,
        EMBEDDING_MODEL: 'fake-embed',
        LLM_ASSIST_TIMEOUT_MS: '0',
        LLM_FIRST_TOKEN_TIMEOUT_MS: '300',
        EMBEDDING_TIMEOUT_MS: '300',
        EMBEDDING_RETRY_MS: '200',
        RATE_LIMIT_CHAT: '0',
        RATE_LIMIT_SEARCH: '0',
        LOG_LEVEL: 'silent',
      },
      ROOT,
    );
    const db = await memoryDb();
    // The provider never answers: the start completing at all shows it did not wait for it.
    services = await createServices(config, { db });
    app = await buildApp(services);
    await syncCorpus(services, {});
  });
  afterAll(async () => {
    await app.close();
    await services.db.close();
    await fake.close();
    fs.rmSync(corpusDir, { recursive: true, force: true });
  });

  it('the server is ready at once on full-text retrieval, says embeddings are degraded, and embeds in the background when the provider answers', async () => {
    // Ready while the provider has not answered: the start did not wait for the vectors (degraded below).
    expect(fake.requests.some((r) => r.path.endsWith('/embeddings'))).toBe(true);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'degraded', notReady: [], documents: 1 });
    expect(ready.json().degraded).toContain('embeddings');
    const search = json(await app.inject({ method: 'GET', url: '/api/search?q=vay%20v%E1%BB%91n%20%C6%B0u%20%C4%91%C3%A3i' }));
    expect(search.results[0]).toMatchObject({ article: '2' });
    // The provider never answers, so an answer at all is one given after the query's deadline.
    const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
    expect(chat.statusCode).toBe(200);
    expect(json(chat).citations[0]).toMatchObject({ document: { number: '77/2030/QH15' }, article: '2' });
    const unembedded = (await services.db.query<{ n: number }>('select count(*)::int n from chunks where embedding is null')).rows[0]!.n;
    expect(unembedded).toBeGreaterThan(0);

    // The provider comes back: the job's next try (back-off from 200 ms, at most 6.4 s) makes every vector.
    // (The chat model stays listed until it next answers: only the embeddings are watched here.)
    fake.mode = 'ok';
    let degraded: string[] = ['embeddings'];
    for (let i = 0; i < 120 && degraded.includes('embeddings'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      degraded = json(await app.inject({ method: 'GET', url: '/api/ready' })).degraded;
    }
    expect(degraded).not.toContain('embeddings');
    expect(degraded).not.toContain('embedder');
    const left = (await services.db.query<{ n: number }>('select count(*)::int n from chunks where embedding is null')).rows[0]!.n;
    expect(left).toBe(0);
    const state = (await services.db.query<{ embedder_id: string; dimension: number }>('select embedder_id, dimension from embedder_state')).rows[0];
    expect(state).toEqual({ embedder_id: 'openai:fake-embed', dimension: 16 });
  });
});

describe('embedding provider hanging at upload time', () => {
  let fake: FakeOpenAI;
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ mode: 'hang' });
    ({ app, services, close } = await officialsApp({
      OPENAI_BASE_URL: fake.url,
      EMBEDDING_MODEL: 'fake-embed',
      EMBEDDING_TIMEOUT_MS: '300',
      EMBEDDING_RETRY_MS: '60000',
      LLM_ASSIST_TIMEOUT_MS: '0',
    }));
    await addOfficial(services, 'bientap3@hoiphunu.vn', 'editor');
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('answers 503 + Retry-After in Vietnamese within the deadline, not 500 and not after minutes', async () => {
    const editor = await login(app, 'bientap3@hoiphunu.vn');
    const m = multipart([{ filename: 'luat-ho-tro.txt', content: LAW, type: 'text/plain' }]);
    // The provider never answers: a reply at all is the deadline's (the test's own timeout catches a hang).
    const res = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });
    expect(res.statusCode, res.body).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(json(res)).toMatchObject({ error: 'unavailable:embedder', uploads: [{ state: 'error', errorCode: 'unavailable:embedder' }] });
    expect(json(res).message).toMatch(/không phản hồi/);
    expect((await services.db.query('select 1 from documents')).rows).toHaveLength(0);
  });
});

describe('chat provider that hangs: the circuit breaker', () => {
  let fake: FakeOpenAI;
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    ({ app, services, close } = await officialsApp({
      OPENAI_BASE_URL: fake.url,
      CHAT_MODEL: 'fake-chat',
      LLM_FIRST_TOKEN_TIMEOUT_MS: '400',
      LLM_ASSIST_TIMEOUT_MS: '0',
      PROVIDER_FAILURES_TO_PAUSE: '2',
      PROVIDER_COOL_DOWN_MS: '1500',
    }));
    await addOfficial(services, 'bientap2@hoiphunu.vn', 'editor');
    const editor = await login(app, 'bientap2@hoiphunu.vn');
    const m = multipart([{ filename: 'luat-ho-tro.txt', content: LAW, type: 'text/plain' }]);
    const res = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  const ask = async () => {
    const t0 = Date.now();
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
    expect(res.statusCode, res.body).toBe(200);
    return { body: json(res), ms: Date.now() - t0 };
  };

  it('two timeouts open it: the next questions get the offline answer at once without calling the provider, then one trial closes it', async () => {
    fake.mode = 'ok';
    expect((await ask()).body.fallback).toBe(false);

    fake.mode = 'slow';
    for (let i = 0; i < 2; i++) {
      const { body, ms } = await ask();
      expect(body.fallback).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(350);
    }
    fake.requests.length = 0;
    const skipped = await ask();
    expect(skipped.body.fallback).toBe(true);
    expect(skipped.body.citations[0]).toMatchObject({ document: { number: '77/2030/QH15' }, article: '2' });
    // No call at all while the circuit is open, so nothing to wait for.
    expect(fake.requests).toHaveLength(0);
    expect(json(await app.inject({ method: 'GET', url: '/api/health' })).degraded).toContain('llm');

    // After the cool-down one call is let through; the provider is back, so the circuit closes.
    fake.mode = 'ok';
    await new Promise((r) => setTimeout(r, 1600));
    expect((await ask()).body.fallback).toBe(false);
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBeGreaterThan(0);
    expect(json(await app.inject({ method: 'GET', url: '/api/health' })).status).toBe('ok');
  });

  it('an unusable answer (no citation) is not an outage: it never opens the circuit', async () => {
    fake.mode = 'garbage';
    for (let i = 0; i < 3; i++) expect((await ask()).body.fallback).toBe(true);
    fake.mode = 'ok';
    fake.requests.length = 0;
    expect((await ask()).body.fallback).toBe(false);
    expect(fake.requests.length).toBeGreaterThan(0);
  });
});

describe('the question-time embedder guard', () => {
  const flaky = (behaviour: { mode: 'ok' | 'fail' | 'hang' }): Embedder & { calls: number } => ({
    id: 'flaky',
    dimension: 2,
    calls: 0,
    async embed(texts) {
      this.calls++;
      if (behaviour.mode === 'fail') throw new Error('connect ECONNREFUSED');
      if (behaviour.mode === 'hang') await new Promise((r) => setTimeout(r, 5_000));
      return texts.map(() => [1, 0]);
    },
  });

  it('turns a hang into an EmbedderError after the timeout, skips the provider while the circuit is open, then recovers', async () => {
    const behaviour = { mode: 'hang' as 'ok' | 'fail' | 'hang' };
    const inner = flaky(behaviour);
    const guarded = guardQueryEmbedder(inner, { timeoutMs: 100, retryAfterMs: 300 });
    expect(guarded.id).toBe('flaky');
    // The inner embedder never settles: rejecting at all is the timeout's doing.
    await expect(guarded.embed(['a'])).rejects.toBeInstanceOf(EmbedderError);
    expect(guarded.isHealthy()).toBe(false);
    behaviour.mode = 'ok';
    await expect(guarded.embed(['a'])).rejects.toBeInstanceOf(EmbedderError);
    expect(inner.calls).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    expect(await guarded.embed(['a'])).toEqual([[1, 0]]);
    expect(guarded.isHealthy()).toBe(true);
    behaviour.mode = 'fail';
    await expect(guarded.embed(['a'])).rejects.toThrow(/ECONNREFUSED/);
  });
});

/** `npm start` runs `tsx server/main.ts`; the server is started the same way, without npm's own output. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-start-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, AUTO_INGEST: 'false', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

describe('start-up failures', () => {
  it('database unreachable: one clear line, non-zero exit, no stack trace', async () => {
    const r = await startServer({ DATABASE_URL: 'postgres://127.0.0.1:1/x', PORT: '0' });
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    const lines = r.stderr.trim().split('\n').filter(Boolean);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/database/i);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
  });

  it('a bad config value: exit code 2, the variable named', async () => {
    const r = await startServer({ PORT: 'tám-nghìn', RATE_LIMIT_CHAT: '-5' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('RATE_LIMIT_CHAT');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

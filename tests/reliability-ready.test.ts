import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { syncCorpus } from '../server/bootstrap.js';
import type { Services } from '../server/services.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { addOfficial, bearer, login, officialsApp } from './helpers/officials.js';

describe('/api/health (liveness) and /api/ready (readiness)', () => {
  let fake: FakeOpenAI;
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    ({ app, services, close } = await officialsApp({
      OPENAI_BASE_URL: fake.url,
      CHAT_MODEL: 'mo-hinh-bi-mat',
      EMBEDDING_MODEL: 'nhung-bi-mat',
      EMBEDDING_DIMENSIONS: '16',
    }));
    await addOfficial(services, 'quantri@hoiphunu.vn', 'admin');
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('is not ready until the corpus is synced, then ready; neither probe names a model or the backend to anonymous callers', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(before.statusCode, before.body).toBe(503);
    expect(before.headers['retry-after']).toBeDefined();
    expect(before.json().notReady).toEqual(['corpus']);
    await syncCorpus(services);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', notReady: [], documents: 0 });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', degraded: [] });
    for (const body of [ready.body, health.body]) expect(body).not.toMatch(/bi-mat|bi_mat|pglite|postgres|openai/i);
    // An official sees which models and backend run.
    const admin = await login(app, 'quantri@hoiphunu.vn');
    const details = (await app.inject({ method: 'GET', url: '/api/ready', headers: bearer(admin) })).json().details;
    expect(details).toMatchObject({ answerer: expect.stringContaining('mo-hinh-bi-mat'), embedder: expect.stringContaining('nhung-bi-mat'), db: 'pglite' });
  });

  it('database stuck: /api/ready says 503 "database" within seconds, /api/health still answers at once', async () => {
    const original = services.db.query;
    services.db.query = (() => new Promise(() => undefined)) as typeof original;
    try {
      // Every query now hangs for ever: health answering at all shows it reads no table, and ready
      // answering 503 shows its own deadline (the test's timeout would catch a wait).
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().notReady).toContain('database');
    } finally {
      services.db.query = original;
    }
  });

  it('a disk below MIN_FREE_DISK_MB is not ready', async () => {
    const { app: full, services: s, close: closeFull } = await officialsApp({ MIN_FREE_DISK_MB: '99999999' });
    try {
      await syncCorpus(s);
      const ready = await full.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().notReady).toEqual(['disk']);
    } finally {
      await closeFull();
    }
  });
});

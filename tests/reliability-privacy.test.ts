import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACING_VARIABLES } from '../config/config.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { officialsApp } from './helpers/officials.js';
import { RURAL_LAW } from './fixtures/rural-law.js';

/** Nothing leaves without a choice: LangSmith tracing stays off whatever the environment says. */
describe('tracing is forced off', () => {
  let fake: FakeOpenAI;
  let tracer: http.Server;
  const traced: string[] = [];
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    tracer = http.createServer((req, res) => {
      traced.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => tracer.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(tracer.address() as AddressInfo).port}`;
    const env: Record<string, string> = {
      LANGSMITH_ENDPOINT: endpoint,
      LANGCHAIN_ENDPOINT: endpoint,
      LANGSMITH_API_KEY: 'lsv2-test',
      LANGCHAIN_API_KEY: 'lsv2-test',
    };
    for (const v of TRACING_VARIABLES) env[v] = 'true';
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await fake.close();
    tracer.close();
  });

  it('with every tracing variable set, a chat through the LLM sends nothing to the tracing endpoint', async () => {
    const { app, services, close } = await officialsApp({ OPENAI_BASE_URL: fake.url, CHAT_MODEL: 'fake-chat' });
    try {
      for (const v of TRACING_VARIABLES) expect(process.env[v]).toBe('false');
      await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(RURAL_LAW), filename: 'luat.txt' });
      await services.retriever.refresh();
      const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'phụ nữ nông thôn có được vay vốn ưu đãi không' } });
      expect(res.statusCode).toBe(200);
      expect(fake.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
      // LangChain batches runs in the background: give it time to send, had it been on.
      await new Promise((r) => setTimeout(r, 2500));
      expect(traced).toEqual([]);
    } finally {
      await close();
    }
  });
});

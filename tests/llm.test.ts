import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { createServices, syncCorpus } from '../server/bootstrap.js';
import { dbFor } from './helpers/template-db.js';
import type { Db } from '../store/db.js';
import { OpenAIEmbedder } from '../ingest/embed/openai.js';
import { EmbedderError } from '../ingest/embed/embedder.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { testConfig } from './helpers/app.js';

let fake: FakeOpenAI;
let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // The retrieval aids have their own tests (tests/llm-assist.test.ts); here the answerer alone.
  const config = testConfig({ OPENAI_BASE_URL: fake.url, CHAT_MODEL: 'fake-chat', LLM_FIRST_TOKEN_TIMEOUT_MS: '5000', LLM_ASSIST_TIMEOUT_MS: '0' });
  db = await dbFor(config);
  const services = await createServices(config, { db });
  await syncCorpus(services);
  app = await buildApp(services);
});
afterAll(async () => {
  await app.close();
  await db.close();
  await fake.close();
});

const ask = async (message: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('LLM answerer against an OpenAI-compatible server', () => {
  it('maps the model’s [n] citations to the numbered sources it was given', async () => {
    fake.mode = 'ok';
    fake.requests.length = 0;
    const r = await ask('chồng đánh vợ có phải bạo lực gia đình không');
    expect(r.fallback).toBe(false);
    expect(r.answer).toContain('[1]');
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations[0].source).toBe(1);
    const call = fake.requests.find((q) => q.path.endsWith('/chat/completions'))!;
    expect(call.body.model).toBe('fake-chat');
    expect(call.body.stream).toBe(true);
    // The sources sent to the model are the retrieved articles, numbered.
    const user = call.body.messages.find((m: any) => m.role === 'user').content as string;
    expect(user).toMatch(/\[1\] .*Điều \d+/);
    expect(user).toContain(r.citations[0].document.number);
  });

  it('strips an invented article and an out-of-range source before anything is shown', async () => {
    fake.mode = 'invent';
    const r = await ask('chồng đánh vợ có phải bạo lực gia đình không');
    expect(r.answer).not.toContain('Điều 999');
    expect(r.answer).not.toContain('[42]');
    expect(r.citations.every((c: any) => c.article !== '999')).toBe(true);
    expect(r.citations.length).toBeGreaterThan(0);
  });

  for (const mode of ['fail', 'garbage', 'empty', 'slow'] as const) {
    it(`falls back to a cited offline answer when the provider is ${mode}`, async () => {
      fake.mode = mode;
      const t0 = Date.now();
      const r = await ask('vợ chồng thuận tình ly hôn cần điều kiện gì');
      // A slow provider answers after 10 s: the answer comes from the deadline, not the provider.
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(r.fallback).toBe(true);
      expect(r.citations.length).toBeGreaterThan(0);
      expect(r.answer).toMatch(/Điều \d+/);
      expect(r.answer).not.toContain('lorem');
      const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health.status).toBe('degraded');
      expect(health.degraded).toContain('llm');
    });
  }

  it('streams SSE tokens from the model through the server', async () => {
    fake.mode = 'ok';
    const res = await app.inject({
      method: 'POST',
      url: '/api/chat',
      headers: { accept: 'text/event-stream' },
      payload: { message: 'chồng đánh vợ có phải bạo lực gia đình không' },
    });
    const events = [...res.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('meta');
    expect(events.filter((e) => e === 'token').length).toBeGreaterThan(1);
    expect(events.slice(-2)).toEqual(['citations', 'done']);
    expect(res.body).not.toContain('"fallback":true');
  });

  it('a member closing her tab mid-stream is an abort: the LLM stays healthy, no fallback is made or stored', async () => {
    fake.mode = 'ok';
    const first = await ask('chồng đánh vợ có phải bạo lực gia đình không');
    expect(first.fallback).toBe(false);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    // The model takes a while to start: she is gone before its first token.
    fake.delayMs = 600;
    fake.requests.length = 0;
    const tab = new AbortController();
    const res = await fetch(`${address}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'vợ chồng thuận tình ly hôn cần điều kiện gì', conversationId: first.conversationId }),
      signal: tab.signal,
    });
    const reader = res.body!.getReader();
    let seen = '';
    while (!seen.includes('event: meta')) seen += new TextDecoder().decode((await reader.read()).value);
    tab.abort();
    await reader.cancel().catch(() => {});
    // Long enough for the model's reply (or, before the fix, the fallback and its write) to be over.
    await new Promise((r) => setTimeout(r, 1200));
    fake.delayMs = 0;
    expect(fake.requests.some((q) => q.path.endsWith('/chat/completions') && q.body.stream)).toBe(true);
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.degraded ?? []).not.toContain('llm');
    const conv = (await app.inject({ method: 'GET', url: `/api/conversations/${first.conversationId}` })).json();
    expect(conv.messages).toHaveLength(2);
    expect(conv.messages.some((m: { fallback: boolean }) => m.fallback)).toBe(false);
  });

  it('rewrites a follow-up with the model before retrieval', async () => {
    fake.mode = 'ok';
    fake.requests.length = 0;
    const first = await ask('vợ muốn ly hôn đơn phương thì làm thế nào');
    await app.inject({
      method: 'POST',
      url: '/api/chat',
      payload: { message: 'thế còn nếu chồng không đồng ý thì sao?', conversationId: first.conversationId },
    });
    const rewrite = fake.requests.find((q) => JSON.stringify(q.body).includes('Viết lại câu hỏi cuối cùng'));
    expect(rewrite).toBeTruthy();
  });
});

describe('OpenAI embedder', () => {
  it('embeds in batches through the provider and learns the dimension', async () => {
    fake.mode = 'ok';
    const e = new OpenAIEmbedder({ model: 'fake-embed', baseURL: fake.url, dimension: 24, batchSize: 2 });
    await e.init();
    const v = await e.embed(['một', 'hai', 'ba']);
    expect(v).toHaveLength(3);
    expect(v[0]).toHaveLength(24);
    expect(e.id).toBe('openai:fake-embed:24');
  });

  it('reports a failing provider as an EmbedderError', async () => {
    fake.mode = 'fail';
    const e = new OpenAIEmbedder({ model: 'fake-embed', baseURL: fake.url, dimension: 24 });
    await expect(e.embed(['một'])).rejects.toBeInstanceOf(EmbedderError);
    fake.mode = 'ok';
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, syncCorpus } from '../server/bootstrap.js';
import { parseOrder } from '../server/retrieval/llm-assist.js';
import type { Services } from '../server/services.js';
import { dbFor } from './helpers/template-db.js';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai.js';
import { testConfig } from './helpers/app.js';

let fake: FakeOpenAI;
let withLlm: Services;
let offline: Services;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // One library, two service sets: the offline retriever and the one the model helps.
  const db = await dbFor(testConfig());
  offline = await createServices(testConfig(), { db });
  await syncCorpus(offline);
  // A deadline far above the fake's reply, so a loaded machine does not turn the model's answer into a fallback.
  withLlm = await createServices(testConfig({ OPENAI_BASE_URL: fake.url, CHAT_MODEL: 'fake-chat', LLM_ASSIST_TIMEOUT_MS: '10000' }), { db });
});
afterAll(async () => {
  await offline.db.close();
  await fake.close();
});

const labels = (hits: { document: { number: string | null }; article: string | null }[]) => hits.map((h) => `${h.document.number} Điều ${h.article}`);
const QUESTION = 'lão hàng xóm cứ sờ soạng con bé nhà em lúc vắng người';

describe('retrieval aided by a chat provider', () => {
  it('searches the model’s rewrite in the law’s words beside her own words', async () => {
    fake.mode = 'ok';
    fake.rerank = '';
    fake.queryRewrite = 'hành vi dâm ô đối với người dưới 16 tuổi';
    fake.requests.length = 0;
    const r = await withLlm.retriever.search(QUESTION, { k: 5 });
    expect(r.expanded).toContain('dâm ô đối với người dưới 16 tuổi');
    expect(labels(r.hits).slice(0, 3)).toContain('100/2015/QH13 Điều 146');
    const prompt = JSON.stringify(fake.requests.map((q) => q.body.messages));
    expect(prompt).toContain('VIẾT LẠI BẰNG TỪ NGỮ PHÁP LUẬT');
    expect(prompt).toContain(QUESTION);
    // The same question again is answered from the cache, not asked twice.
    const before = fake.requests.filter((q) => JSON.stringify(q.body).includes('VIẾT LẠI')).length;
    await withLlm.retriever.search(QUESTION, { k: 5 });
    expect(fake.requests.filter((q) => JSON.stringify(q.body).includes('VIẾT LẠI')).length).toBe(before);
  });

  it('reorders what was found as the model ranks it, keeping the rest in order', async () => {
    fake.mode = 'ok';
    fake.queryRewrite = '';
    fake.rerank = '[3, 1, 2]';
    const q = 'ly hôn thì ai được nuôi con nhỏ';
    const base = labels((await offline.retriever.search(q, { k: 5 })).hits);
    const ranked = labels((await withLlm.retriever.search(q, { k: 5 })).hits);
    expect(ranked).toEqual([base[2], base[0], base[1], base[3], base[4]]);
  });

  it('keeps the offline order when the model answers garbage', async () => {
    fake.mode = 'garbage';
    const q = 'nghỉ thai sản được bao lâu';
    const base = labels((await offline.retriever.search(q, { k: 5 })).hits);
    expect(labels((await withLlm.retriever.search(q, { k: 5 })).hits)).toEqual(base);
  });

  it('does not wait for a slow model beyond its deadline', async () => {
    const slow = await createServices(testConfig({ OPENAI_BASE_URL: fake.url, CHAT_MODEL: 'fake-chat', LLM_ASSIST_TIMEOUT_MS: '300' }), { db: offline.db });
    fake.mode = 'ok';
    fake.delayMs = 5000;
    fake.queryRewrite = 'bất kỳ';
    fake.rerank = '[2, 1]';
    try {
      const q = 'chồng đánh vợ thì báo ai';
      const t0 = performance.now();
      const r = await slow.retriever.search(q, { k: 5 });
      // Waiting for the model would take its whole 5 s delay.
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(labels(r.hits)).toEqual(labels((await offline.retriever.search(q, { k: 5 })).hits));
    } finally {
      fake.delayMs = 0;
    }
  });
});

describe('parseOrder', () => {
  it('reads a JSON array of source numbers, each once and in range', () => {
    expect(parseOrder('[3, 1, 2]', 3)).toEqual([2, 0, 1]);
    expect(parseOrder('Thứ tự: [2, 2, 9, 1] là hợp lý', 3)).toEqual([1, 0]);
    expect(parseOrder('3, 1, 2', 3)).toBeNull();
    expect(parseOrder('[0, 7]', 3)).toBeNull();
    expect(parseOrder('[]', 3)).toBeNull();
  });
});

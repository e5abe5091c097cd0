import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCorpus } from '../server/bootstrap.js';
import { addOfficial, json, login, officialsApp, type Login } from './helpers/officials.js';

/** Hiểu Luật as a model for other systems, driven by the official `openai` npm client against a real port. */
describe('OpenAI-compatible endpoint (/v1)', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let admin: Login;
  let baseURL: string;
  let key: string;
  let keyId: number;

  const createKey = async (scopes: string[], ratePerMin = 60) => {
    const r = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { name: 'Open WebUI của Hội', scopes, ratePerMin },
    });
    expect(r.statusCode).toBe(200);
    return json(r) as { key: string; apiKey: { id: number; prefix: string } };
  };

  beforeAll(async () => {
    ctx = await officialsApp({ AUTO_INGEST: 'true' });
    await syncCorpus(ctx.services);
    await addOfficial(ctx.services, 'quantri@hoi.vn', 'admin');
    admin = await login(ctx.app, 'quantri@hoi.vn');
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/v1`;
    const k = await createKey(['chat']);
    key = k.key;
    keyId = k.apiKey.id;
    expect(key).toMatch(/^hl_/);
    expect(k.apiKey.prefix).toBe(key.slice(0, 10));
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('lists the model and answers with citations in the text and in a structured field', async () => {
    const client = new OpenAI({ baseURL, apiKey: key });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['hieu-luat']);

    const r = await client.chat.completions.create({ model: 'hieu-luat', messages: [{ role: 'user', content: 'chồng đánh vợ thì báo ai' }] });
    const text = r.choices[0]!.message.content!;
    expect(text).toContain('Căn cứ:\n[1] ');
    const citations = (r as unknown as { citations: { index: number; label: string; documentId: string; article: string }[] }).citations;
    expect(citations.length).toBeGreaterThan(0);
    expect(text).toContain(`[1] ${citations[0]!.label}`);
    expect(citations[0]!.label).toMatch(/Điều \d+/);
    // Nothing is kept beyond the "không lưu lịch sử" window.
    const kept = await ctx.services.db.query<{ no_history: boolean }>('select no_history from conversations');
    expect(kept.rows.every((c) => c.no_history)).toBe(true);
  });

  it('streams a cited answer to the openai client', async () => {
    const client = new OpenAI({ baseURL, apiKey: key });
    const stream = await client.chat.completions.create({
      model: 'hieu-luat',
      stream: true,
      messages: [
        { role: 'system', content: 'Bạn là trợ lý.' },
        { role: 'user', content: 'chồng đánh vợ thì báo ai' },
      ],
    });
    let text = '';
    let chunks = 0;
    let citations: unknown[] = [];
    let finish: string | null = null;
    for await (const c of stream) {
      chunks++;
      text += c.choices[0]?.delta?.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      const extra = (c as unknown as { citations?: unknown[] }).citations;
      if (extra) citations = extra;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    expect(text).toMatch(/Căn cứ:\n\[1\] .*Điều \d+/);
    expect(citations.length).toBeGreaterThan(0);
  });

  it('refuses missing, wrong-scope and revoked keys, and limits a key per minute; creation and revocation are audited', async () => {
    await expect(new OpenAI({ baseURL, apiKey: 'hl_khong-phai-khoa-that-12345678' }).models.list()).rejects.toMatchObject({ status: 401 });
    const library = await createKey(['library']);
    await expect(new OpenAI({ baseURL, apiKey: library.key }).models.list()).rejects.toMatchObject({ status: 403 });

    const limited = await createKey(['chat'], 2);
    const slow = new OpenAI({ baseURL, apiKey: limited.key, maxRetries: 0 });
    await slow.models.list();
    await slow.models.list();
    await expect(slow.models.list()).rejects.toMatchObject({ status: 429 });

    const del = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${keyId}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(del.statusCode).toBe(200);
    await expect(new OpenAI({ baseURL, apiKey: key }).models.list()).rejects.toMatchObject({ status: 401 });

    const list = json(await ctx.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: { cookie: admin.cookie } }));
    expect(JSON.stringify(list)).not.toContain(key);
    const audit = await ctx.services.db.query<{ action: string }>(`select action from audit_log where action like 'api_key.%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['api_key.create', 'api_key.create', 'api_key.create', 'api_key.revoke']);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${library.key}` },
      payload: { messages: [] },
    });
    expect(bad.statusCode).toBe(400);
  });
});

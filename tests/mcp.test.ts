import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { addOfficial, json, login, officialsApp } from './helpers/officials.js';

/** The library's MCP tools over streamable HTTP, driven by the SDK's own client. */
describe('MCP server at /mcp', () => {
  let ctx: Awaited<ReturnType<typeof officialsApp>>;
  let url: URL;
  const keys: Record<string, string> = {};

  const connect = async (key: string) => {
    const client = new Client({ name: 'kiem-thu', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    return client;
  };

  beforeAll(async () => {
    ctx = await officialsApp();
    await ingestDocument(ctx.services.db, ctx.services.embedder, { bytes: Buffer.from(RURAL_LAW), filename: 'luat.txt', origin: 'upload' });
    await ctx.services.retriever.refresh();
    await addOfficial(ctx.services, 'quantri@hoi.vn', 'admin');
    const admin = await login(ctx.app, 'quantri@hoi.vn');
    for (const scope of ['library', 'chat']) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/admin/api-keys',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: { name: `khoá ${scope}`, scopes: [scope] },
      });
      keys[scope] = json(r).key;
    }
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    url = new URL(`http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/mcp`);
  });
  afterAll(async () => ctx?.close());

  it('lists the tools and calls them: search, read an article with its validity, check a document', async () => {
    const client = await connect(keys.library!);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual(['document_status', 'read_article', 'search_library']);

    const found = (await client.callTool({ name: 'search_library', arguments: { query: 'học nghề có mất tiền không', k: 2 } })) as { structuredContent: any };
    expect(found.structuredContent.results[0]).toMatchObject({ article: '3', articleTitle: 'Học nghề miễn phí', status: 'còn hiệu lực' });
    const documentId = found.structuredContent.results[0].documentId;

    const article = (await client.callTool({ name: 'read_article', arguments: { documentId, article: '2' } })) as { structuredContent: any };
    expect(article.structuredContent).toMatchObject({ article: '2', title: 'Quyền được vay vốn', inForce: true, replacedBy: null });
    expect(article.structuredContent.text).toContain('vay vốn ưu đãi');

    await ctx.services.db.query(`update documents set status = 'replaced', replaced_by = '99/2031/QH15' where id = $1`, [documentId]);
    const status = (await client.callTool({ name: 'document_status', arguments: { document: '77/2030/qh15' } })) as { structuredContent: any };
    expect(status.structuredContent).toMatchObject({ found: true, inForce: false, status: 'đã được thay thế', replacedBy: '99/2031/QH15' });
    const missing = (await client.callTool({ name: 'read_article', arguments: { documentId, article: '99' } })) as { isError?: boolean };
    expect(missing.isError).toBe(true);
    await client.close();
  });

  it('needs a key with the library scope', async () => {
    await expect(connect(keys.chat!)).rejects.toThrow();
    await expect(connect('hl_khong-phai-khoa-that-12345678')).rejects.toThrow();
    const r = await ctx.app.inject({ method: 'POST', url: '/mcp', payload: {} });
    expect(r.statusCode).toBe(401);
  });
});

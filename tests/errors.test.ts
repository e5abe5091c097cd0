import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import security from '../server/plugins/security.js';
import { createServices } from '../server/bootstrap.js';
import { ERROR_STATUS, isErrorCode, statusOf } from '../server/errors.js';
import { memoryDb } from './helpers/template-db.js';
import { ROOT, testConfig } from './helpers/app.js';

// Nothing here needs the corpus: an empty library answers every error path.
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  const services = await createServices(testConfig(), { db: await memoryDb() });
  app = await buildApp(services);
});
afterAll(async () => {
  await app.close();
  await app.services.db.close();
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.includes('.tmp.') ? [p] : [];
  });
}

describe('one error catalogue', () => {
  it('every code thrown in the server is in the catalogue, with the catalogue’s status', () => {
    const thrown: { file: string; status: number; code: string }[] = [];
    for (const file of sources(path.join(ROOT, 'server'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new AppError\(\s*(\d{3}),\s*'([^']+)'/g)) thrown.push({ file, status: Number(m[1]), code: m[2]! });
      for (const m of text.matchAll(/\bnotFound\(\s*'([^']+)'/g)) thrown.push({ file, status: 404, code: `not_found:${m[1]}` });
      for (const m of text.matchAll(/\bbadRequest\(\s*'([^']+)'/g)) thrown.push({ file, status: 400, code: `invalid:${m[1]}` });
    }
    expect(thrown.length).toBeGreaterThan(40);
    const drift = thrown
      .filter((t) => !isErrorCode(t.code) || ERROR_STATUS[t.code] !== t.status)
      .map((t) => `${path.relative(ROOT, t.file)}: ${t.status} ${t.code}`);
    expect(drift).toEqual([]);
  });

  it('uploads refused by the ingest pipeline get one status per code', () => {
    expect(statusOf('invalid:too_large')).toBe(413);
    expect(statusOf('invalid:upload_type')).toBe(415);
    expect(statusOf('invalid:pdf_encrypted')).toBe(422);
    expect(statusOf('internal')).toBe(500);
    // A code stored by an older version is still a refused file.
    expect(statusOf('invalid:something_old')).toBe(422);
  });
});

describe('framework errors in our words', () => {
  it('a body that is not JSON is invalid:json with a Vietnamese message, no Fastify code', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/json' }, payload: '{"message": "chồng đánh' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid:json', message: 'Nội dung gửi lên không đúng định dạng JSON.' });
    expect(res.body.toLowerCase()).not.toContain('fst_');
  });

  it('a body of a type the route does not read is 415 invalid:content_type', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('invalid:content_type');
    expect(res.body.toLowerCase()).not.toContain('fst_');
  });

  it('a wrong method on a real path is 405 with Allow; an unknown path stays 404', async () => {
    const get = await app.inject({ method: 'GET', url: '/api/chat' });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json()).toMatchObject({ error: 'method_not_allowed' });
    const put = await app.inject({ method: 'PUT', url: '/api/conversations/abcdefgh12?x=1' });
    expect(put.statusCode).toBe(405);
    expect(String(put.headers.allow).split(', ')).toContain('GET');
    const missing = await app.inject({ method: 'POST', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found:route');
  });

  it('the chat answers a domain error with the same code and status over JSON and SSE', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: '   ' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'invalid:empty_message', message: 'Chị hãy nhập câu hỏi.' });
    const sse = await app.inject({ method: 'POST', url: '/api/chat', headers: { accept: 'text/event-stream' }, payload: { message: '   ' } });
    const data = /event: error\ndata: (.*)\n/.exec(sse.body)?.[1];
    expect(JSON.parse(data!)).toEqual({ error: 'invalid:empty_message', message: 'Chị hãy nhập câu hỏi.', status: 400 });
  });
});

describe('plugins say what they need', () => {
  it('the security plugin refuses to start without the error handler and the services', async () => {
    const bare = Fastify();
    bare.register(security);
    await expect(bare.ready()).rejects.toThrow(/errors|services/);
    await bare.close().catch(() => {});
  });
});

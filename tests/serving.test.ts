import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../scripts/build-web-if-missing.js';
import { DIST_DIR } from '../scripts/web-paths.js';
import { officialsApp } from './helpers/officials.js';
import { testApp } from './helpers/app.js';

/**
 * Production serving: compressed scripts, styles and JSON, year-long caching of hashed assets,
 * streams left uncompressed, and `npm start` with no devDependency installed.
 */

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

let app: FastifyInstance;
let close: () => Promise<void>;
let chatScript: string;

beforeAll(async () => {
  await ensureWebBuild();
  ({ app, close } = await officialsApp());
  // The biggest script the chat page loads.
  chatScript = fs
    .readdirSync(path.join(DIST_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => fs.statSync(path.join(DIST_DIR, 'assets', b)).size - fs.statSync(path.join(DIST_DIR, 'assets', a)).size)[0]!;
}, 180_000);
afterAll(() => close?.());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('compression and caching', () => {
  it('sends hashed scripts pre-compressed (brotli, else gzip), cached for a year', async () => {
    const raw = fs.readFileSync(path.join(DIST_DIR, 'assets', chatScript));
    const br = await get(`/assets/${chatScript}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(br.headers['content-type']).toContain('javascript');
    expect(String(br.headers['vary'])).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(raw.length * 0.4);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);

    const gz = await get(`/assets/${chatScript}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(raw)).toBe(true);

    const plain = await get(`/assets/${chatScript}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('compresses the widget loader and the pages, which are never cached stale', async () => {
    const widget = await get('/widget.js', { 'accept-encoding': 'br' });
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(widget.rawPayload).toString()).toBe(fs.readFileSync(path.join(DIST_DIR, 'widget.js'), 'utf8'));
    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(page.rawPayload).toString()).toContain('<div id="root">');
  });

  it('compresses JSON answers above 1 KB, and small ones not at all', async () => {
    const docs = await get('/docs/json', { 'accept-encoding': 'br, gzip' });
    expect(docs.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(docs.rawPayload).toString()).openapi).toMatch(/^3\./);
    const small = await get('/api/emergency', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().numbers.length).toBeGreaterThan(0);
  });

  it('compresses a search answer in one piece, with its length known', async () => {
    // The library indexed (the officials' app above has an empty one).
    const { app: withLibrary, services } = await testApp();
    const fetch = (encoding: string) =>
      withLibrary.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('nghỉ thai sản mấy tháng')}`, headers: { 'accept-encoding': encoding } });
    const plain = await fetch('identity');
    // Ten articles: above the compression plugin's own 8 KB default for a stream on two cores.
    expect(plain.rawPayload.length).toBeGreaterThan(8 * 1024);
    for (const [encoding, inflate] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const r = await fetch(encoding);
      expect(r.headers['content-encoding']).toBe(encoding);
      // Compressed in one call (a stream would be sent chunked, without a length).
      expect(Number(r.headers['content-length'])).toBe(r.rawPayload.length);
      expect(inflate(r.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
    await withLibrary.close();
    await services.db.close();
  });

  it('never compresses a streamed answer: each event must reach the phone when written', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/chat',
      headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' },
      payload: { message: 'ly hôn thì ai nuôi con' },
    });
    expect(r.headers['content-type']).toContain('text/event-stream');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toMatch(/^event: done$/m);
  });
});

describe('npm start on a production install', () => {
  const node = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', '--import', './tests/helpers/without-dev-deps.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    });

  it('needs no devDependency: the prestart check and the whole server load without them', async () => {
    // The hook really hides devDependencies.
    await expect(node(['-e', "await import('vite')"])).rejects.toThrow(/devDependency/);
    await expect(node(['scripts/build-web-if-missing.ts'])).resolves.toBeDefined();
    const { stdout } = await node([
      '-e',
      "const m = await import('./server/app.ts'); const b = await import('./server/bootstrap.ts'); console.log(typeof m.buildApp, typeof b.createServices)",
    ]);
    expect(stdout.trim()).toBe('function function');
  }, 60_000);

  it('declares which dependencies may run install scripts', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
      scripts: Record<string, string>;
    };
    expect(pkg.allowScripts).toBeDefined();
    expect(pkg.scripts.build).toBeDefined();
    expect(pkg.scripts.prestart).not.toMatch(/vite/);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../scripts/build-web-if-missing.js';
import { DIST_DIR } from '../scripts/build-web.js';
import type { Services } from '../server/services.js';
import { ensureFirstAdmin } from '../server/auth/users.js';
import { testApp } from './helpers/app.js';
import { ADMIN, launchChromium, startHostPage } from './helpers/e2e.js';
import { ANDROID_ZALO_UA, APP_ID, fakeZaloClient } from './helpers/zalo.js';

/**
 * Production's shape: the API on one origin, the pages that call it on others. The web chat
 * served by another host (a CDN or the union's site) with the API named in a <meta>, the widget
 * on a partner's page, and the Zalo Mini App built with VITE_API_BASE and served the way Zalo
 * serves it (host h5.zdn.vn…, path /zapps/<app id>/) — each streams an answer in Chromium.
 * The origins are allowed the three ways the server knows: the console's list (web chat),
 * CORS_ORIGINS (widget host and Mini App), and, in tests/cors-stream.test.ts, Zalo's own.
 */

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/** A plain static host on its own port: files under `prefix` from `dir`, HTML passed through `html`. */
async function staticHost(dir: string, opts: { prefix?: string; hostname?: string; html?: (s: string) => string } = {}) {
  const prefix = opts.prefix ?? '/';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(prefix)) return void res.writeHead(404).end();
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    const ext = path.extname(file);
    let body: Buffer | string = fs.readFileSync(file);
    if (ext === '.html' && opts.html) body = opts.html(body.toString('utf8'));
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://${opts.hostname ?? 'localhost'}:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The answer's SSE event names, read from the response the browser received. */
async function eventNames(res: import('playwright-core').Response): Promise<string[]> {
  return [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]!);
}

describe('pages on other origins stream answers from the API', () => {
  let app: FastifyInstance;
  let services: Services;
  let browser: Browser;
  let api: string;
  let dataDir: string;
  let zaloOut: string;
  let webHost: Awaited<ReturnType<typeof staticHost>>;
  let deniedHost: Awaited<ReturnType<typeof staticHost>>;
  let zaloHost: Awaited<ReturnType<typeof staticHost>>;
  let widgetHost: Awaited<ReturnType<typeof startHostPage>>;

  beforeAll(async () => {
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-xorigin-'));
    zaloOut = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-zalo-www-'));
    const withApi = (html: string) => html.replace('<head>', `<head><meta name="hieu-luat-api" content="${api}">`);

    // The Mini App as Zalo gets it: a production build that names the API at build time.
    const zaloBuild = exec('npm', ['run', 'build:zalo'], {
      cwd: ROOT,
      env: { ...process.env, VITE_API_BASE: api, HIEU_LUAT_API: '', ZALO_OUT_DIR: zaloOut },
      maxBuffer: 16 * 1024 * 1024,
    });
    await ensureWebBuild();
    [webHost, deniedHost, zaloHost, widgetHost] = await Promise.all([
      staticHost(DIST_DIR, { html: withApi }),
      staticHost(DIST_DIR, { html: withApi }),
      staticHost(zaloOut, { prefix: `/zapps/${APP_ID}/`, hostname: 'h5.zdn.vn.localhost' }),
      startHostPage(
        () => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hội Phụ nữ xã</title></head>
<body><h1>Hội Liên hiệp Phụ nữ xã</h1><script src="${api}/widget.js" data-title="Hỏi luật cùng Hội" async></script></body></html>`,
      ),
    ]);
    const [server, chromium] = await Promise.all([
      testApp({ DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, CORS_ORIGINS: `${widgetHost.origin},${zaloHost.origin}` }),
      launchChromium(),
      zaloBuild,
    ]);
    ({ app, services } = server);
    browser = chromium;
    await ensureFirstAdmin(services.db, services.config);
    await app.listen({ port, host: '127.0.0.1' });

    // The web chat's host is allowed the way officials do it: in the console's list.
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    const added = await app.inject({
      method: 'POST',
      url: '/api/admin/origins',
      headers: { authorization: `Bearer ${login.json().token}` },
      payload: { origin: webHost.origin, note: 'Trang chat đặt ở máy chủ khác' },
    });
    expect(added.statusCode).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([webHost?.close(), deniedHost?.close(), zaloHost?.close(), widgetHost?.close()]);
    await app?.close();
    await services?.db.close();
    for (const d of [dataDir, zaloOut]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  async function phone(extra: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN', ...extra });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // What a cross-origin failure looks like in the console (a missing favicon is not one).
      if (m.type() === 'error' && /Content Security Policy|Refused to|CORS|Access-Control|Private Network/i.test(m.text())) errors.push(m.text());
    });
    return { context, page, errors };
  }

  async function ask(page: Page | import('playwright-core').FrameLocator, waitOn: Page, question: string, done: string) {
    const response = waitOn.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
    await page.getByLabel('Câu hỏi của chị').fill(question);
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    const res = await response;
    await page.locator(done).last().waitFor();
    return res;
  }

  it('web chat served from another origin (allowed in the console): streamed, cited, sources open', async () => {
    const { context, page, errors } = await phone();
    await page.goto(webHost.origin);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();
    const res = await ask(page, page, 'chong toi hay danh toi thi phai lam sao', 'article.msg-assistant[data-status="done"]');
    expect(res.url()).toBe(`${api}/api/chat`);
    expect(res.request().headers()['accept']).toBe('text/event-stream');
    expect(res.headers()['access-control-allow-origin']).toBe(webHost.origin);
    const events = await eventNames(res);
    expect(events[0]).toBe('meta');
    expect(events.filter((e) => e === 'token').length).toBeGreaterThan(1);
    expect(events.slice(-2)).toEqual(['citations', 'done']);
    const answer = page.locator('article.msg-assistant').last();
    await expect(answer.locator('.answer').innerText()).resolves.toMatch(/Điều \d+/);
    await answer.getByTestId('citation').first().click();
    await page.getByRole('dialog').locator('.clause.cited').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('web chat on an origin nobody allowed: no CORS grant, the member is told she cannot connect', async () => {
    const { context, page } = await phone();
    await page.goto(deniedHost.origin);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();
    await page.getByLabel('Câu hỏi của chị').fill('ly hon can giay to gi');
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    await page.getByText('Không kết nối được tới máy chủ', { exact: false }).first().waitFor();
    const direct = await fetch(`${api}/api/chat`, {
      method: 'POST',
      headers: { origin: deniedHost.origin, accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'ly hon can giay to gi' }),
    });
    await direct.text();
    expect(direct.headers.get('access-control-allow-origin')).toBeNull();
    await context.close();
  });

  it('widget on a partner page (CORS_ORIGINS): the framed chat streams an answer', async () => {
    const { context, page, errors } = await phone();
    await page.goto(widgetHost.origin);
    await page.getByRole('button', { name: 'Hỏi luật cùng Hội' }).click();
    const frame = page.frameLocator('iframe[title="Hỏi luật cùng Hội"]');
    await frame.getByRole('heading', { name: 'Hỏi luật cùng Hội' }).waitFor();
    const res = await ask(frame, page, 'vo chong thuan tinh ly hon can dieu kien gi', 'article.msg-assistant[data-status="done"]');
    expect((await eventNames(res)).slice(-2)).toEqual(['citations', 'done']);
    expect(await frame.getByTestId('citation').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Zalo Mini App built with VITE_API_BASE, served as Zalo serves it: streamed, cited answer', async () => {
    expect(JSON.parse(fs.readFileSync(path.join(zaloOut, 'build-info.json'), 'utf8')).apiBase).toBe(api);
    const { context, page, errors } = await phone({ userAgent: ANDROID_ZALO_UA, deviceScaleFactor: 2 });
    // Zalo's servers are not reachable here: the SDK's log beacons are answered locally.
    await context.route(/^https?:\/\/(?!h5\.zdn\.vn\.localhost|127\.0\.0\.1)/, (r) => r.fulfill({ status: 204, body: '' }));
    await context.addInitScript(fakeZaloClient, { appId: APP_ID, userId: '5012345678901234567' });
    await page.goto(`${zaloHost.origin}/zapps/${APP_ID}/`);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();
    const res = await ask(page, page, 'chong toi hay danh toi thi phai lam sao', 'article.hl-msg-assistant[data-status="done"]');
    expect(res.url()).toBe(`${api}/api/chat`);
    expect(res.headers()['access-control-allow-origin']).toBe(zaloHost.origin);
    const events = await eventNames(res);
    expect(events.filter((e) => e === 'token').length).toBeGreaterThan(1);
    expect(events.slice(-2)).toEqual(['citations', 'done']);
    const answer = page.locator('article.hl-msg-assistant').last();
    await expect(answer.locator('.answer').innerText()).resolves.toMatch(/Điều \d+/);
    expect(await answer.getByTestId('citation').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { ensureWebBuild } from '../scripts/build-web-if-missing.js';
import { WEB_DIST } from '../server/plugins/static.js';
import { MemoryRateLimitCounter } from '../server/plugins/security.js';
import type { Services } from '../server/services.js';
import { addOfficial, officialsApp, PASSWORD } from './helpers/officials.js';

/**
 * Security headers and per-client rate limits (server/plugins/security.ts). The app has an
 * empty library: limits are about counting requests, not answering them.
 */
let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp({
    RATE_LIMIT_SEARCH: '3',
    RATE_LIMIT_CHAT: '2',
    RATE_LIMIT_LOGIN: '2',
    CORS_ORIGINS: 'https://doitac.example.vn',
  }));
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
});
afterAll(() => close());

const search = (ip: string, extra: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/search?q=ly%20h%C3%B4n', headers: { 'x-forwarded-for': ip, ...extra } });
/** The embedded store's counters live in the server's memory (one process per store). */
const counters = () => MemoryRateLimitCounter.forStore(services.db).snapshot();
/** What server Postgres (DATABASE_URL) holds: the rate_limits table every instance shares. */
const tableCounters = async () =>
  Object.fromEntries(
    (await services.db.query<{ key: string; hits: number }>('select key, hits from rate_limits order by key')).rows.map((r) => [r.key, r.hits]),
  );

describe('security headers (helmet)', () => {
  it('API responses carry a strict CSP, nosniff, no referrer, no framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    // Plain http deployments (COOKIE_SECURE off) get no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('a page that names the origins allowed to frame it drops X-Frame-Options', async () => {
    const other = await buildApp(services);
    other.get('/test-frame', (_req, reply) =>
      reply.header('content-security-policy', "default-src 'self'; frame-ancestors 'self' https://doitac.example.vn").send('ok'),
    );
    other.get('/test-noframe', (_req, reply) => reply.header('content-security-policy', "default-src 'self'; frame-ancestors 'none'").send('ok'));
    await other.ready();
    try {
      expect((await other.inject({ method: 'GET', url: '/test-frame' })).headers['x-frame-options']).toBeUndefined();
      expect((await other.inject({ method: 'GET', url: '/test-noframe' })).headers['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await other.close();
    }
  });

  it('the web pages keep their own CSP: /embed may be framed by allowed sites, / and /admin may not', async () => {
    await ensureWebBuild();
    const embed = await app.inject({ method: 'GET', url: '/embed' });
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors 'self'[^;]*https:\/\/doitac\.example\.vn/);
    expect(embed.headers['x-frame-options']).toBeUndefined();
    const admin = await app.inject({ method: 'GET', url: '/admin' });
    expect(admin.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const widget = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('/docs (Swagger UI) may use inline styles, never inline scripts', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(String((await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'])).not.toContain('unsafe-inline');
  });

  it('HSTS is sent when the deployment is on https (COOKIE_SECURE)', async () => {
    const secure = await buildApp({ ...services, config: { ...services.config, COOKIE_SECURE: true } });
    try {
      const res = await secure.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{6,}/);
    } finally {
      await secure.close();
    }
  });
});

describe('rate limits per client', () => {
  it('search: the 4th request in a minute gets 429 with a Vietnamese message and Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await search('198.51.100.1');
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const res = await search('198.51.100.1');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited' });
    expect(res.json().message).toMatch(/Vui lòng đợi khoảng \d+ giây/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await search('198.51.100.2')).statusCode).toBe(200);
    expect(counters()).toMatchObject({ 'search:198.51.100.1': 4, 'search:198.51.100.2': 1 });
    // The embedded store counts in memory: no write per request on its single connection.
    expect(await tableCounters()).toEqual({});
  });

  it('chat has its own budget, and a streaming request is refused as JSON before the stream opens', async () => {
    const chat = (accept?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/chat',
        headers: { 'x-forwarded-for': '198.51.100.1', ...(accept ? { accept } : {}) },
        payload: { message: 'ly hôn' },
      });
    expect((await chat()).statusCode).toBe(200);
    expect((await chat('text/event-stream')).statusCode).toBe(200);
    const refused = await chat('text/event-stream');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(refused.json().error).toBe('rate_limited');
    expect(refused.json().message).toContain('câu hỏi');
  });

  it('login: too many attempts from one address are refused before any password check', async () => {
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '198.51.100.9' },
        payload: { email: 'bientap@hoiphunu.vn', password: PASSWORD },
      });
    expect((await attempt()).statusCode).toBe(200);
    expect((await attempt()).statusCode).toBe(200);
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited' });
    expect(res.json().message).toContain('đăng nhập');
  });

  it('X-Forwarded-For is believed only from a local proxy: an internet client cannot rotate it', async () => {
    const direct = (spoofed: string) =>
      app.inject({ method: 'GET', url: '/api/search?q=thu', remoteAddress: '203.0.113.50', headers: { 'x-forwarded-for': spoofed } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await direct(`10.0.0.${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(counters()).toHaveProperty(['search:203.0.113.50'], 4);
  });

  it('embedded store: every app on the store shares its counters, and a new window starts afresh', async () => {
    const second = await buildApp(services);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      expect((await second.inject({ method: 'GET', url: '/api/search?q=a', headers: { 'x-forwarded-for': '198.51.100.1' } })).statusCode).toBe(429);
      vi.setSystemTime(Date.now() + 61_000);
      const res = await second.inject({ method: 'GET', url: '/api/search?q=a', headers: { 'x-forwarded-for': '198.51.100.1' } });
      expect(res.statusCode).toBe(200);
      expect(counters()['search:198.51.100.1']).toBe(1);
    } finally {
      vi.useRealTimers();
      await second.close();
    }
  });

  it('server Postgres: counters are in rate_limits, shared by every instance on the database, and a new window starts afresh', async () => {
    // Two instances on one server database (the store reports its backend; PGlite stands in for it).
    const onServer = { ...services, db: { ...services.db, backend: 'postgres' as const } };
    const first = await buildApp(onServer);
    const second = await buildApp(onServer);
    const get = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/api/search?q=a', headers: { 'x-forwarded-for': '198.51.100.60' } });
    try {
      expect([(await get(first)).statusCode, (await get(second)).statusCode, (await get(first)).statusCode]).toEqual([200, 200, 200]);
      expect((await get(second)).statusCode).toBe(429);
      expect(await tableCounters()).toEqual({ 'search:198.51.100.60': 4 });
      await services.db.query("update rate_limits set window_end = now() - interval '1 second' where key = 'search:198.51.100.60'");
      expect((await get(first)).statusCode).toBe(200);
      expect((await tableCounters())['search:198.51.100.60']).toBe(1);
      // The in-memory counters of the embedded store were not touched.
      expect(counters()).not.toHaveProperty(['search:198.51.100.60']);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('IPv6 clients are counted per /64', async () => {
    const v6 = (ip: string) => search(ip);
    for (const ip of ['2001:db8:1:1::1', '2001:db8:1:1::2', '2001:db8:1:1:abcd::9']) expect((await v6(ip)).statusCode).toBe(200);
    expect((await v6('2001:db8:1:1::ffff')).statusCode).toBe(429);
    expect((await v6('2001:db8:1:2::1')).statusCode).toBe(200);
  });

  it('0 turns a limit off', async () => {
    const open = await buildApp({ ...services, config: { ...services.config, RATE_LIMIT_SEARCH: 0 } });
    try {
      for (let i = 0; i < 8; i++) {
        const res = await open.inject({ method: 'GET', url: '/api/search?q=a', headers: { 'x-forwarded-for': '198.51.100.77' } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await open.close();
    }
  });
});

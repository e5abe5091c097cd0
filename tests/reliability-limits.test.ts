import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.js';
import { buildApp } from '../server/app.js';

const servicesOf = (app: FastifyInstance): Services => app.services;
import { ACCOUNT_SLOWDOWN_AFTER, LOCKOUT_MAX_FAILURES } from '../server/auth/lockout.js';
import { addOfficial, bearer, login, officialsApp, PASSWORD } from './helpers/officials.js';

const LAN_ATTACKER = '192.168.1.66';
const OFFICE = '192.168.1.10';

describe('login lockout by account and address, password-change throttle', () => {
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, services, close } = await officialsApp());
    await addOfficial(services, 'canbo@hoiphunu.vn', 'editor');
  });
  afterAll(() => close());

  const attempt = (remoteAddress: string, password: string, email = 'canbo@hoiphunu.vn') =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  it('wrong passwords from one address lock that address only: the official still logs in from hers', async () => {
    const codes: number[] = [];
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) codes.push((await attempt(LAN_ATTACKER, `sai-mat-khau-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    expect((await attempt(LAN_ATTACKER, PASSWORD)).statusCode).toBe(429);
    expect((await attempt(OFFICE, PASSWORD)).statusCode).toBe(200);
    // No client address in the table, only a truncated hash beside the account.
    const keys = (await services.db.query<{ email_key: string }>('select email_key from login_failures')).rows.map((r) => r.email_key);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatch(/^canbo@hoiphunu\.vn#[0-9a-f]{16}$/);
  });

  it('guessing from many addresses slows every attempt on the account instead of locking it', async () => {
    await services.db.query('delete from login_failures');
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) expect((await attempt(`10.9.${i}.1`, 'doan-bua-mat-khau')).statusCode).toBe(401);
    const t0 = Date.now();
    expect((await attempt(OFFICE, PASSWORD)).statusCode).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
  });

  it('changing the password counts wrong current passwords toward the same lockout', async () => {
    await services.db.query('delete from login_failures');
    const session = await login(app, 'canbo@hoiphunu.vn');
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress: LAN_ATTACKER,
        headers: bearer(session),
        payload: { currentPassword, newPassword: 'mat-khau-moi-rat-dai-1' },
      });
    const codes: number[] = [];
    for (let i = 0; i < LOCKOUT_MAX_FAILURES + 1; i++) codes.push((await change(`sai-${i}-mat-khau`)).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
    // Locked: even the right current password is refused from that address.
    const right = await change(PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('rate-limit keys, heavy reads, server timeouts', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await officialsApp({ RATE_LIMIT_SEARCH: '3', HTTP_IDLE_TIMEOUT_MS: '400', HTTP_HEADERS_TIMEOUT_MS: '800' }));
  });
  afterAll(() => close());

  const search = (a: FastifyInstance, remoteAddress: string, xff: string) =>
    a.inject({ method: 'GET', url: '/api/search?q=ly%20h%C3%B4n', remoteAddress, headers: { 'x-forwarded-for': xff } });

  it('a client on the LAN cannot pick her own key with X-Forwarded-For; a configured proxy is believed', async () => {
    const direct: number[] = [];
    for (let i = 0; i < 4; i++) direct.push((await search(app, LAN_ATTACKER, `10.0.0.${i}`)).statusCode);
    expect(direct).toEqual([200, 200, 200, 429]);
    const proxied = await buildApp({ ...servicesOf(app), config: { ...servicesOf(app).config, TRUST_PROXY: ['172.28.0.10'] } });
    try {
      const viaProxy: number[] = [];
      for (let i = 0; i < 4; i++) viaProxy.push((await search(proxied, '172.28.0.10', `198.51.100.${i}`)).statusCode);
      expect(viaProxy).toEqual([200, 200, 200, 200]);
    } finally {
      await proxied.close();
    }
  });

  it('heavy public reads of a whole document are rate-limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: '/api/documents/khong-co', remoteAddress: '203.0.113.7' })).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
  });

  it('closes idle and slowly dribbled connections', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as net.AddressInfo).port;
    const closedWithin = (dribble: boolean) =>
      new Promise<number>((resolve, reject) => {
        const t0 = Date.now();
        const socket = net.connect(port, '127.0.0.1');
        let timer: NodeJS.Timeout | undefined;
        socket.on('connect', () => {
          if (!dribble) return;
          socket.write('GET /api/health HTTP/1.1\r\n');
          // One header byte every 200 ms: never idle, never finished.
          timer = setInterval(() => socket.write('X'), 200);
        });
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          resolve(Date.now() - t0);
        });
        setTimeout(() => {
          clearInterval(timer);
          socket.destroy();
          reject(new Error('connection still open after 10 s'));
        }, 10_000);
      });
    expect(await closedWithin(false)).toBeLessThan(3000);
    expect(await closedWithin(true)).toBeLessThan(4000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isAllowedOrigin, listAllowedOrigins, normaliseOrigin } from '../server/origins/store.js';
import type { Services } from '../server/services.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;
let admin: Login;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp({ CORS_ORIGINS: 'https://hoiphunu.thanhhoa.gov.vn' }));
  await addOfficial(services, 'admin@hoiphunu.vn', 'admin');
  admin = await login(app, 'admin@hoiphunu.vn');
});
afterAll(() => close());

const preflight = (origin: string, url = '/api/chat') =>
  app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

describe('origins', () => {
  it('normalises origins and refuses paths, credentials and plain http', () => {
    expect(normaliseOrigin('https://Xa-Dong-Tien.vn/')).toBe('https://xa-dong-tien.vn');
    expect(normaliseOrigin('https://a.vn:8443')).toBe('https://a.vn:8443');
    expect(normaliseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    for (const bad of ['https://a.vn/trang', 'http://a.vn', 'https://u:p@a.vn', 'javascript:alert(1)', 'a.vn', 'https://a.vn?x=1']) {
      expect(normaliseOrigin(bad)).toBeNull();
    }
  });

  it('adds, lists and removes origins (admin), audited', async () => {
    const h = bearer(admin);
    const added = await app.inject({
      method: 'POST',
      url: '/api/admin/origins',
      headers: h,
      payload: { origin: 'https://xa-dong-tien.vn/', note: 'Trang UBND xã' },
    });
    expect(added.statusCode).toBe(201);
    expect(json(added).origin).toMatchObject({ origin: 'https://xa-dong-tien.vn', note: 'Trang UBND xã', createdBy: 'admin@hoiphunu.vn' });
    const dup = await app.inject({ method: 'POST', url: '/api/admin/origins', headers: h, payload: { origin: 'https://XA-DONG-TIEN.vn' } });
    expect(dup.statusCode).toBe(409);
    const bad = await app.inject({ method: 'POST', url: '/api/admin/origins', headers: h, payload: { origin: 'https://a.vn/duong-dan' } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toMatch(/không hợp lệ/);

    const list = json(await app.inject({ method: 'GET', url: '/api/admin/origins', headers: h }));
    expect(list.origins.map((o: { origin: string }) => o.origin)).toEqual(['https://xa-dong-tien.vn']);
    expect(list.fromConfig).toEqual(['https://hoiphunu.thanhhoa.gov.vn']);
    expect(list.builtIn).toEqual(['https://h5.zdn.vn', 'zbrowser://h5.zdn.vn']);

    expect(await isAllowedOrigin(services.db, 'https://xa-dong-tien.vn')).toBe(true);
    expect(await listAllowedOrigins(services.db, services.config)).toEqual(
      expect.arrayContaining(['https://xa-dong-tien.vn', 'https://hoiphunu.thanhhoa.gov.vn', 'https://h5.zdn.vn', 'zbrowser://h5.zdn.vn']),
    );

    const removed = await app.inject({ method: 'DELETE', url: `/api/admin/origins/${json(added).origin.id}`, headers: h });
    expect(removed.statusCode).toBe(200);
    expect(await isAllowedOrigin(services.db, 'https://xa-dong-tien.vn')).toBe(false);
    const actions = (await services.db.query<{ action: string }>(`select action from audit_log where target_type = 'origin'`)).rows.map((r) => r.action);
    expect(actions).toEqual(['origin.add', 'origin.remove']);
  });
});

describe('CORS', () => {
  it('answers preflights from allowed origins: config, admin-configured, Zalo Mini App', async () => {
    await app.inject({ method: 'POST', url: '/api/admin/origins', headers: bearer(admin), payload: { origin: 'https://xa-quang-hung.vn' } });
    for (const origin of ['https://hoiphunu.thanhhoa.gov.vn', 'https://xa-quang-hung.vn', 'https://h5.zdn.vn', 'zbrowser://h5.zdn.vn']) {
      const res = await preflight(origin);
      expect(res.statusCode, origin).toBe(204);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const get = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://h5.zdn.vn' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://h5.zdn.vn');
    expect(String(get.headers.vary)).toMatch(/origin/i);
  });

  it('denies every other origin by default', async () => {
    for (const origin of ['https://evil.example', 'http://xa-quang-hung.vn', 'null', 'https://h5.zdn.vn.evil.example']) {
      const res = await preflight(origin);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(res.statusCode, origin).not.toBe(204);
    }
    const get = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { Services } from '../server/services.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;
let editor: Login;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp());
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
  editor = await login(app, 'bientap@hoiphunu.vn');
});
afterAll(() => close());

/** Concrete URLs for parametrised routes: ids that do not exist (the guard must answer first). */
const concrete = (url: string) => url.replace(/:id\b/g, '1').replace(/:[A-Za-z]+/g, 'x');

describe('every /api/admin route is guarded', () => {
  it('collects routes through the onRoute hook', () => {
    const admin = app.guardedRoutes.filter((r) => r.url.startsWith('/api/admin'));
    // users ×4, origins ×3, audit, insights, handover ×3, documents ×5, uploads, preview (+ HEAD for each GET)
    expect(admin.filter((r) => r.method !== 'HEAD').length).toBeGreaterThanOrEqual(19);
    for (const [method, url, role] of [
      ['GET', '/api/admin/users', 'admin'],
      ['DELETE', '/api/admin/documents/:id', 'admin'],
      ['POST', '/api/admin/handover/:id/approve', 'admin'],
      ['GET', '/api/admin/audit', 'admin'],
      ['POST', '/api/admin/origins', 'admin'],
      ['PATCH', '/api/admin/documents/:id', 'editor'],
      ['POST', '/api/admin/handover/:id/answer', 'editor'],
      ['GET', '/api/admin/insights', 'editor'],
      ['POST', '/api/admin/preview', 'editor'],
    ])
      expect(admin).toContainEqual({ method, url, role });
    expect(app.guardedRoutes).toContainEqual({ method: 'POST', url: '/api/documents', role: 'editor' });
  });

  it('401 without credentials, 403 for an editor on admin-only routes', async () => {
    const routes = app.guardedRoutes.filter((r) => r.url.startsWith('/api/admin') || r.url === '/api/documents');
    const problems: string[] = [];
    for (const r of routes) {
      const url = concrete(r.url);
      const method = r.method as HTTPMethods;
      const anon = await app.inject({ method, url });
      if (anon.statusCode !== 401) problems.push(`${r.method} ${r.url} anonymous → ${anon.statusCode}`);
      else if (method !== 'HEAD' && !/đăng nhập/.test(json(anon).message)) problems.push(`${r.method} ${r.url}: message not Vietnamese`);
      const badToken = await app.inject({ method, url, headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
      if (badToken.statusCode !== 401) problems.push(`${r.method} ${r.url} bad token → ${badToken.statusCode}`);
      if (r.role === 'admin') {
        const asEditor = await app.inject({ method, url, headers: bearer(editor) });
        if (asEditor.statusCode !== 403) problems.push(`${r.method} ${r.url} editor → ${asEditor.statusCode}`);
        else if (method !== 'HEAD' && json(asEditor).error !== 'forbidden:role') problems.push(`${r.method} ${r.url}: ${asEditor.body}`);
      } else {
        const asEditor = await app.inject({ method, url, headers: bearer(editor) });
        if (asEditor.statusCode === 401 || asEditor.statusCode === 403) problems.push(`${r.method} ${r.url} editor refused (${asEditor.statusCode})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fails closed: an /api/admin route registered without a guard gets the admin guard', async () => {
    const { buildApp } = await import('../server/app.js');
    const other = await buildApp(services);
    other.get('/api/admin/forgotten', async () => ({ secret: true }));
    await other.ready();
    try {
      expect((await other.inject({ method: 'GET', url: '/api/admin/forgotten' })).statusCode).toBe(401);
      expect((await other.inject({ method: 'GET', url: '/api/admin/forgotten', headers: bearer(editor) })).statusCode).toBe(403);
      expect(other.guardedRoutes).toContainEqual({ method: 'GET', url: '/api/admin/forgotten', role: 'admin' });
    } finally {
      await other.close();
    }
  });
});

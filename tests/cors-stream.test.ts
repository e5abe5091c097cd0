import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { normaliseOrigin } from '../server/origins/store.js';
import type { Services } from '../server/services.js';
import { addOfficial, bearer, login, officialsApp } from './helpers/officials.js';

/**
 * A streamed answer carries the same CORS grant as a JSON one, for every kind of allowed
 * origin (CORS_ORIGINS, the console's list, Zalo's), and none for an origin that is not
 * allowed. The browser side of this is tests/e2e-cross-origin.test.ts.
 */

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;

const FROM_CONFIG = 'https://hoiphunu.thanhhoa.gov.vn';
const FROM_CONSOLE = 'https://xa-dong-tien.vn';

beforeAll(async () => {
  ({ app, services, close } = await officialsApp({ CORS_ORIGINS: FROM_CONFIG }));
  await addOfficial(services, 'admin@hoiphunu.vn', 'admin');
  const admin = await login(app, 'admin@hoiphunu.vn');
  const added = await app.inject({ method: 'POST', url: '/api/admin/origins', headers: bearer(admin), payload: { origin: FROM_CONSOLE } });
  expect(added.statusCode).toBe(201);
});
afterAll(() => close());

const ask = (origin: string | undefined, sse: boolean) =>
  app.inject({
    method: 'POST',
    url: '/api/chat',
    headers: { ...(origin ? { origin } : {}), ...(sse ? { accept: 'text/event-stream' } : {}) },
    payload: { message: 'ly hôn thì ai nuôi con' },
  });

describe('CORS on streamed answers', () => {
  it.each([FROM_CONFIG, FROM_CONSOLE, 'https://h5.zdn.vn', 'zbrowser://h5.zdn.vn'])('grants %s on SSE exactly as on JSON', async (origin) => {
    const json = await ask(origin, false);
    const sse = await ask(origin, true);
    expect(json.statusCode).toBe(200);
    expect(sse.statusCode).toBe(200);
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(sse.body).toMatch(/^event: meta$/m);
    expect(sse.body).toMatch(/^event: done$/m);
    expect(json.headers['access-control-allow-origin']).toBe(origin);
    expect(sse.headers['access-control-allow-origin']).toBe(origin);
    expect(String(sse.headers['vary'])).toMatch(/origin/i);
    // The security headers helmet sets travel on the stream too.
    expect(sse.headers['x-content-type-options']).toBe('nosniff');
    expect(sse.headers['content-security-policy']).toBe(json.headers['content-security-policy']);
    expect(sse.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('grants nothing to an origin that is not allowed, on SSE or JSON', async () => {
    for (const origin of ['https://evil.example', 'http://hoiphunu.thanhhoa.gov.vn', 'https://h5.zdn.vn.evil.example']) {
      for (const sse of [false, true]) {
        const r = await ask(origin, sse);
        expect(r.headers['access-control-allow-origin'], `${origin} sse=${sse}`).toBeUndefined();
      }
    }
    const same = await ask(undefined, true);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
    expect(same.body).toMatch(/^event: done$/m);
  });

  it('treats *.localhost as loopback (a Mini App tried at h5.zdn.vn.localhost) but no other plain-http host', () => {
    expect(normaliseOrigin('http://h5.zdn.vn.localhost:5173')).toBe('http://h5.zdn.vn.localhost:5173');
    expect(normaliseOrigin('http://localhost.evil.example')).toBeNull();
    expect(normaliseOrigin('http://evil-localhost')).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin } from '../server/auth/users.js';
import { hashPassword, verifyPassword } from '../server/auth/password.js';
import type { Services } from '../server/services.js';
import { addOfficial, bearer, json, login, officialsApp, PASSWORD } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp({ ADMIN_EMAIL: 'admin@hoiphunu.vn', ADMIN_PASSWORD: 'quan-tri-vien-2025' }));
  expect(await ensureFirstAdmin(services.db, services.config)).toBe('created');
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
});
afterAll(() => close());

const auditActions = async () => (await services.db.query<{ action: string }>('select action from audit_log order by id')).rows.map((r) => r.action);

describe('passwords', () => {
  it('hashes with scrypt and a per-password salt, verifying in constant time', async () => {
    const a = await hashPassword('mật khẩu dài');
    const b = await hashPassword('mật khẩu dài');
    expect(a).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu dài', a)).toBe(true);
    expect(await verifyPassword('mật khẩu dai', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('first admin', () => {
  it('is created once from ADMIN_EMAIL/ADMIN_PASSWORD, then the variables are ignored', async () => {
    expect(await ensureFirstAdmin(services.db, services.config)).toBe('exists');
    expect(await ensureFirstAdmin(services.db, { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined })).toBe('not_configured');
    const l = await login(app, 'admin@hoiphunu.vn', 'quan-tri-vien-2025');
    expect(l.user.role).toBe('admin');
    expect(await auditActions()).toContain('user.bootstrap_admin');
  });
});

describe('login', () => {
  it('sets an httpOnly SameSite=Strict cookie and returns a bearer and CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'BienTap@hoiphunu.vn', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.user).toMatchObject({ email: 'bientap@hoiphunu.vn', role: 'editor' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.csrfToken).toBeTruthy();
    const cookie = res.cookies.find((c) => c.name === 'hl_session')!;
    expect(cookie.value).toBe(body.token);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    // Only a hash of the token is stored.
    const stored = (await services.db.query<{ token_hash: string }>('select token_hash from sessions')).rows.map((r) => r.token_hash);
    expect(stored).not.toContain(body.token);
  });

  it('refuses a wrong password or unknown e-mail with the same Vietnamese message', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bientap@hoiphunu.vn', password: 'sai-mat-khau-roi' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ai-do@hoiphunu.vn', password: 'sai-mat-khau-roi' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong)).toEqual({ error: 'invalid:credentials', message: 'Email hoặc mật khẩu không đúng.' });
    expect(json(unknown)).toEqual(json(wrong));
    expect(wrong.cookies).toHaveLength(0);
  });

  it('rejects unknown body fields with a Vietnamese 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.vn', password: 'x', remember: true } });
    expect(res.statusCode).toBe(400);
    expect(json(res).message).toMatch(/Yêu cầu không hợp lệ/);
  });

  it('locks an e-mail after 5 failures in 15 minutes, even for the right password, and says so in Vietnamese', async () => {
    const email = 'khoa@hoiphunu.vn';
    await addOfficial(services, email, 'editor');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `sai-${i}-mat-khau` } });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'KHOA@hoiphunu.vn', password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(json(locked).error).toBe('rate_limited:login');
    expect(json(locked).message).toMatch(/quá nhiều lần.*thử lại sau \d+ phút/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are unaffected.
    await login(app, 'bientap@hoiphunu.vn');
    // Failures age out of the window (counted in Postgres, so every instance sees the same lock).
    await services.db.query(`update login_failures set at = at - interval '16 minutes'`);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect((await auditActions()).filter((a) => a === 'login.failed').length).toBeGreaterThanOrEqual(5);
  });
});

describe('sessions', () => {
  it('authenticates by bearer token without CSRF', async () => {
    const l = await login(app, 'bientap@hoiphunu.vn');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(l) });
    expect(me.statusCode).toBe(200);
    expect(json(me).user).toMatchObject({ email: 'bientap@hoiphunu.vn', role: 'editor' });
    const post = await app.inject({ method: 'POST', url: '/api/admin/handover/999/answer', headers: bearer(l), payload: { answer: 'x', citations: [] } });
    expect(post.statusCode).toBe(404); // past the guard, no CSRF asked
  });

  it('authenticates by cookie and requires the CSRF header on state-changing requests', async () => {
    const l = await login(app, 'bientap@hoiphunu.vn');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: l.cookie } });
    expect(me.statusCode).toBe(200);
    expect(json(me).csrfToken).toBe(l.csrfToken);

    const payload = { answer: 'x', citations: [] };
    const noCsrf = await app.inject({ method: 'POST', url: '/api/admin/handover/999/answer', headers: { cookie: l.cookie }, payload });
    expect(noCsrf.statusCode).toBe(403);
    expect(json(noCsrf).error).toBe('forbidden:csrf');
    expect(json(noCsrf).message).toMatch(/CSRF/);
    const badCsrf = await app.inject({
      method: 'POST',
      url: '/api/admin/handover/999/answer',
      headers: { cookie: l.cookie, 'x-csrf-token': 'x'.repeat(l.csrfToken.length) },
      payload,
    });
    expect(badCsrf.statusCode).toBe(403);
    const withCsrf = await app.inject({
      method: 'POST',
      url: '/api/admin/handover/999/answer',
      headers: { cookie: l.cookie, 'x-csrf-token': l.csrfToken },
      payload,
    });
    expect(withCsrf.statusCode).toBe(404);
  });

  it('is shared through the database: a second app on the same store accepts the token', async () => {
    const l = await login(app, 'bientap@hoiphunu.vn');
    const { buildApp } = await import('../server/app.js');
    const other = await buildApp(services);
    try {
      const me = await other.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(l) });
      expect(me.statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('expires', async () => {
    const l = await login(app, 'bientap@hoiphunu.vn');
    await services.db.query(`update sessions set expires_at = now() - interval '1 second'`);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(l) });
    expect(me.statusCode).toBe(401);
    expect(json(me).message).toMatch(/đăng nhập/);
  });

  it('logs out: the token stops working and the cookie is cleared', async () => {
    const l = await login(app, 'bientap@hoiphunu.vn');
    const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: l.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: l.cookie, 'x-csrf-token': l.csrfToken } });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'hl_session')?.value).toBe('');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(l) })).statusCode).toBe(401);
    expect(await auditActions()).toContain('logout');
  });

  it('changes one’s own password and ends the other sessions', async () => {
    await addOfficial(services, 'doimk@hoiphunu.vn', 'editor');
    const a = await login(app, 'doimk@hoiphunu.vn');
    const b = await login(app, 'doimk@hoiphunu.vn');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(a),
      payload: { currentPassword: 'khong-dung-dau', newPassword: 'mat-khau-moi-12345' },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(a),
      payload: { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-12345' },
    });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(a) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(b) })).statusCode).toBe(401);
    await login(app, 'doimk@hoiphunu.vn', 'mat-khau-moi-12345');
  });
});

describe('users (admin only)', () => {
  it('creates, lists, changes and deletes accounts, keeping at least one admin', async () => {
    const admin = await login(app, 'admin@hoiphunu.vn', 'quan-tri-vien-2025');
    const h = bearer(admin);
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: h,
      payload: { email: 'moi@hoiphunu.vn', role: 'editor', password: 'mot-mat-khau-dai' },
    });
    expect(created.statusCode).toBe(201);
    const id = json(created).user.id;
    expect(json(created).user).not.toHaveProperty('password_hash');

    const dup = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: h,
      payload: { email: 'MOI@hoiphunu.vn', role: 'editor', password: 'mot-mat-khau-dai' },
    });
    expect(dup.statusCode).toBe(409);
    const short = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: h,
      payload: { email: 'x@hoiphunu.vn', role: 'editor', password: 'ngan' },
    });
    expect(short.statusCode).toBe(400);
    const badRole = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: h,
      payload: { email: 'x@hoiphunu.vn', role: 'root', password: 'mot-mat-khau-dai' },
    });
    expect(badRole.statusCode).toBe(400);

    const list = json(await app.inject({ method: 'GET', url: '/api/admin/users', headers: h })).users;
    expect(list.map((u: { email: string }) => u.email)).toContain('moi@hoiphunu.vn');

    const newcomer = await login(app, 'moi@hoiphunu.vn', 'mot-mat-khau-dai');
    const promoted = await app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers: h, payload: { role: 'admin' } });
    expect(json(promoted).user.role).toBe('admin');
    // A role change ends the account's sessions.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(newcomer) })).statusCode).toBe(401);

    const disabled = await app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers: h, payload: { disabled: true } });
    expect(json(disabled).user.disabled).toBe(true);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'moi@hoiphunu.vn', password: 'mot-mat-khau-dai' } });
    expect(refused.statusCode).toBe(401);

    const self = await app.inject({ method: 'DELETE', url: `/api/admin/users/${admin.user.id}`, headers: h });
    expect(self.statusCode).toBe(409);
    const lastAdmin = await app.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, headers: h, payload: { role: 'editor' } });
    expect(lastAdmin.statusCode).toBe(409);
    expect(json(lastAdmin).message).toMatch(/quản trị viên cuối cùng/);

    const del = await app.inject({ method: 'DELETE', url: `/api/admin/users/${id}`, headers: h });
    expect(del.statusCode).toBe(200);
    const unknownField = await app.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, headers: h, payload: { superuser: true } });
    expect(unknownField.statusCode).toBe(400);

    const actions = await auditActions();
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'user.delete']));
    const audit = json(await app.inject({ method: 'GET', url: '/api/admin/audit?action=user', headers: h }));
    expect(audit.entries[0]).toMatchObject({ action: 'user.delete', actorEmail: 'admin@hoiphunu.vn', targetId: id });
    expect(JSON.stringify(audit)).not.toContain('mot-mat-khau-dai');
  });
});

import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError } from '../errors.js';
import { audit } from '../audit/log.js';
import { errorResponse, guardedErrors, okResponse, security, user as userSchema, toIso } from '../admin/schemas.js';
import { authenticate, checkCsrf, officialOf, requireRole, SESSION_COOKIE } from './guard.js';
import { accountSlowdownMs, clearFailures, lockedForSeconds, recordFailure } from './lockout.js';
import { decoyHash, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { createSession, deleteSession, deleteUserSessions } from './sessions.js';
import { findUserByEmail, touchLogin, updateUser } from './users.js';

const loginResponse = {
  type: 'object',
  required: ['token', 'csrfToken', 'user'],
  properties: { token: { type: 'string' }, csrfToken: { type: 'string' }, expiresAt: { type: 'string' }, user: userSchema },
} as const;

const lockedError = (seconds: number) =>
  new AppError(
    429,
    'rate_limited:login',
    `Bạn đã nhập sai mật khẩu quá nhiều lần. Tài khoản tạm khoá đăng nhập, vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`,
  );

const authRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;

  const setCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.COOKIE_SECURE,
      path: '/',
      expires: expiresAt,
    });

  app.post<{ Body: { email: string; password: string } }>(
    '/api/auth/login',
    {
      config: { rateLimitGroup: 'login' },
      schema: {
        tags: ['auth'],
        summary: 'Official login: sets the hl_session cookie and returns a bearer token and the CSRF token',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 3, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: loginResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body;
      const locked = await lockedForSeconds(db, email, req.ip);
      if (locked > 0) {
        reply.header('retry-after', String(locked));
        throw lockedError(locked);
      }
      const slowdown = await accountSlowdownMs(db, email);
      if (slowdown) await new Promise((r) => setTimeout(r, slowdown));
      const found = await findUserByEmail(db, email);
      const ok = await verifyPassword(password, found?.password_hash ?? (await decoyHash()));
      if (!found || found.disabled || !ok) {
        await recordFailure(db, email, req.ip);
        await audit(db, null, 'login.failed', { type: 'user', id: found?.id ?? null }, { email: email.trim().slice(0, 254) });
        const nowLocked = await lockedForSeconds(db, email, req.ip);
        if (nowLocked > 0) {
          reply.header('retry-after', String(nowLocked));
          throw lockedError(nowLocked);
        }
        throw new AppError(401, 'invalid:credentials', 'Email hoặc mật khẩu không đúng.');
      }
      await clearFailures(db, email, req.ip);
      const session = await createSession(db, found.id, config.SESSION_TTL_HOURS);
      await touchLogin(db, found.id);
      await audit(db, found, 'login', { type: 'user', id: found.id });
      setCookie(reply, session.token, session.expiresAt);
      return {
        token: session.token,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
        user: { id: found.id, email: found.email, role: found.role, disabled: false, createdAt: toIso(found.created_at), lastLoginAt: toIso(new Date()) },
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Ends the current session (cookie or bearer)', security, response: { 200: okResponse, 403: errorResponse } },
    },
    async (req, reply) => {
      const official = await authenticate(req);
      if (official) {
        checkCsrf(req, official);
        await deleteSession(db, official.session.tokenHash);
        await audit(db, official, 'logout', { type: 'user', id: official.id });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: requireRole('any'),
      schema: {
        tags: ['auth'],
        summary: 'The logged-in official and the CSRF token of the session (for the console after a reload)',
        security,
        response: {
          200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' }, expiresAt: { type: 'string' } } },
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      const o = officialOf(req);
      return { user: { id: o.id, email: o.email, role: o.role }, csrfToken: o.session.csrfToken, expiresAt: o.session.expiresAt.toISOString() };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      // Throttled like login: a stolen session must not become a password-guessing oracle.
      config: { rateLimitGroup: 'login' },
      onRequest: requireRole('any'),
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; other sessions of the account are ended',
        security,
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
            newPassword: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 },
          },
        },
        response: { 200: okResponse, ...guardedErrors },
      },
    },
    async (req, reply) => {
      const o = officialOf(req);
      const locked = await lockedForSeconds(db, o.email, req.ip);
      if (locked > 0) {
        reply.header('retry-after', String(locked));
        throw lockedError(locked);
      }
      const found = await findUserByEmail(db, o.email);
      if (!found || !(await verifyPassword(req.body.currentPassword, found.password_hash))) {
        // Wrong current passwords count toward the same lockout as wrong logins.
        await recordFailure(db, o.email, req.ip);
        throw new AppError(400, 'invalid:current_password', 'Mật khẩu hiện tại không đúng.');
      }
      await updateUser(db, o.id, { password: req.body.newPassword });
      await deleteUserSessions(db, o.id, o.session.tokenHash);
      await audit(db, o, 'user.password_change', { type: 'user', id: o.id });
      return { ok: true };
    },
  );
};

export default authRoutes;

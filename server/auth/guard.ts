import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { findSession, type Session } from './sessions.js';
import type { Role } from './users.js';

export const SESSION_COOKIE = 'hl_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Official {
  id: string;
  email: string;
  role: Role;
  via: 'cookie' | 'bearer';
  session: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated official, once a guard has run; undefined = not looked up yet. */
    official?: Official | null;
  }
}

/** Marks guard functions so the route walk (server/auth/plugin.ts) can tell guarded routes apart. */
export const GUARD_ROLE = Symbol.for('hieu-luat.guard-role');
export type Guard = ((req: FastifyRequest, reply: FastifyReply) => Promise<void>) & { [GUARD_ROLE]: Role | 'any' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthorized = () => new AppError(401, 'unauthorized', 'Bạn cần đăng nhập bằng tài khoản cán bộ để thực hiện thao tác này.');
export const forbiddenRole = () =>
  new AppError(403, 'forbidden:role', 'Tài khoản của bạn không có quyền thực hiện thao tác này. Chỉ quản trị viên mới được phép.');
export const forbiddenCsrf = () =>
  new AppError(403, 'forbidden:csrf', 'Phiên làm việc không hợp lệ (thiếu hoặc sai mã bảo vệ CSRF). Vui lòng tải lại trang rồi thử lại.');

function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(h);
  return m ? m[1]! : null;
}

/**
 * Looks up the caller's session once per request: a bearer token (API clients) wins over the
 * cookie (the console in a browser). Sessions live in Postgres, so any instance can serve them.
 */
export async function authenticate(req: FastifyRequest): Promise<Official | null> {
  if (req.official !== undefined) return req.official;
  const db = req.server.services.db;
  const bearer = bearerToken(req);
  const cookie = bearer ? null : (req.cookies?.[SESSION_COOKIE] ?? null);
  const token = bearer ?? cookie;
  const session = token ? await findSession(db, token) : null;
  req.official = session ? { ...session.user, via: bearer ? 'bearer' : 'cookie', session } : null;
  return req.official;
}

/**
 * Double-submit check: a browser sends the cookie on its own, so a state-changing request
 * authenticated by cookie must also carry the session's CSRF token in a header that another
 * site cannot set. Bearer tokens are never sent automatically and are exempt.
 */
export function checkCsrf(req: FastifyRequest, official: Official): void {
  if (official.via !== 'cookie' || SAFE_METHODS.has(req.method)) return;
  const sent = req.headers[CSRF_HEADER];
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  const expected = Buffer.from(official.session.csrfToken);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw forbiddenCsrf();
}

/**
 * Route guard: 401 without a session, 403 for the wrong role or a missing CSRF token.
 * Works as `onRequest` (our routes: refuses before the body is read, so strangers cannot
 * stream uploads) or as `preHandler`. 'editor' admits editors and admins.
 */
export function requireRole(role: Role | 'any'): Guard {
  const guard = async (req: FastifyRequest) => {
    const official = await authenticate(req);
    if (!official) throw unauthorized();
    if (role === 'admin' && official.role !== 'admin') throw forbiddenRole();
    checkCsrf(req, official);
  };
  return Object.assign(guard, { [GUARD_ROLE]: role }) as Guard;
}

/** The official a guarded handler runs for (the guard has already refused anyone else). */
export function officialOf(req: FastifyRequest): Official {
  if (!req.official) throw unauthorized();
  return req.official;
}

export function guardRoleOf(fn: unknown): Role | 'any' | undefined {
  return typeof fn === 'function' ? (fn as Partial<Guard>)[GUARD_ROLE] : undefined;
}

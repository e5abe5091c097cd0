import crypto from 'node:crypto';
import type { Queryable } from '../../store/db.js';
import type { Role } from './users.js';

export interface Session {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string; role: Role };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** 256-bit random token; only its hash is stored. */
export async function createSession(q: Queryable, userId: string, ttlHours: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  // Expired rows are swept on each login rather than by a timer: officials log in a few times a day.
  await q.query('delete from sessions where expires_at < now()');
  await q.query('insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)', [
    hashToken(token),
    userId,
    csrfToken,
    expiresAt.toISOString(),
  ]);
  return { token, csrfToken, expiresAt };
}

export async function findSession(q: Queryable, token: string): Promise<Session | null> {
  const r = await q.query<{ token_hash: string; csrf_token: string; expires_at: string | Date; id: string; email: string; role: Role }>(
    `select s.token_hash, s.csrf_token, s.expires_at, u.id, u.email, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [hashToken(token)],
  );
  const row = r.rows[0];
  if (!row) return null;
  return { tokenHash: row.token_hash, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at), user: { id: row.id, email: row.email, role: row.role } };
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('delete from sessions where token_hash = $1', [tokenHash]);
}

/** Ends every session of a user (password change, role change, disabling). */
export async function deleteUserSessions(q: Queryable, userId: string, exceptTokenHash?: string): Promise<void> {
  await q.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, exceptTokenHash ?? '']);
}

import crypto from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../store/db.js';
import { hashPassword } from './password.js';
import { audit } from '../audit/log.js';

export type Role = 'admin' | 'editor';

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserWithHash extends UserRow {
  password_hash: string;
}

const COLUMNS = 'id, email, role, disabled, created_at, updated_at, last_login_at';

export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC');
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserWithHash | null> {
  const r = await q.query<UserWithHash>(`select ${COLUMNS}, password_hash from users where lower(email) = lower($1)`, [normaliseEmail(email)]);
  return r.rows[0] ?? null;
}

export async function getUser(q: Queryable, id: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return (await q.query<UserRow>(`select ${COLUMNS} from users order by role, lower(email)`)).rows;
}

export async function createUser(q: Queryable, u: { email: string; role: Role; password: string }): Promise<UserRow> {
  const hash = await hashPassword(u.password);
  const r = await q.query<UserRow>(`insert into users (id, email, role, password_hash) values ($1, $2, $3, $4) returning ${COLUMNS}`, [
    crypto.randomUUID(),
    normaliseEmail(u.email),
    u.role,
    hash,
  ]);
  return r.rows[0]!;
}

export async function updateUser(
  q: Queryable,
  id: string,
  patch: { role?: Role; password?: string; disabled?: boolean; email?: string },
): Promise<UserRow | null> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (patch.email !== undefined) set('email', normaliseEmail(patch.email));
  if (patch.role !== undefined) set('role', patch.role);
  if (patch.disabled !== undefined) set('disabled', patch.disabled);
  if (patch.password !== undefined) set('password_hash', await hashPassword(patch.password));
  if (!sets.length) return getUser(q, id);
  params.push(id);
  const r = await q.query<UserRow>(`update users set ${sets.join(', ')}, updated_at = now() where id = $${params.length} returning ${COLUMNS}`, params);
  return r.rows[0] ?? null;
}

export async function deleteUser(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('delete from users where id = $1 returning id', [id])).rows.length > 0;
}

/** Active admins other than `exceptId`: an admin may not remove the last one. */
export async function countOtherActiveAdmins(q: Queryable, exceptId: string): Promise<number> {
  const r = await q.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and not disabled and id <> $1", [exceptId]);
  return r.rows[0]!.n;
}

export async function touchLogin(q: Queryable, id: string): Promise<void> {
  await q.query('update users set last_login_at = now() where id = $1', [id]);
}

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no active admin exists yet.
 * Once an admin exists the variables are ignored, so an account deleted or re-passworded in
 * the console is not silently restored by the next restart. Called by server/main.ts.
 */
export async function ensureFirstAdmin(db: Db, config: Pick<Config, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>): Promise<'created' | 'exists' | 'not_configured'> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return 'not_configured';
  const admins = (await db.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and not disabled")).rows[0]!.n;
  if (admins > 0) return 'exists';
  const email = config.ADMIN_EMAIL;
  const password = config.ADMIN_PASSWORD;
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    const user = existing
      ? await updateUser(tx, existing.id, { role: 'admin', disabled: false, password })
      : await createUser(tx, { email, role: 'admin', password });
    await audit(tx, null, 'user.bootstrap_admin', { type: 'user', id: user!.id }, { email: user!.email });
    return 'created' as const;
  });
}

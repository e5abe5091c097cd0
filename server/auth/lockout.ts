import crypto from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';
import type { Queryable } from '../../store/db.js';

/**
 * Wrong passwords are counted per account *and* address: 5 from one address within 15 minutes
 * lock that account for that address only, so someone guessing from one phone or PC cannot lock
 * the official out from her own. Guessing from many addresses is slowed instead of blocked: once
 * an account has ACCOUNT_SLOWDOWN_AFTER failures in the window, every attempt on it waits
 * ACCOUNT_SLOWDOWN_MS first. The address is stored only as a truncated hash (IPv6 per /64).
 */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const ACCOUNT_SLOWDOWN_AFTER = 20;
export const ACCOUNT_SLOWDOWN_MS = 2_000;

const account = (email: string) => email.trim().normalize('NFC').toLowerCase();
const addressKey = (ip: string) =>
  crypto
    .createHash('sha256')
    .update(`hieu-luat:login:${normalizeIP(ip)}`)
    .digest('hex')
    .slice(0, 16);
/** Stored in login_failures.email_key: the account, then '#', then the address's hash. */
const key = (email: string, ip: string) => `${account(email)}#${addressKey(ip)}`;

/** Seconds until this address may try this account again, or 0. */
export async function lockedForSeconds(q: Queryable, email: string, ip: string): Promise<number> {
  const r = await q.query<{ n: number; oldest: string | Date | null }>(
    `select count(*)::int as n, min(at) as oldest from (
       select at from login_failures
        where email_key = $1 and at > now() - make_interval(mins => $2)
        order by at desc limit $3) recent`,
    [key(email, ip), LOCKOUT_WINDOW_MINUTES, LOCKOUT_MAX_FAILURES],
  );
  const row = r.rows[0]!;
  if (row.n < LOCKOUT_MAX_FAILURES || !row.oldest) return 0;
  const until = new Date(row.oldest).getTime() + LOCKOUT_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

/** How long an attempt on this account waits first: 0 unless it is being guessed from many addresses. */
export async function accountSlowdownMs(q: Queryable, email: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    `select count(*)::int as n from login_failures where starts_with(email_key, $1) and at > now() - make_interval(mins => $2)`,
    [`${account(email)}#`, LOCKOUT_WINDOW_MINUTES],
  );
  return r.rows[0]!.n >= ACCOUNT_SLOWDOWN_AFTER ? ACCOUNT_SLOWDOWN_MS : 0;
}

export async function recordFailure(q: Queryable, email: string, ip: string): Promise<void> {
  await q.query('insert into login_failures (email_key) values ($1)', [key(email, ip)]);
  // Keep the table small: rows older than the window no longer count.
  await q.query('delete from login_failures where at < now() - make_interval(mins => $1)', [LOCKOUT_WINDOW_MINUTES * 2]);
}

export async function clearFailures(q: Queryable, email: string, ip: string): Promise<void> {
  await q.query('delete from login_failures where email_key = $1', [key(email, ip)]);
}

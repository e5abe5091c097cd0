import type { Queryable } from '../../store/db.js';

/** 5 wrong passwords for one e-mail within 15 minutes lock that e-mail for the rest of the window. */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;

const key = (email: string) => email.trim().normalize('NFC').toLowerCase();

/** Seconds until the lock lifts, or 0 when the e-mail may try again. */
export async function lockedForSeconds(q: Queryable, email: string): Promise<number> {
  const r = await q.query<{ n: number; oldest: string | Date | null }>(
    `select count(*)::int as n, min(at) as oldest from (
       select at from login_failures
        where email_key = $1 and at > now() - make_interval(mins => $2)
        order by at desc limit $3) recent`,
    [key(email), LOCKOUT_WINDOW_MINUTES, LOCKOUT_MAX_FAILURES],
  );
  const row = r.rows[0]!;
  if (row.n < LOCKOUT_MAX_FAILURES || !row.oldest) return 0;
  const until = new Date(row.oldest).getTime() + LOCKOUT_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

export async function recordFailure(q: Queryable, email: string): Promise<void> {
  await q.query('insert into login_failures (email_key) values ($1)', [key(email)]);
  // Keep the table small: rows older than the window no longer count.
  await q.query('delete from login_failures where at < now() - make_interval(mins => $1)', [LOCKOUT_WINDOW_MINUTES * 2]);
}

export async function clearFailures(q: Queryable, email: string): Promise<void> {
  await q.query('delete from login_failures where email_key = $1', [key(email)]);
}

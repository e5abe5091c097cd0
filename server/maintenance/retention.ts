import fp from 'fastify-plugin';
import type { Queryable } from '../../store/db.js';
import { sendDeferred } from '../notify/official-reply.js';
import { noNotifier } from '../notify/notifier.js';

/** Conversations with "không lưu lịch sử" are kept only this long after their last message. */
export const NO_HISTORY_HOURS = 24;
/** The sweep runs at start-up and then this often. */
export const SWEEP_INTERVAL_MS = 3600_000;

export interface SweepResult {
  conversations: number;
  rateLimits: number;
  sessions: number;
  loginFailures: number;
  /** Shared answers (/a/<id>) past their expiry, withdrawn ones included. */
  shares: number;
}

async function deleted(q: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const r = await q.query<{ n: number }>(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, params);
  return r.rows[0]!.n;
}

/**
 * Deletes what the retention policy says must go. Each step is one DELETE, so several
 * instances sweeping at once only find less to delete; messages and their feedback go with
 * their conversation (on delete cascade). Questions a member chose to send to officials
 * (handover) are kept, already redacted, without the link to the conversation.
 */
export async function sweep(q: Queryable, opts: { retentionDays: number }): Promise<SweepResult> {
  const conversations = await deleted(
    q,
    `delete from conversations
      where updated_at < now() - make_interval(days => $1::int)
         or (no_history and updated_at < now() - make_interval(hours => $2::int))`,
    [opts.retentionDays, NO_HISTORY_HOURS],
  );
  // Counters whose window ended are reset by the next hit anyway; these clients went away.
  const rateLimits = await deleted(q, "delete from rate_limits where window_end < now() - interval '1 minute'");
  const sessions = await deleted(q, 'delete from sessions where expires_at < now()');
  const loginFailures = await deleted(q, "delete from login_failures where at < now() - interval '1 day'");
  // A shared answer lives RETENTION_DAYS from when she shared it (expires_at, set at creation).
  const shares = await deleted(q, 'delete from shared_answers where expires_at < now()');
  // A Zalo notification can only be about a conversation she can still open: once it is gone,
  // her encrypted Zalo id kept for it goes too (server/notify/consent.ts).
  await q.query('update handover set notify_recipient = null where notify_recipient is not null and conversation_id is null');
  return { conversations, rateLimits, sessions, loginFailures, shares };
}

/**
 * Runs the sweep when the app is ready and hourly after that. The timer is unref'd (it never
 * keeps the process alive) and stopped on close; a failed sweep is logged and tried next hour.
 */
export default fp(
  async (app) => {
    let timer: NodeJS.Timeout | undefined;
    const run = async () => {
      try {
        const r = await sweep(app.services.db, { retentionDays: app.services.config.RETENTION_DAYS });
        if (r.conversations) app.log.info({ conversations: r.conversations }, 'retention: old conversations deleted');
      } catch (err) {
        app.log.warn({ err: (err as Error).message }, 'retention sweep failed');
      }
      // Zalo notifications of answers approved at night, now that Zalo delivers again.
      try {
        await sendDeferred(app.services.db, app.services.notifier ?? noNotifier, app.log);
      } catch (err) {
        app.log.warn({ err: (err as Error).message }, 'deferred Zalo notifications failed');
      }
    };
    app.addHook('onReady', async () => {
      await run();
      timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  },
  { name: 'maintenance', decorators: { fastify: ['services'] } },
);

import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../../store/db.js';
import type { MemberNotifier } from './notifier.js';

export type NotifyOutcome = 'sent' | 'not_asked' | 'not_delivered' | 'failed' | 'deferred';

/**
 * Tells her in Zalo that the union's official answered, once, after the approval committed
 * (a rolled-back approval must not have notified anyone). The stored recipient is taken and
 * erased in one statement before sending, so approving again, or two approvals racing, never
 * sends twice, and her encrypted id is not kept past this attempt whatever the outcome. Zalo
 * refusing or hanging is logged with the hand-over's number only and never reaches the official.
 */
export async function notifyOfficialReply(
  q: Queryable,
  notifier: MemberNotifier,
  handoverId: number,
  log?: FastifyBaseLogger,
  now = new Date(),
): Promise<NotifyOutcome> {
  // At night Zalo would refuse it: it stays stored and sendDeferred sends it in the morning.
  if (!notifier.sendsAt(now)) return 'deferred';
  const claimed = (
    await q.query<{ notify_recipient: string; reply_message_id: number | string | null }>(
      `with old as (select id, notify_recipient from handover where id = $1 and notify_recipient is not null for update)
       update handover h set notify_recipient = null, notified_at = now() from old
        where h.id = old.id
        returning old.notify_recipient, h.reply_message_id`,
      [handoverId],
    )
  ).rows[0];
  if (!claimed) return 'not_asked';
  // Her conversation is gone (retention, "Thoát nhanh"): there is nothing for her to open.
  if (claimed.reply_message_id == null) return 'not_delivered';
  try {
    await notifier.officialReplied(claimed.notify_recipient);
    log?.info({ handover: handoverId }, 'member notified in Zalo');
    return 'sent';
  } catch (err) {
    log?.warn(
      { handover: handoverId, err: err instanceof Error ? (err.name === 'TimeoutError' ? 'timeout' : err.message) : 'unknown' },
      'Zalo notification failed',
    );
    return 'failed';
  }
}

/**
 * Sends the notifications that waited for Zalo's daytime hours (approved at night): run by the
 * maintenance timer. Only approved answers actually delivered into her conversation.
 */
export async function sendDeferred(q: Queryable, notifier: MemberNotifier, log?: FastifyBaseLogger, now = new Date()): Promise<number> {
  if (!notifier.sendsAt(now)) return 0;
  const due = await q.query<{ id: number | string }>(
    `select id from handover where notify_recipient is not null and notified_at is null and state = 'approved' and reply_message_id is not null order by id limit 100`,
  );
  let sent = 0;
  for (const r of due.rows) if ((await notifyOfficialReply(q, notifier, Number(r.id), log, now)) === 'sent') sent++;
  return sent;
}

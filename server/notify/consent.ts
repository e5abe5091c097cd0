import type { Queryable } from '../../store/db.js';
import { zaloOwnerKeyOf, type MemberNotifier } from './notifier.js';

/**
 * Records that she agreed, in the Mini App, to be told in Zalo when this hand-over is answered.
 * Her Zalo id must be the one her conversation is filed under (its hashed owner key), so a
 * conversation cannot point notifications at another Zalo account. A conversation she began
 * before turning on "Ghi nhớ bằng tài khoản Zalo" has no owner yet: it is filed under hers now,
 * which is what she chose (whoever holds a conversation id is its member). A mismatch never
 * fails her hand-over; she is just not notified. The id is stored sealed by the notifier, and not
 * at all when notifications are off. Returns whether she will be notified.
 */
export async function recordNotifyConsent(
  q: Queryable,
  notifier: MemberNotifier,
  input: { handoverId: number; conversationId: string; zaloUserId: string },
): Promise<boolean> {
  const sealed = notifier.seal(input.zaloUserId);
  if (!sealed) return false;
  const key = zaloOwnerKeyOf(input.zaloUserId);
  const owner = await q.query<{ owner_key: string | null }>('update conversations set owner_key = coalesce(owner_key, $2) where id = $1 returning owner_key', [
    input.conversationId,
    key,
  ]);
  if (owner.rows[0]?.owner_key !== key) return false;
  // An answer already approved was delivered already: there is nothing left to tell her.
  const r = await q.query("update handover set notify_recipient = $2 where id = $1 and state <> 'approved' and notified_at is null returning id", [
    input.handoverId,
    sealed,
  ]);
  return r.rows.length > 0;
}

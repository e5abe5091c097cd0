import type { Queryable } from '../../store/db.js';
import { AppError } from '../errors.js';
import { zaloOwnerKeyOf, type MemberNotifier } from './notifier.js';

/**
 * Records that she agreed, in the Mini App, to be told in Zalo when this hand-over is answered.
 * Her Zalo id must be the one her conversation is filed under (its hashed owner key), so nobody
 * can point notifications at someone else's account; it is stored sealed by the notifier, and
 * not at all when notifications are off. Returns whether she will be notified.
 */
export async function recordNotifyConsent(
  q: Queryable,
  notifier: MemberNotifier,
  input: { handoverId: number; conversationId: string; zaloUserId: string },
): Promise<boolean> {
  const owner = (await q.query<{ owner_key: string | null }>('select owner_key from conversations where id = $1', [input.conversationId])).rows[0]?.owner_key;
  if (!owner || owner !== zaloOwnerKeyOf(input.zaloUserId)) {
    throw new AppError(400, 'invalid:zalo_user', 'Không xác nhận được tài khoản Zalo của cuộc trò chuyện này. Chị vẫn xem được câu trả lời khi mở lại Hiểu Luật.');
  }
  const sealed = notifier.seal(input.zaloUserId);
  if (!sealed) return false;
  // An answer already approved was delivered already: there is nothing left to tell her.
  const r = await q.query("update handover set notify_recipient = $2 where id = $1 and state <> 'approved' and notified_at is null returning id", [input.handoverId, sealed]);
  return r.rows.length > 0;
}

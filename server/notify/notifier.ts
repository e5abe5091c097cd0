import { createHash } from 'node:crypto';

/**
 * How a member is told, outside the app, that the union's official answered the question she
 * handed over. Chosen once in the composition root (server/bootstrap.ts): Zalo's Mini App
 * notifications when configured, otherwise nobody is notified and nothing about her is kept.
 */
export interface MemberNotifier {
  readonly kind: 'zalo' | 'none';
  /**
   * What is stored with the hand-over to reach her later: her Zalo id encrypted (never in clear),
   * or null when notifications are off, so the id is then not kept at all.
   */
  seal(zaloUserId: string): string | null;
  /**
   * Sends "the official answered, open the app" to the sealed recipient. Carries no text of
   * hers or of the answer. Rejects on failure or timeout; callers log and move on.
   */
  officialReplied(sealed: string): Promise<void>;
  /** Whether a notification sent now would be delivered (Zalo only delivers in daytime hours). */
  sendsAt(now: Date): boolean;
}

export const noNotifier: MemberNotifier = {
  kind: 'none',
  seal: () => null,
  officialReplied: async () => {},
  sendsAt: () => true,
};

/** Must stay equal to OWNER_PREFIX in web/zalo/src/zalo.ts: the Mini App hashes her id the same way. */
const OWNER_PREFIX = 'hieu-luat:zalo-owner:v1:';

/**
 * The owner key the Mini App files her conversations under (SHA-256 of the prefixed app-scoped
 * id). The server checks a Zalo id against the conversation's key, so a request can only ask for
 * notifications to the Zalo account that owns the conversation.
 */
export function zaloOwnerKeyOf(zaloUserId: string): string {
  return createHash('sha256')
    .update(OWNER_PREFIX + zaloUserId)
    .digest('hex');
}

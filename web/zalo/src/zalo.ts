import { closeApp, getUserID, openPhone, openShareSheet, requestSendNotification } from 'zmp-sdk/apis';

/**
 * Everything the Mini App asks of the Zalo client, in one place: the phone call, closing the
 * app, the member's app-scoped user id. Outside Zalo (a desktop browser while developing) the
 * SDK has no native bridge, so each call has a plain web fallback.
 */

/** The Zalo client injects this bridge into the Mini App's WebView; the SDK talks through it. */
export function inZalo(): boolean {
  return typeof (window as { ZaloJavaScriptInterface?: unknown }).ZaloJavaScriptInterface !== 'undefined';
}

/** The dialable part of a number as the server wrote it ("1800 1567" → "18001567"). */
export function dialable(number: string): string {
  return number.replace(/[^\d+*#]/g, '');
}

export function telHref(number: string): string {
  return `tel:${dialable(number)}`;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/**
 * Opens the phone's dialer on `number`: Zalo's openPhone inside Zalo, the tel: link otherwise
 * or when Zalo refuses (old client, API not granted). A bridge that never answers must not
 * leave a woman in danger with a dead button, hence the timeout before the tel: fallback.
 */
export async function callNumber(number: string): Promise<'zalo' | 'tel'> {
  const phoneNumber = dialable(number);
  if (inZalo()) {
    try {
      await withTimeout(openPhone({ phoneNumber }), 3000);
      return 'zalo';
    } catch {
      // Fall through to the link.
    }
  }
  window.location.href = `tel:${phoneNumber}`;
  return 'tel';
}

/**
 * Hands a shared answer's link to Zalo's own share sheet (to a chat or a group — the village
 * "Phụ nữ hiểu luật" group — or her timeline). Outside Zalo, or when the client refuses, the link
 * is copied for her to paste. 'cancelled' when she closed the sheet without sending.
 */
export async function shareLink(url: string): Promise<'zalo' | 'cancelled' | 'copied' | 'failed'> {
  if (inZalo()) {
    try {
      const r = await withTimeout(openShareSheet({ type: 'link', data: { link: url, chatOnly: false } }), 60_000);
      return r?.status === 0 ? 'cancelled' : 'zalo';
    } catch {
      // Fall through to the clipboard.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** A neutral page for "Thoát nhanh" outside Zalo, the same one the web chat uses. */
export const NEUTRAL_URL = 'https://vnexpress.net/thoi-tiet';

/** Closes the Mini App (back to Zalo's chats); outside Zalo, replaces the page with a neutral one. */
export async function leaveApp(): Promise<void> {
  if (inZalo()) {
    try {
      await withTimeout(closeApp(), 1500);
      return;
    } catch {
      // A client that cannot close us: navigate away instead.
    }
  }
  window.location.replace(NEUTRAL_URL);
}

/** Versioned so a future change of scheme cannot match old keys by accident. */
const OWNER_PREFIX = 'hieu-luat:zalo-owner:v1:';

/**
 * The key her conversations are filed under when she opts in: SHA-256 of Zalo's app-scoped user
 * id (getUserID: the id only, no name, avatar or phone number). The id itself never leaves the
 * phone. Null outside Zalo or when Zalo does not give an id.
 */
export async function zaloOwnerKey(): Promise<string | null> {
  if (!inZalo() || !globalThis.crypto?.subtle) return null;
  let id: string | undefined;
  try {
    id = await withTimeout(getUserID({}), 5000);
  } catch {
    return null;
  }
  if (!id) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(OWNER_PREFIX + id));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks, through Zalo's own prompt, whether she agrees to be told in Zalo when the union's official
 * answers (requestSendNotification). Only when she agrees is her app-scoped id returned, for the
 * server to keep sealed until that one notification (server/notify/); refusal, an old client or
 * a bridge that never answers all mean no notification, and the hand-over goes ahead regardless.
 */
export async function askNotifyConsent(): Promise<string | null> {
  if (!inZalo()) return null;
  try {
    // She is reading a prompt: give her time, but never block the hand-over for good.
    await withTimeout(requestSendNotification(), 60_000);
    return (await withTimeout(getUserID({}), 5000)) || null;
  } catch {
    return null;
  }
}

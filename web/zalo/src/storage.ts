/**
 * What the Mini App keeps on the phone, all under one prefix so "Thoát nhanh" can wipe it:
 * nothing at all by default. Only when she turns on "Ghi nhớ bằng tài khoản Zalo" does it keep
 * that choice and the ids of her recent conversations (filed under her hashed owner key, so
 * another Zalo account on a shared phone does not see them).
 */
const PREFIX = 'hieuluat-zalo:';
const KEY_REMEMBER = `${PREFIX}remember`;
const MAX_CONVERSATIONS = 10;

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    // Storage can be disabled or full in some WebViews: the app works without it.
    return fallback;
  }
}

export function remembering(): boolean {
  return safe(() => localStorage.getItem(KEY_REMEMBER) === '1', false);
}

export function setRemembering(on: boolean): void {
  if (on) safe(() => localStorage.setItem(KEY_REMEMBER, '1'), undefined);
  else wipeEverything();
}

export interface SavedConversation {
  id: string;
  at: string;
}

const listKey = (ownerKey: string) => `${PREFIX}conversations:${ownerKey}`;

export function savedConversations(ownerKey: string): SavedConversation[] {
  return safe(() => {
    const raw = JSON.parse(localStorage.getItem(listKey(ownerKey)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((c): c is SavedConversation => typeof c?.id === 'string' && typeof c?.at === 'string') : [];
  }, []);
}

export function saveConversation(ownerKey: string, id: string): void {
  const rest = savedConversations(ownerKey).filter((c) => c.id !== id);
  const list = [{ id, at: new Date().toISOString() }, ...rest].slice(0, MAX_CONVERSATIONS);
  safe(() => localStorage.setItem(listKey(ownerKey), JSON.stringify(list)), undefined);
}

export function forgetConversation(ownerKey: string, id: string): void {
  const list = savedConversations(ownerKey).filter((c) => c.id !== id);
  safe(() => localStorage.setItem(listKey(ownerKey), JSON.stringify(list)), undefined);
}

/** The last official reply she was told about, per Zalo account (wiped with everything else). */
export function seenReply(ownerKey: string): number {
  return safe(() => Number(localStorage.getItem(`${PREFIX}seen-reply:${ownerKey}`) ?? 0) || 0, 0);
}

export function markReplySeen(ownerKey: string, messageId: number): void {
  safe(() => localStorage.setItem(`${PREFIX}seen-reply:${ownerKey}`, String(messageId)), undefined);
}

/** Quick exit and opting out: everything this app ever stored on the phone. */
export function wipeEverything(): void {
  safe(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
  }, undefined);
  safe(() => sessionStorage.clear(), undefined);
}

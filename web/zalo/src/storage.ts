import { storageArea } from '../../shared/chat/storage.js';

/**
 * What the Mini App keeps on the phone, all under one prefix so "Thoát nhanh" can wipe it:
 * nothing at all by default. Only when she turns on "Ghi nhớ bằng tài khoản Zalo" does it keep
 * that choice and the ids of her recent conversations (filed under her hashed owner key, so
 * another Zalo account on a shared phone does not see them).
 */
const area = storageArea('hieuluat-zalo:');
const MAX_CONVERSATIONS = 10;

export function remembering(): boolean {
  return area.get('remember') === '1';
}

export function setRemembering(on: boolean): void {
  if (on) area.set('remember', '1');
  else wipeEverything();
}

export interface SavedConversation {
  id: string;
  at: string;
}

const listKey = (ownerKey: string) => `conversations:${ownerKey}`;

export function savedConversations(ownerKey: string): SavedConversation[] {
  try {
    const raw = JSON.parse(area.get(listKey(ownerKey)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((c): c is SavedConversation => typeof c?.id === 'string' && typeof c?.at === 'string') : [];
  } catch {
    // A list spoilt by hand or by an old version: start a new one.
    return [];
  }
}

export function saveConversation(ownerKey: string, id: string): void {
  const rest = savedConversations(ownerKey).filter((c) => c.id !== id);
  area.set(listKey(ownerKey), JSON.stringify([{ id, at: new Date().toISOString() }, ...rest].slice(0, MAX_CONVERSATIONS)));
}

export function forgetConversation(ownerKey: string, id: string): void {
  area.set(listKey(ownerKey), JSON.stringify(savedConversations(ownerKey).filter((c) => c.id !== id)));
}

/** The last official reply she was told about, per Zalo account (wiped with everything else). */
export const seenReply = (ownerKey: string): number => area.seenReply(ownerKey);
export const markReplySeen = (ownerKey: string, messageId: number): void => area.markReplySeen(ownerKey, messageId);

/** Quick exit and opting out: everything this app ever stored on the phone. */
export const wipeEverything = (): void => area.wipe();

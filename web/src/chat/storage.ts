import { safe, storageArea } from '../../shared/chat/storage.js';

/**
 * What the chat keeps on the phone: only the conversation id (in localStorage, so the
 * conversation survives a reload) and, for the current tab only, whether the member chose
 * "không lưu lịch sử". In that mode nothing at all is written to localStorage.
 */
const area = storageArea('hieuluat:');
const KEY_PRIVATE = 'hieuluat:private';

export function isPrivateMode(): boolean {
  return safe(() => sessionStorage.getItem(KEY_PRIVATE) === '1', false);
}

export function setPrivateMode(on: boolean): void {
  safe(() => (on ? sessionStorage.setItem(KEY_PRIVATE, '1') : sessionStorage.removeItem(KEY_PRIVATE)), undefined);
  if (on) forgetConversation();
}

export function savedConversation(scope: string): string | null {
  return area.get(`conversation:${scope}`);
}

export function saveConversation(scope: string, id: string): void {
  if (!isPrivateMode()) area.set(`conversation:${scope}`, id);
}

/** One scope's conversation, or (no scope) everything the chat keeps in localStorage. */
export function forgetConversation(scope?: string): void {
  if (scope) area.remove(`conversation:${scope}`);
  else
    safe(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('hieuluat:')) localStorage.removeItem(k);
    }, undefined);
}

/**
 * The newest official reply she has already been told about, so that opening the chat says
 * "Cán bộ Hội đã trả lời" once per reply. Only a message number; nothing in private mode.
 */
export const seenReply = (scope: string): number => area.seenReply(scope);

export function markReplySeen(scope: string, messageId: number): void {
  if (!isPrivateMode()) area.markReplySeen(scope, messageId);
}

/** Quick exit: everything this app ever stored on the phone. */
export const wipeEverything = (): void => area.wipe();

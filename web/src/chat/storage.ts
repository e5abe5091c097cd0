/**
 * What the chat keeps on the phone: only the conversation id (in localStorage, so the
 * conversation survives a reload) and, for the current tab only, whether the member chose
 * "không lưu lịch sử". In that mode nothing at all is written to localStorage.
 */
const KEY_CONVERSATION = 'hieuluat:conversation';
const KEY_PRIVATE = 'hieuluat:private';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    // Storage can be disabled (private browsing on old Safari, embedded WebViews).
    return fallback;
  }
}

export function isPrivateMode(): boolean {
  return safe(() => sessionStorage.getItem(KEY_PRIVATE) === '1', false);
}

export function setPrivateMode(on: boolean): void {
  safe(() => (on ? sessionStorage.setItem(KEY_PRIVATE, '1') : sessionStorage.removeItem(KEY_PRIVATE)), undefined);
  if (on) forgetConversation();
}

export function savedConversation(scope: string): string | null {
  return safe(() => localStorage.getItem(`${KEY_CONVERSATION}:${scope}`), null);
}

export function saveConversation(scope: string, id: string): void {
  if (isPrivateMode()) return;
  safe(() => localStorage.setItem(`${KEY_CONVERSATION}:${scope}`, id), undefined);
}

export function forgetConversation(scope?: string): void {
  safe(() => {
    if (scope) localStorage.removeItem(`${KEY_CONVERSATION}:${scope}`);
    else for (const k of Object.keys(localStorage)) if (k.startsWith('hieuluat:')) localStorage.removeItem(k);
  }, undefined);
}

/**
 * The newest official reply she has already been told about, so that opening the chat says
 * "Cán bộ Hội đã trả lời" once per reply. Only a message number; nothing in private mode.
 */
export function seenReply(scope: string): number {
  return safe(() => Number(localStorage.getItem(`hieuluat:seen-reply:${scope}`) ?? 0) || 0, 0);
}

export function markReplySeen(scope: string, messageId: number): void {
  if (isPrivateMode()) return;
  safe(() => localStorage.setItem(`hieuluat:seen-reply:${scope}`, String(messageId)), undefined);
}

/** Quick exit: everything this app ever stored on the phone. */
export function wipeEverything(): void {
  safe(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('hieuluat:')) localStorage.removeItem(k);
  }, undefined);
  safe(() => sessionStorage.clear(), undefined);
}

/**
 * A corner of the phone's storage under one prefix, so quick exit can wipe everything a face
 * ever wrote and nothing of the host page's. Every access is guarded: storage can be disabled
 * or full (private browsing on old Safari, some WebViews) and the chat must work without it.
 */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export interface StorageArea {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key this area ever wrote, and the tab's session storage: quick exit and opting out. */
  wipe(): void;
  /** The newest official reply she was told about under `scope`, so "Cán bộ Hội đã trả lời" shows once per reply. */
  seenReply(scope: string): number;
  markReplySeen(scope: string, messageId: number): void;
}

export function storageArea(prefix: string): StorageArea {
  const area: StorageArea = {
    get: (key) => safe(() => localStorage.getItem(prefix + key), null),
    set: (key, value) => safe(() => localStorage.setItem(prefix + key, value), undefined),
    remove: (key) => safe(() => localStorage.removeItem(prefix + key), undefined),
    wipe: () => {
      safe(() => {
        for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
      }, undefined);
      safe(() => sessionStorage.clear(), undefined);
    },
    seenReply: (scope) => Number(area.get(`seen-reply:${scope}`) ?? 0) || 0,
    markReplySeen: (scope, messageId) => area.set(`seen-reply:${scope}`, String(messageId)),
  };
  return area;
}

import { isPrivateMode } from './storage.js';

/**
 * Questions she sent while the phone had no network (or lost it before the answer began). They
 * wait here, shown as "Đang chờ gửi", and go out in order when the network returns; she can
 * cancel each one. Kept in localStorage under the app's prefix, so quick exit removes them with
 * everything else; in "không lưu lịch sử" they stay in memory only (lost on reload, and she is
 * told so).
 */
export interface QueuedQuestion {
  id: string;
  text: string;
  /** When she sent it (ms), to show and to keep the order. */
  at: number;
}

const key = (scope: string) => `hieuluat:queue:${scope}`;
/** A phone left offline for days must not pile up questions without end. */
export const MAX_QUEUED = 10;

export function loadQueue(scope: string): QueuedQuestion[] {
  if (isPrivateMode()) return [];
  try {
    const raw = JSON.parse(localStorage.getItem(key(scope)) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((q): q is QueuedQuestion => !!q && typeof q.id === 'string' && typeof q.text === 'string' && typeof q.at === 'number').slice(0, MAX_QUEUED)
      : [];
  } catch {
    return [];
  }
}

export function saveQueue(scope: string, queue: QueuedQuestion[]): void {
  if (isPrivateMode()) return;
  try {
    if (queue.length) localStorage.setItem(key(scope), JSON.stringify(queue));
    else localStorage.removeItem(key(scope));
  } catch {
    // Storage full or disabled: the queue still lives in memory while the page is open.
  }
}

let seq = 0;
export function newQueued(text: string): QueuedQuestion {
  return { id: `q${Date.now().toString(36)}-${seq++}`, text, at: Date.now() };
}

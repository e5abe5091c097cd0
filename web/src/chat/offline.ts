import { useEffect, useState } from 'react';
import { api } from '../lib/api.js';
import type { ChatMessage } from './Message.js';

/**
 * What keeps the chat useful on a phone with poor signal (issue 18, item 4), and what quick exit
 * removes again. The service worker (scripts/pwa.ts, Workbox) only precaches the app itself and
 * the public emergency numbers; her own things — the answers she kept, the questions waiting to
 * be sent — are written by the page, so the page decides when they exist and can delete them.
 */

/**
 * The worker's registration once this page made it: quick exit asks it to unregister in the same
 * tick, without first asking the browser for its registrations — under load that round trip had
 * not come back before the page left, and the worker stayed.
 */
let registration: ServiceWorkerRegistration | null = null;

/** Registers the worker that precaches the chat (the members' page only; not the widget's frame). */
export function registerServiceWorker(): void {
  // A development server has no /sw.js: the registration fails quietly there.
  if (!('serviceWorker' in navigator)) return;
  // After the page has loaded: on a slow line the worker's downloads must not delay the first answer.
  const go = () =>
    void navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then((r) => {
        registration = r;
      })
      .catch(() => undefined);
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}

/** How long a request that could not reach the server waits before the next try. */
export const RETRY_MS = 10_000;

/**
 * Whether the server was out of reach at the last request. The phone's own flag
 * (navigator.onLine) says only that some network exists: with one bar, a captive Wi-Fi or no
 * credit it stays true while nothing gets through, so a failed request counts as offline too,
 * and a request that gets through (or the phone reporting the network back) ends it.
 */
let unreachable = false;
const subscribers = new Set<() => void>();

export function reportNetwork(reached: boolean): void {
  if (unreachable === !reached) return;
  unreachable = !reached;
  for (const s of subscribers) s();
}

export interface Connectivity {
  /** The server can be reached as far as we know: false shows the offline notice and queues questions. */
  online: boolean;
  /** The phone says it has a network at all: worth trying a waiting question again. */
  phoneOnline: boolean;
}

export function useConnectivity(): Connectivity {
  const [phoneOnline, setPhoneOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
  const [lost, setLost] = useState(unreachable);
  useEffect(() => {
    const sync = () => setLost(unreachable);
    subscribers.add(sync);
    const up = () => {
      setPhoneOnline(true);
      reportNetwork(true);
    };
    const down = () => setPhoneOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      subscribers.delete(sync);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  // Out of reach while the phone claims a network: a small request now and then notices the return.
  useEffect(() => {
    if (!lost || !phoneOnline) return;
    const t = setInterval(
      () =>
        void api.health().then(
          () => reportNetwork(true),
          () => undefined,
        ),
      RETRY_MS,
    );
    return () => clearInterval(t);
  }, [lost, phoneOnline]);
  return { online: phoneOnline && !lost, phoneOnline };
}

/** The Cache Storage bucket holding the conversation she kept, one entry per chat (page, embed). */
const KEPT_CACHE = 'hieuluat-kept';
const keptKey = (scope: string) => `/__kept/${encodeURIComponent(scope)}`;

export interface KeptConversation {
  conversationId: string;
  messages: ChatMessage[];
}

function cacheStorage(): CacheStorage | null {
  try {
    return typeof caches === 'undefined' ? null : caches;
  } catch {
    // Insecure origins and some WebViews have no Cache Storage; nothing is kept there then.
    return null;
  }
}

/**
 * Keeps the answered turns of the current conversation on the phone, so reopening the chat with
 * no signal still shows them. Written after each answer (never in "không lưu lịch sử"), removed
 * by "Cuộc trò chuyện mới" and by quick exit.
 */
export async function keepConversation(scope: string, conversationId: string, messages: ChatMessage[]): Promise<void> {
  const store = cacheStorage();
  if (!store) return;
  const done = messages.filter((m) => m.status === 'done');
  const body = JSON.stringify({ conversationId, messages: done } satisfies KeptConversation);
  try {
    const cache = await store.open(KEPT_CACHE);
    await cache.put(keptKey(scope), new Response(body, { headers: { 'content-type': 'application/json' } }));
  } catch {
    // Storage full or refused: the conversation is still on the server.
  }
}

export async function keptConversation(scope: string): Promise<KeptConversation | null> {
  const store = cacheStorage();
  if (!store) return null;
  try {
    const res = await (await store.open(KEPT_CACHE)).match(keptKey(scope));
    if (!res) return null;
    const kept = (await res.json()) as KeptConversation;
    return kept && typeof kept.conversationId === 'string' && Array.isArray(kept.messages) ? kept : null;
  } catch {
    return null;
  }
}

export async function dropKeptConversation(scope: string): Promise<void> {
  const store = cacheStorage();
  if (!store) return;
  try {
    await (await store.open(KEPT_CACHE)).delete(keptKey(scope));
  } catch {
    // Nothing kept, or storage refused: nothing to remove.
  }
}

/**
 * Quick exit: every cache of this site (the app shell, the public numbers and her kept answers)
 * and the service worker itself. Resolves when done, or after `capMs`, whichever comes first:
 * leaving must never wait long.
 */
export async function wipeOfflineData(capMs = 1500): Promise<void> {
  // Asked before the first await, so the request reaches the browser even if the page leaves first.
  const unregistered = registration?.unregister();
  const work = (async () => {
    const store = cacheStorage();
    const jobs: Promise<unknown>[] = unregistered ? [unregistered] : [];
    if (store) jobs.push(store.keys().then((keys) => Promise.all(keys.map((k) => store.delete(k)))));
    if ('serviceWorker' in navigator) jobs.push(navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))));
    await Promise.allSettled(jobs);
  })();
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, capMs))]);
}

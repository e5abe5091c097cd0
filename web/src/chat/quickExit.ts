import { useEffect, useRef } from 'react';
import { wipeOfflineData } from './offline.js';
import { wipeEverything } from './storage.js';

/** A neutral page to land on: weather news, nothing that hints at legal help. */
export const NEUTRAL_URL = 'https://vnexpress.net/thoi-tiet';

/**
 * Leaves at once: forget everything stored on the phone, then replace this page in the history
 * (the Back button will not bring the chat back). Inside the widget's frame the host page is
 * asked to leave too, since a frame cannot replace the page around it. The screen is emptied
 * first; the caches and the service worker (answers she kept, the app itself) go before leaving,
 * which takes milliseconds and never more than a second.
 */
export function quickExit(): void {
  wipeEverything();
  // Hide the conversation at once, even if the next page is slow to load.
  document.body.innerHTML = '';
  document.title = 'Thời tiết';
  void wipeOfflineData(1000).finally(leave);
}

function leave(): void {
  if (window.parent !== window) {
    try {
      window.parent.postMessage({ type: 'hieu-luat:exit' }, '*');
    } catch {
      // The host page is gone or refuses messages; empty this frame at least.
    }
    // News sites refuse to be framed; the widget's host navigates the whole tab instead.
    window.location.replace('about:blank');
    return;
  }
  window.location.replace(NEUTRAL_URL);
}

/** Escape pressed twice within this time leaves: a panic key that needs no aiming. */
const DOUBLE_ESC_MS = 1500;

export function useEscapeTwiceToExit(onExit: () => void = quickExit): void {
  const last = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = Date.now();
      if (now - last.current < DOUBLE_ESC_MS) {
        last.current = 0;
        onExit();
      } else last.current = now;
    };
    // Capture phase: dialogs handling Escape themselves still count towards the double press.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onExit]);
}

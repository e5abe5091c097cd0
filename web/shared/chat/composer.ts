import type { KeyboardEvent } from 'react';

/** The question box grows with what she types, up to the CSS max-height. */
export function autoGrow(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/**
 * Enter sends, Shift+Enter starts a new line. Vietnamese is typed through an IME (Telex/VNI):
 * the Enter that ends a composition must not send.
 */
export function isSendKey(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing;
}

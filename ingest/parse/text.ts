import type { ParsedText } from '../types.js';
import { decodeText, stripControls } from './encoding.js';
import { metaFromHeader, splitHeader } from './header.js';

/**
 * Plain text: UTF-8 (with or without BOM) or UTF-16, or a legacy Vietnamese encoding converted
 * to Unicode; optionally with the corpus `key: value` header.
 */
export function parseText(bytes: Uint8Array): ParsedText {
  const text = stripControls(decodeText(bytes).text);
  const h = splitHeader(text);
  if (h) return { format: 'txt', text: h.body, meta: metaFromHeader(h.fields) };
  return { format: 'txt', text, meta: {} };
}

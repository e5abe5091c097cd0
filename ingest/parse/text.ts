import { IngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { nfc } from '../text/vietnamese.js';
import { metaFromHeader, splitHeader } from './header.js';

/** Plain text: UTF-8 (with or without BOM), optionally with the corpus `key: value` header. */
export function parseText(bytes: Uint8Array): ParsedText {
  const text = decodeUtf8(bytes);
  const h = splitHeader(text);
  if (h) return { format: 'txt', text: h.body, meta: metaFromHeader(h.fields) };
  return { format: 'txt', text: nfc(text), meta: {} };
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return nfc(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).replace(/^\uFEFF/, '');
  } catch {
    throw new IngestError(
      'invalid:encoding',
      'Tệp văn bản không phải UTF-8. Hãy lưu lại tệp với bảng mã Unicode (UTF-8) rồi tải lên lại.',
      'text file is not valid UTF-8',
    );
  }
}

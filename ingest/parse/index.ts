import { IngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { parseText } from './text.js';

/** Formats we accept, decided from the bytes (magic numbers), never from the file name. */
export type Format = ParsedText['format'];

export function sniffFormat(bytes: Uint8Array): Format | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 512));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 100).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<(head|body|meta|div|p|h1|table)\b/.test(start)) return 'html';
  // Text: no NUL bytes and no other C0 controls besides tab/newline/CR/form feed.
  if (head.length && !head.some((b) => b === 0 || (b < 0x20 && ![9, 10, 12, 13].includes(b)))) return 'txt';
  return 'unknown';
}

export async function parseFile(bytes: Uint8Array): Promise<ParsedText> {
  if (bytes.length === 0) throw new IngestError('invalid:empty', 'Tệp rỗng, không có nội dung.', 'file is empty');
  const format = sniffFormat(bytes);
  switch (format) {
    case 'txt':
      return parseText(bytes);
    case 'pdf':
      return (await import('./pdf.js')).parsePdf(bytes);
    case 'docx':
      return (await import('./docx.js')).parseDocx(bytes);
    case 'html':
      return (await import('./html.js')).parseHtml(bytes);
    default:
      throw new IngestError(
        'invalid:upload_type',
        'Định dạng tệp không được hỗ trợ. Hãy tải lên tệp PDF, DOCX, TXT hoặc HTML.',
        'unrecognised file content (not PDF, DOCX, HTML or text)',
      );
  }
}

import { ingestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { looksUtf16 } from './encoding.js';
import { mb, resolveLimits, type ParseOptions } from './limits.js';
import { parseText } from './text.js';
import { runParseJob } from './worker-pool.js';

export { MAX_FILE_BYTES, DEFAULT_LIMITS, type ParseLimits, type ParseOptions } from './limits.js';

/** Formats we accept, decided from the bytes (magic numbers), never from the file name. */
export type Format = ParsedText['format'];

type Sniffed = Format | 'zip' | 'doc' | 'rtf' | 'image' | 'unknown';

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024));
  // %PDF- may follow a BOM or blank lines left by a careless export.
  if (
    /^(\uFEFF|\s)*%PDF-/.test(
      head
        .subarray(0, 64)
        .toString('latin1')
        .replace(/^\u00EF\u00BB\u00BF/, ''),
    )
  )
    return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return 'zip';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'doc';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if (isImage(head)) return 'image';
  const utf16 = looksUtf16(bytes);
  const start = (utf16 ? decodeUtf16Head(head) : head.toString('utf8'))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^(<\?xml[^>]*>\s*)?<html\b/.test(start) ||
    /^(<!--[\s\S]*?-->\s*)?<(head|body|meta|div|p|h1|h2|table|title)\b/.test(start)
  )
    return 'html';
  if (utf16) return 'txt';
  // Text: no NUL bytes and no other C0 controls besides tab/newline/CR/form feed (ESC aside).
  const controls = head.reduce((n, b) => n + (b === 0 || (b < 0x20 && ![9, 10, 12, 13, 0x1b].includes(b)) ? 1 : 0), 0);
  if (head.length && controls === 0) return 'txt';
  return 'unknown';
}

function decodeUtf16Head(head: Buffer): string {
  const le = head[0] === 0xff || (head[0] !== 0xfe && head[1] === 0);
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(head.subarray(0, head.length & ~1));
}

function isImage(h: Buffer): boolean {
  return (
    h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) ||
    h.subarray(0, 4).toString('latin1') === 'GIF8' ||
    (h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP') ||
    ['II*\0', 'MM\0*'].includes(h.subarray(0, 4).toString('latin1'))
  );
}

/**
 * Bytes → NFC text with one structural unit per line. Throws IngestError (stable code,
 * Vietnamese message) for anything it cannot or will not read. PDF, DOCX and HTML are parsed in
 * a worker thread with a deadline; plain text here.
 */
export async function parseFile(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedText> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) throw ingestError('invalid:empty', 'file is empty');
  if (bytes.length > limits.maxBytes) {
    throw ingestError(
      'invalid:too_large',
      `file is ${bytes.length} bytes (limit ${limits.maxBytes})`,
      `Tệp dung lượng ${mb(bytes.length)}, vượt giới hạn ${mb(limits.maxBytes)}. Hãy tách văn bản thành các tệp nhỏ hơn.`,
    );
  }
  if (!bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x00 && b !== 0xef && b !== 0xbb && b !== 0xbf)) {
    throw ingestError('invalid:empty', 'file has only whitespace');
  }
  const format = sniffFormat(bytes);
  switch (format) {
    case 'txt':
      return parseText(bytes);
    case 'pdf':
      return runParseJob('pdf', bytes, limits, options.ocr ?? true);
    case 'zip':
      return runParseJob('docx', bytes, limits, false);
    case 'html':
      return runParseJob('html', bytes, limits, false);
    case 'doc':
      throw ingestError('invalid:doc_legacy', 'legacy Word .doc (OLE compound file)');
    case 'rtf':
      throw ingestError('invalid:upload_type', 'RTF document', 'Tệp RTF chưa được hỗ trợ. Hãy lưu thành .docx hoặc PDF rồi tải lên lại.');
    case 'image':
      throw ingestError('invalid:upload_type', 'image file', 'Tệp ảnh chưa được hỗ trợ. Hãy ghép ảnh chụp văn bản thành tệp PDF rồi tải lên lại.');
    default:
      throw ingestError('invalid:upload_type', 'unrecognised file content (not PDF, DOCX, HTML or text)');
  }
}

export { warmParseWorkers, closeParseWorkers } from './worker-pool.js';

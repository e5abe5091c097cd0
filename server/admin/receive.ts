import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.js';
import { cleanFieldValue, displayName } from '../library/uploads.js';

export interface ReceivedFile {
  /** Random name under DATA_DIR/uploads; the client's name is never part of a path. */
  tmpPath: string;
  /** The client's file name, for display only. */
  filename: string;
  size: number;
}

export interface Received {
  files: ReceivedFile[];
  fields: Record<string, string>;
}

export const tooLarge = (maxMb: number, filename?: string) =>
  new AppError(413, 'invalid:too_large', `Tệp${filename ? ` "${filename}"` : ''} vượt quá giới hạn ${maxMb} MB. Hãy tách văn bản thành các tệp nhỏ hơn.`);

/**
 * Streams every `file` part of a multipart request to its own temp file and collects the
 * text fields. Unknown field names are refused (like additionalProperties: false on JSON
 * bodies). On any error the temp files written so far are removed.
 */
export async function receiveMultipart(
  req: FastifyRequest,
  opts: { dir: string; maxMb: number; maxFiles: number; allowedFields: readonly string[] },
): Promise<Received> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'invalid:content_type', 'Hãy gửi tệp bằng biểu mẫu tải lên (multipart/form-data, trường "file").');
  }
  fs.mkdirSync(opts.dir, { recursive: true });
  const files: ReceivedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    const parts = req.parts({
      limits: {
        fileSize: opts.maxMb * 1024 * 1024,
        files: opts.maxFiles,
        fields: opts.allowedFields.length + 5,
        fieldSize: 2000,
        parts: opts.maxFiles + opts.allowedFields.length + 5,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const filename = displayName(part.filename);
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest('field', `Trường "${part.fieldname.slice(0, 40)}" không được hỗ trợ. Tệp phải gửi trong trường "file".`);
        }
        const tmpPath = path.join(opts.dir, `${crypto.randomUUID()}.part`);
        files.push({ tmpPath, filename, size: 0 });
        await pipeline(part.file, fs.createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
        if (part.file.truncated) throw tooLarge(opts.maxMb, filename);
        files[files.length - 1]!.size = fs.statSync(tmpPath).size;
      } else {
        if (!opts.allowedFields.includes(part.fieldname)) {
          throw badRequest('field', `Trường "${part.fieldname.slice(0, 40)}" không được hỗ trợ.`);
        }
        if (part.valueTruncated) throw badRequest('field', `Giá trị trường "${part.fieldname}" quá dài.`);
        // Metadata fields are names shown in the library (title, issuer, số hiệu): the library's rule cleans them.
        fields[part.fieldname] = cleanFieldValue(String(part.value ?? ''));
      }
    }
  } catch (err) {
    removeFiles(files);
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(opts.maxMb);
    if (code === 'FST_FILES_LIMIT') throw new AppError(413, 'invalid:too_many_files', `Mỗi lần chỉ tải lên tối đa ${opts.maxFiles} tệp.`);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('fields', 'Biểu mẫu tải lên có quá nhiều trường.');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || isMalformedMultipart(err))
      throw badRequest('multipart', 'Dữ liệu tải lên không hợp lệ hoặc bị ngắt giữa chừng. Vui lòng chọn tệp và tải lên lại.', (err as Error).message);
    throw err;
  }
  if (!files.length) throw badRequest('no_file', 'Chưa chọn tệp để tải lên (trường "file").');
  return { files, fields };
}

/**
 * busboy (under @fastify/multipart) reports a body that breaks the multipart format with plain
 * Errors and these messages: the client sent something wrong (400), unlike a disk error (500).
 */
const MALFORMED = /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Part terminated early)/;
function isMalformedMultipart(err: unknown): boolean {
  return err instanceof Error && !(err instanceof AppError) && !(err as { code?: string }).code && MALFORMED.test(err.message);
}

export function removeFiles(files: { tmpPath: string }[]): void {
  for (const f of files) fs.rmSync(f.tmpPath, { force: true });
}

/** Temp files left by a crash are useless after an hour; swept at start-up. */
export function sweepTempFiles(dir: string, olderThanMs = 3600_000): void {
  if (!fs.existsSync(dir)) return;
  const cutoff = Date.now() - olderThanMs;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.part')) continue;
    const p = path.join(dir, name);
    try {
      if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { force: true });
    } catch {
      // Another instance may have removed it first.
    }
  }
}

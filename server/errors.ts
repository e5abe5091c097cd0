import { INGEST_MESSAGES, IngestError, type IngestCode } from '../ingest/errors.js';
import { EmbedderError } from '../ingest/embed/embedder.js';
import { ParseBusy } from './resilience/parse-gate.js';

/**
 * Every error code the API answers with, and its HTTP status: the one catalogue. Codes are
 * stable (asserted in tests, keyed on by the web chat, the widget and the Mini App), so a new
 * one is added here, not spelled freely at the throw; JSON responses and the chat's SSE
 * `error` event use the same codes and statuses (httpError below).
 */
const APP_ERRORS = {
  'invalid:request': 400,
  'invalid:json': 400,
  'invalid:characters': 400,
  'invalid:empty_message': 400,
  'invalid:conversation_full': 400,
  'invalid:messages': 400,
  'invalid:period': 400,
  'invalid:answer': 400,
  'invalid:origin': 400,
  'invalid:field': 400,
  'invalid:fields': 400,
  'invalid:multipart': 400,
  'invalid:no_file': 400,
  'invalid:question': 400,
  'invalid:note_text': 400,
  'invalid:note_clause': 400,
  'invalid:note_point': 400,
  'invalid:note_meaning': 400,
  'invalid:metadata': 400,
  'invalid:current_password': 400,
  'invalid:citation': 400,
  'invalid:no_question': 400,
  'invalid:phone': 400,
  'invalid:welcome': 400,
  'invalid:suggestions': 400,
  'invalid:share_emergency': 400,
  'invalid:share_out_of_scope': 400,
  'invalid:compare_with': 400,
  unauthorized: 401,
  'unauthorized:api_key': 401,
  'invalid:credentials': 401,
  forbidden: 403,
  'forbidden:role': 403,
  'forbidden:csrf': 403,
  'forbidden:api_key_scope': 403,
  'not_found:route': 404,
  'not_found:document': 404,
  'not_found:article': 404,
  'not_found:section': 404,
  'not_found:contact': 404,
  'not_found:handover': 404,
  'not_found:origin': 404,
  'not_found:user': 404,
  'not_found:message': 404,
  'not_found:conversation': 404,
  'not_found:share': 404,
  'not_found:api_key': 404,
  method_not_allowed: 405,
  'conflict:number': 409,
  'conflict:no_answer': 409,
  'conflict:origin': 409,
  'conflict:self': 409,
  'conflict:email': 409,
  'conflict:last_admin': 409,
  'invalid:too_many_files': 413,
  'invalid:content_type': 415,
  /** Per address and group (chat, search, login), and per API key. */
  rate_limited: 429,
  /** Too many wrong passwords for one account: the account is locked, whatever the address. */
  'rate_limited:login': 429,
  internal: 500,
  /** A provider the request needs (embeddings for a new document) is down: try again later. */
  'unavailable:embedder': 503,
  /** Every heavy parse slot is taken and the queue is full: try again later. */
  'unavailable:busy': 503,
} as const;

/** A file that cannot be ingested is 422, except a file too big (413) or of a type we do not read (415). */
const INGEST_STATUS = Object.fromEntries(
  (Object.keys(INGEST_MESSAGES) as IngestCode[]).map((c) => [c, c === 'invalid:too_large' ? 413 : c === 'invalid:upload_type' ? 415 : 422]),
) as Record<IngestCode, 413 | 415 | 422>;

export type ErrorCode = keyof typeof APP_ERRORS | IngestCode;

export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = { ...APP_ERRORS, ...INGEST_STATUS };

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

/** The status for a code; an unknown code (an old upload's stored code) is a refused file, 422. */
export function statusOf(code: string | null | undefined): number {
  return isErrorCode(code) ? ERROR_STATUS[code] : 422;
}

/**
 * Errors a service or route throws on purpose. `code` comes from the catalogue above; `message`
 * is Vietnamese and shown to users. The status sent is the catalogue's (statusCode is kept for
 * callers that read it; tests/errors.test.ts checks every throw site agrees with the catalogue).
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** English detail for logs only. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

type Suffix<P extends string> = ErrorCode extends infer C ? (C extends `${P}:${infer W}` ? W : never) : never;

export const notFound = (what: Suffix<'not_found'>, message = 'Không tìm thấy nội dung yêu cầu.') => new AppError(404, `not_found:${what}`, message);
export const badRequest = (code: Suffix<'invalid'>, message: string, detail?: string) => new AppError(400, `invalid:${code}`, message, detail);

/**
 * The member went away (closed the tab, lost the connection) while her answer was being made.
 * Not a failure of anything: nothing is marked unhealthy, no fallback is made and nothing is stored.
 */
export class RequestAborted extends Error {
  override name = 'RequestAborted';
  constructor() {
    super('request aborted by the client');
  }
}

/** What the API answers for an error: the same for a JSON response and the chat's SSE `error` event. */
export interface HttpError {
  status: number;
  code: ErrorCode;
  /** Vietnamese, shown to the user; never a framework's or a library's text. */
  message: string;
  /** English, for logs only (and, for a schema violation, the field that failed). */
  detail?: string;
  /** A schema violation: the response also carries `detail`, which names the field for developers. */
  validation?: boolean;
}

const INTERNAL_MESSAGE = 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.';
export const PARSE_BUSY_MESSAGE = 'Hệ thống đang xử lý các tệp khác. Vui lòng tải tệp này lên lại sau ít phút.';
export const EMBEDDER_DOWN_MESSAGE =
  'Dịch vụ tạo chỉ mục tìm kiếm theo nghĩa (mô hình embedding) đang không phản hồi nên văn bản chưa được lưu. Vui lòng thử lại sau ít phút.';

/** Fastify's own codes (FST_ERR_*) for a bad request, as ours; anything else goes by its status. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid:json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid:json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'invalid:content_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid:request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'invalid:too_large',
};

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found:route',
  405: 'method_not_allowed',
  413: 'invalid:too_large',
  415: 'invalid:content_type',
  429: 'rate_limited',
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  'invalid:request': 'Yêu cầu không hợp lệ. Vui lòng kiểm tra lại nội dung gửi lên.',
  'invalid:json': 'Nội dung gửi lên không đúng định dạng JSON.',
  'invalid:content_type': 'Định dạng nội dung không được hỗ trợ.',
  'invalid:too_large': 'Tệp hoặc nội dung gửi lên quá lớn.',
  unauthorized: 'Bạn cần đăng nhập.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  'not_found:route': 'Không tìm thấy trang hoặc đường dẫn này.',
  method_not_allowed: 'Đường dẫn này không nhận phương thức yêu cầu đã gửi.',
  rate_limited: 'Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một chút rồi thử lại.',
  internal: INTERNAL_MESSAGE,
  'unavailable:embedder': EMBEDDER_DOWN_MESSAGE,
  'unavailable:busy': PARSE_BUSY_MESSAGE,
};

/** Vietnamese message for a code raised without one (by the framework, or by status). */
export function messageFor(code: ErrorCode): string {
  return MESSAGES[code] ?? MESSAGES['invalid:request']!;
}

/**
 * The one mapping from anything thrown to what the API answers. Domain errors keep their code
 * and message; the framework's errors get our codes and Vietnamese text; everything else is a
 * 500 whose detail stays in the logs.
 */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof AppError) return { status: ERROR_STATUS[err.code] ?? err.statusCode, code: err.code, message: err.message, detail: err.detail };
  // The provider is down, not the request wrong: 503, and the plugin adds Retry-After.
  if (err instanceof ParseBusy) return { status: 503, code: 'unavailable:busy', message: PARSE_BUSY_MESSAGE, detail: err.message };
  if (err instanceof EmbedderError) return { status: 503, code: 'unavailable:embedder', message: EMBEDDER_DOWN_MESSAGE, detail: err.message };
  if (err instanceof IngestError)
    return { status: statusOf(err.code), code: isErrorCode(err.code) ? err.code : 'invalid:request', message: err.userMessage, detail: err.message };
  const fe = (err ?? {}) as { statusCode?: number; code?: string; message?: string; validation?: unknown };
  if (fe.validation) return { status: 400, code: 'invalid:request', message: messageFor('invalid:request'), detail: fe.message, validation: true };
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 500) return { status, code: 'internal', message: INTERNAL_MESSAGE, detail: fe.message };
  const code = (fe.code && FRAMEWORK_CODES[fe.code]) || CODE_FOR_STATUS[status] || 'invalid:request';
  return {
    status: ERROR_STATUS[code] === 400 ? status : ERROR_STATUS[code],
    code,
    message: messageFor(code),
    detail: fe.code ? `${fe.code}: ${fe.message}` : fe.message,
  };
}

/**
 * Errors a route may throw on purpose. `code` is stable (`not_found:document`,
 * `invalid:upload_type`) and asserted in tests; `message` is Vietnamese and shown to users.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** English detail for logs only. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, message = 'Không tìm thấy nội dung yêu cầu.') => new AppError(404, `not_found:${what}`, message);
export const badRequest = (code: string, message: string, detail?: string) => new AppError(400, `invalid:${code}`, message, detail);

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

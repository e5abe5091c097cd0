/**
 * A file that cannot be ingested. `code` is stable (asserted in tests, mapped to HTTP 4xx),
 * `userMessage` is Vietnamese for officials, `message` is English detail for logs and the CLI.
 */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    readonly code: string,
    readonly userMessage: string,
    detail: string,
  ) {
    super(detail);
  }
}

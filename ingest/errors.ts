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
    // One line: the CLI prints it after the file name, logs keep it on one record.
    super(detail.replace(/\s+/g, ' ').trim().slice(0, 500));
  }
}

/**
 * The codes parsers throw, each with its default Vietnamese message. Callers (HTTP, CLI, the
 * upload history) key on the code; the message may carry specifics (page counts, encodings).
 */
export const INGEST_MESSAGES = {
  'invalid:empty': 'Tệp rỗng, không có nội dung.',
  'invalid:too_large': 'Tệp quá lớn. Hãy tách văn bản thành các tệp nhỏ hơn.',
  'invalid:upload_type': 'Định dạng tệp không được hỗ trợ. Hãy tải lên tệp PDF, DOCX, TXT hoặc HTML.',
  'invalid:binary': 'Tệp chứa dữ liệu nhị phân, không phải văn bản.',
  'invalid:encoding': 'Tệp văn bản không dùng bảng mã Unicode (UTF-8). Hãy mở tệp bằng Word hoặc Unikey, chuyển sang Unicode rồi tải lên lại.',
  'invalid:mojibake':
    'Chữ tiếng Việt trong tệp bị lỗi phông (ví dụ "Ä\u0091iá»\u0081u" thay cho "Điều"). Hãy lưu lại tệp với bảng mã Unicode (UTF-8) rồi tải lên lại.',
  'invalid:lossy_encoding': 'Tệp đã mất dấu tiếng Việt (nhiều chữ bị thay bằng dấu "?"). Hãy lấy lại bản gốc của văn bản.',
  'invalid:no_text': 'Không tìm thấy chữ trong tệp.',
  'invalid:no_content': 'Không tìm thấy nội dung văn bản trong tệp.',
  'invalid:pdf': 'Tệp PDF bị hỏng hoặc không mở được.',
  'invalid:pdf_encrypted': 'Tệp PDF được đặt mật khẩu. Hãy gỡ mật khẩu rồi tải lên lại.',
  'invalid:too_many_pages': 'Tệp PDF có quá nhiều trang. Hãy tách văn bản thành các tệp nhỏ hơn.',
  'invalid:ocr_failed': 'Không nhận dạng được chữ trên bản quét. Hãy dùng bản quét rõ hơn hoặc tệp có lớp chữ.',
  'invalid:timeout': 'Xử lý tệp quá lâu nên đã dừng. Tệp có thể bị hỏng hoặc quá phức tạp; hãy thử tệp khác.',
  'invalid:too_complex': 'Tệp quá phức tạp để xử lý (cần quá nhiều bộ nhớ). Hãy tách văn bản thành các tệp nhỏ hơn.',
  'invalid:docx': 'Tệp DOCX bị hỏng hoặc không mở được.',
  'invalid:doc_legacy': 'Tệp Word cũ (.doc) chưa được hỗ trợ. Hãy mở bằng Word và lưu thành .docx hoặc PDF rồi tải lên lại.',
  'invalid:zip_bomb': 'Tệp nén có kích thước giải nén bất thường nên bị từ chối để bảo vệ hệ thống.',
  'invalid:html': 'Trang HTML không đọc được.',
} as const;

export type IngestCode = keyof typeof INGEST_MESSAGES;

/** An IngestError with the code's default Vietnamese message unless a more specific one is given. */
export function ingestError(code: IngestCode, detail: string, userMessage?: string): IngestError {
  return new IngestError(code, userMessage ?? INGEST_MESSAGES[code], detail);
}

/** The plain form that crosses a worker-thread boundary (class instances do not). */
export interface SerializedIngestError {
  code: string;
  userMessage: string;
  message: string;
}

export function serializeIngestError(e: IngestError): SerializedIngestError {
  return { code: e.code, userMessage: e.userMessage, message: e.message };
}

export function reviveIngestError(e: SerializedIngestError): IngestError {
  return new IngestError(e.code, e.userMessage, e.message);
}

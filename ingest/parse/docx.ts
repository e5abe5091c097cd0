import mammoth from 'mammoth';
import { IngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { nfc } from '../text/vietnamese.js';

export async function parseDocx(bytes: Uint8Array): Promise<ParsedText> {
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = nfc(r.value).trim();
    if (!text) throw new IngestError('invalid:no_text', 'Tệp DOCX không có nội dung chữ.', 'DOCX has no text');
    return { format: 'docx', text, meta: {} };
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('invalid:docx', 'Tệp DOCX bị hỏng hoặc không mở được.', `DOCX parse failed: ${(err as Error).message}`);
  }
}

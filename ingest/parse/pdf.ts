import { PDFParse } from 'pdf-parse';
import { IngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { nfc } from '../text/vietnamese.js';

/** PDF with a text layer. (Scanned PDFs: see the OCR path.) */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedText> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const r = await parser.getText();
    const text = nfc(r.text ?? '').trim();
    if (!text) throw new IngestError('invalid:no_text', 'Không đọc được chữ trong tệp PDF.', 'PDF has no text layer');
    return { format: 'pdf', text, meta: {}, pages: r.total };
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('invalid:pdf', 'Tệp PDF bị hỏng hoặc không mở được.', `PDF parse failed: ${(err as Error).message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

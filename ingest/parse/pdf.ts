import { PDFParse } from 'pdf-parse';
import { IngestError, ingestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { fixUnicodeText, stripControls, vietnameseScore } from './encoding.js';
import type { ParseLimits } from './limits.js';
import { reflowPages } from './reflow.js';

/**
 * PDF → text, inside the parse worker (ingest/parse/worker-pool.ts runs it off the event loop
 * with a deadline). The text layer is used where a page has one; pages without one (scans) are
 * rendered and OCR'd in Vietnamese. Lines are reflowed into one paragraph per structural unit.
 */

/** A page with fewer letters than this in its text layer is treated as a scan. */
const MIN_LETTERS_PER_PAGE = 20;
/** Render width for OCR: ~200 dpi on A4, enough for 11–13 pt body text. */
const OCR_RENDER_WIDTH = 1700;
/** Below this mean confidence the OCR output is noise, not text. */
const MIN_OCR_CONFIDENCE = 45;

export interface PdfProgress {
  phase: 'ocr';
  pages: number;
}

function letters(s: string): number {
  return s.match(/\p{L}/gu)?.length ?? 0;
}

function mapPdfError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const e = err as Error;
  if (e?.name === 'PasswordException' || /password/i.test(e?.message ?? '')) {
    return ingestError('invalid:pdf_encrypted', `PDF is password-protected: ${e.message}`);
  }
  return ingestError('invalid:pdf', `PDF parse failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`);
}

export async function extractPdf(bytes: Uint8Array, limits: ParseLimits, opts: { ocr: boolean; onProgress?: (p: PdfProgress) => void }): Promise<ParsedText> {
  // isEvalSupported: false keeps pdf.js from compiling font programs (CVE-2024-4367 class).
  const parser = new PDFParse({ data: bytes, isEvalSupported: false, verbosity: 0 });
  try {
    let total: number;
    try {
      total = (await parser.getInfo()).total;
    } catch (err) {
      throw mapPdfError(err);
    }
    if (total > limits.maxPdfPages) {
      throw ingestError(
        'invalid:too_many_pages',
        `PDF has ${total} pages (limit ${limits.maxPdfPages})`,
        `Tệp PDF có ${total} trang, vượt giới hạn ${limits.maxPdfPages} trang. Hãy tách văn bản thành các tệp nhỏ hơn.`,
      );
    }
    let pages: string[];
    try {
      const r = await parser.getText({ pageJoiner: '' });
      pages = r.pages.map((p) => p.text ?? '');
    } catch (err) {
      throw mapPdfError(err);
    }

    const scanned = pages.map((p, i) => (letters(p) < MIN_LETTERS_PER_PAGE ? i : -1)).filter((i) => i >= 0);
    let ocrUsed = false;
    const ocrPages = async (indexes: number[], why: string) => {
      if (indexes.length > limits.maxOcrPages) {
        throw ingestError(
          'invalid:too_many_pages',
          `PDF needs OCR of ${indexes.length} pages (${why}; limit ${limits.maxOcrPages})`,
          `Tệp PDF cần nhận dạng chữ ${indexes.length} trang, vượt giới hạn ${limits.maxOcrPages} trang. Hãy tách tệp hoặc dùng tệp có lớp chữ chuẩn Unicode.`,
        );
      }
      opts.onProgress?.({ phase: 'ocr', pages: indexes.length });
      const read = await ocrPdfPages(parser, indexes);
      for (const [k, i] of indexes.entries()) pages[i] = read[k] ?? '';
      ocrUsed = true;
    };
    if (scanned.length && (scanned.length === pages.length || scanned.length / pages.length >= 0.2)) {
      if (opts.ocr) await ocrPages(scanned, 'no text layer');
      else if (scanned.length === pages.length)
        throw ingestError('invalid:no_text', 'PDF has no text layer and OCR is off', 'Tệp PDF là bản quét, không có lớp chữ.');
    }

    let text = toText(pages);
    // A text layer that decodes to garbage (fonts without a proper Unicode map, common in
    // PDFs made with old Vietnamese fonts) is read from the rendered pages instead.
    const garbled = text === null ? 'text layer is unreadable' : garbledReason(text);
    if (garbled && !ocrUsed && opts.ocr) {
      await ocrPages(
        pages.map((_, i) => i),
        garbled,
      );
      text = toText(pages);
    }
    if (text === null || (garbled && !ocrUsed)) {
      throw ingestError(
        'invalid:encoding',
        `PDF ${garbled ?? 'text layer is unreadable'}`,
        'Lớp chữ của tệp PDF bị lỗi phông, không đọc được tiếng Việt. Hãy xuất lại PDF với phông Unicode.',
      );
    }
    if (letters(text) < MIN_LETTERS_PER_PAGE) {
      throw ocrUsed
        ? ingestError('invalid:ocr_failed', `OCR found no readable text on ${scanned.length || pages.length} page(s)`)
        : ingestError('invalid:no_text', 'PDF has no text', 'Không đọc được chữ trong tệp PDF.');
    }
    return { format: 'pdf', text, meta: {}, pages: total, ocr: ocrUsed || undefined };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Reflowed, repaired text of the pages, or null when it is mojibake beyond repair. */
function toText(pages: string[]): string | null {
  const raw = stripControls(reflowPages(pages.map((p) => p.normalize('NFC'))));
  try {
    return fixUnicodeText(raw).text;
  } catch (err) {
    if (err instanceof IngestError && err.code !== 'invalid:binary') return null;
    throw err;
  }
}

/** Why a text layer is not Vietnamese text, if it is not. */
function garbledReason(text: string): string | null {
  const s = vietnameseScore(text);
  return s.words >= 20 && s.score < 0.5 ? `text layer reads as garbage (${s.valid}/${s.words} well-formed accented words)` : null;
}

/** Renders and recognises the given 0-based pages one at a time (bounded memory). */
async function ocrPdfPages(parser: PDFParse, pageIndexes: number[]): Promise<(string | null)[]> {
  const { sharedOcr } = await import('./ocr.js');
  const ocr = await sharedOcr();
  {
    const out: (string | null)[] = [];
    for (const i of pageIndexes) {
      let png: Uint8Array | undefined;
      try {
        const shot = await parser.getScreenshot({ partial: [i + 1], desiredWidth: OCR_RENDER_WIDTH, imageDataUrl: false, imageBuffer: true });
        png = shot.pages[0]?.data;
      } catch (err) {
        throw mapPdfError(err);
      }
      if (!png) {
        out.push(null);
        continue;
      }
      const r = await ocr.recognize(png);
      out.push(r.confidence >= MIN_OCR_CONFIDENCE ? cleanOcr(r.text) : null);
    }
    return out;
  }
}

/** A one-page PDF with no content: parsing it loads pdf.js's worker code ahead of real jobs. */
export const WARM_UP_PDF = new TextEncoder().encode(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function warmUpPdf(): Promise<void> {
  const parser = new PDFParse({ data: new Uint8Array(WARM_UP_PDF), isEvalSupported: false, verbosity: 0 });
  try {
    await parser.getInfo();
  } catch {
    // warming only
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Tesseract's stray marks at line ends and isolated symbols are dropped; lines stay lines. */
function cleanOcr(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l === '' || letters(l) + (l.match(/\d/g)?.length ?? 0) >= 1)
    .join('\n');
}

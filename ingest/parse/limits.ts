/**
 * Hard limits on what one uploaded file may cost. They sit below the HTTP upload limit so the
 * CLI (which has none) is protected too; tests pass smaller values through `ParseOptions`.
 */

/** Largest file parseFile accepts (any format). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A 600-page PDF is several codes' worth of text; anything longer is split by hand. */
export const MAX_PDF_PAGES = 600;
/** OCR runs at ~1–3 s a page on two cores: scanned documents longer than this are refused. */
export const MAX_OCR_PAGES = 40;
/** Text-layer extraction of one PDF (worker thread, then terminated). */
export const PDF_TIMEOUT_MS = 60_000;
/** Whole OCR run of one scanned PDF, rendering included. */
export const OCR_TIMEOUT_MS = 300_000;
/** Memory for the parsing worker's JS heap; canvas buffers are native and bounded by page count. */
export const WORKER_HEAP_MB = 1024;

/** DOCX (zip) guards, checked on the central directory before mammoth opens the file. */
export const ZIP_MAX_ENTRIES = 2000;
export const ZIP_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** XML deflates 10–30×; a ratio past this on a sizeable entry is a bomb, not a document. */
export const ZIP_MAX_RATIO = 120;
/** Entries smaller than this are exempt from the ratio check (tiny files compress oddly). */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;
/**
 * All XML of a DOCX together (document, styles, numbering…). mammoth holds about 25 bytes of
 * memory per byte of XML: 60 MB of XML (an 848 KB file, under the ratio limit) took 1.9 GB.
 * The largest codes (Bộ luật Dân sự, ~700 điều) are a few MB of XML even with heavy formatting.
 */
export const DOCX_MAX_XML_BYTES = 16 * 1024 * 1024;

export interface ParseLimits {
  maxBytes: number;
  maxPdfPages: number;
  maxOcrPages: number;
  pdfTimeoutMs: number;
  ocrTimeoutMs: number;
  workerHeapMb: number;
  zipMaxEntries: number;
  zipMaxUncompressed: number;
  zipMaxRatio: number;
  docxMaxXml: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: MAX_FILE_BYTES,
  maxPdfPages: MAX_PDF_PAGES,
  maxOcrPages: MAX_OCR_PAGES,
  pdfTimeoutMs: PDF_TIMEOUT_MS,
  ocrTimeoutMs: OCR_TIMEOUT_MS,
  workerHeapMb: WORKER_HEAP_MB,
  zipMaxEntries: ZIP_MAX_ENTRIES,
  zipMaxUncompressed: ZIP_MAX_UNCOMPRESSED_BYTES,
  zipMaxRatio: ZIP_MAX_RATIO,
  docxMaxXml: DOCX_MAX_XML_BYTES,
};

export interface ParseOptions {
  limits?: Partial<ParseLimits>;
  /** OCR scanned PDFs (default true). Off: a PDF without a text layer is refused at once. */
  ocr?: boolean;
}

export function resolveLimits(o?: ParseOptions): ParseLimits {
  return { ...DEFAULT_LIMITS, ...(o?.limits ?? {}) };
}

export function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

import mammoth from 'mammoth';
import { IngestError, ingestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { fixUnicodeText, stripControls, type FontHint } from './encoding.js';
import type { ParseLimits } from './limits.js';
import { docxTextWithNumbering, hasOrderedNumbering } from './docx-numbering.js';
import { inspectZip, isDocx, type ZipArchive } from './zip.js';

/**
 * DOCX → text, inside the parse worker. The zip is checked by hand first (ingest/parse/zip.ts:
 * sizes, ratios, overlaps, a capped inflate) so mammoth never opens a bomb.
 */
export async function parseDocx(bytes: Uint8Array, limits: ParseLimits): Promise<ParsedText> {
  const zip = inspectZip(bytes, limits);
  if (!isDocx(zip)) {
    throw ingestError(
      'invalid:docx',
      'zip archive is not a Word document (no [Content_Types].xml / word/*.xml)',
      'Tệp nén này không phải tài liệu Word (.docx).',
    );
  }
  let raw: string;
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    raw = r.value;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw ingestError('invalid:docx', `DOCX parse failed: ${(err as Error).message}`);
  }
  // Auto-numbered "Điều %1." / "%1." / "%1)" paragraphs: mammoth drops the numbers.
  if (hasOrderedNumbering(zip)) {
    const numbered = docxTextWithNumbering(zip);
    const letters = (t: string) => t.match(/\p{L}/gu)?.length ?? 0;
    // Our reader is simpler than mammoth's: trust it only when it read the same text.
    if (Math.abs(letters(numbered.body) - letters(raw)) <= Math.max(20, letters(raw) * 0.02)) raw = numbered.text;
  }
  const text = stripControls(raw.normalize('NFC'))
    .split('\n')
    .map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  if (!text) throw ingestError('invalid:no_text', 'DOCX has no text', 'Tệp DOCX không có nội dung chữ.');
  const fixed = fixUnicodeText(text, 'utf-8', docxFontHint(zip));
  return { format: 'docx', text: fixed.text, meta: {} };
}

/** Runs set in .VnTime (TCVN3) or VNI-Times fonts: the letters in them are legacy stand-ins. */
export function docxFontHint(zip: ZipArchive): FontHint {
  let tcvn = 0;
  let vni = 0;
  for (const name of ['word/document.xml', 'word/styles.xml']) {
    const xml = zip.read(name)?.toString('utf8') ?? '';
    tcvn += xml.match(/w:(?:ascii|hAnsi)="\.Vn[^"]*"/g)?.length ?? 0;
    vni += xml.match(/w:(?:ascii|hAnsi)="VNI[- ][^"]*"/gi)?.length ?? 0;
  }
  if (!tcvn && !vni) return null;
  return tcvn >= vni ? 'tcvn3' : 'vni';
}

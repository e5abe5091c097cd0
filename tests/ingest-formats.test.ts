import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../ingest/embed/hashed.js';
import { IngestError } from '../ingest/errors.js';
import { extractMetadata } from '../ingest/parse/metadata.js';
import { parseFile, sniffFormat } from '../ingest/parse/index.js';
import { closeParseWorkers, warmParseWorkers } from '../ingest/parse/worker-pool.js';
import { inspectZip } from '../ingest/parse/zip.js';
import { vieLangPath } from '../ingest/parse/ocr.js';
import { parseText } from '../ingest/parse/text.js';
import { parseStructure } from '../ingest/structure/legal.js';
import { ingestDocument } from '../ingest/pipeline.js';
import type { Db } from '../store/db.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { memoryDb } from './helpers/template-db.js';
import {
  DOCX_SKELETON,
  LAW_NUMBER,
  LAW_PARAGRAPHS,
  LAW_PRINTED,
  LAW_TEXT,
  PLAN_TEXT,
  makeDocx,
  makeGarbledTextPdf,
  makeHtml,
  makeNumberedDocx,
  makeScannedPdf,
  makeTextPdf,
  makeWrappedPdf,
  makeZip,
  type PrintLine,
} from './fixtures/documents.js';
import { encodeTcvn3, encodeVni } from './fixtures/legacy.js';

let db: Db;
const embedder = new HashedEmbedder();

beforeAll(async () => {
  const warm = warmParseWorkers();
  db = await memoryDb();
  await ensureEmbeddings(db, embedder);
  await warm;
});

afterAll(async () => {
  await closeParseWorkers();
  await db?.close();
});

/** The sample law under another số hiệu, so each format is its own document. */
function lawAs(number: string): string[] {
  return LAW_PARAGRAPHS.map((l) => l.replace(LAW_NUMBER, number));
}

function printedAs(number: string): PrintLine[][] {
  return LAW_PRINTED.map((p) => p.map((l) => ({ ...l, text: l.text.replace(LAW_NUMBER, number) })));
}

interface ChunkRow {
  article: string;
  path: string[];
  text: string;
  points: Record<string, string[]>;
}

async function chunksOf(id: string): Promise<ChunkRow[]> {
  return (await db.query<ChunkRow>('select article, path, text, points from chunks where document_id = $1 order by ordinal', [id])).rows;
}

/** The sample law's structure, whatever format it came through. */
async function expectSampleLaw(documentId: string) {
  const chunks = await chunksOf(documentId);
  expect(chunks.map((c) => c.article)).toEqual(['1', '2', '3', '4', '5']);
  expect(chunks[0]!.path).toEqual(['Chương I. NHỮNG QUY ĐỊNH CHUNG']);
  expect(chunks[3]!.path).toEqual(['Chương II. PHÒNG NGỪA BẠO LỰC GIA ĐÌNH']);
  expect(chunks[0]!.text).toContain('theo quy định tại Điều 5 của Luật này và các văn bản hướng dẫn thi hành.');
  expect(chunks[2]!.text.split('\n')[0]).toBe('Điều 3. Nguyên tắc phòng ngừa và hỗ trợ người bị bạo lực gia đình');
  expect(chunks[2]!.points).toEqual({ '2': ['a', 'b'] });
  expect(chunks[4]!.text).toContain('trong việc hòa giải theo quy định tại khoản 1 Điều này.');
}

async function expectIngestError(p: Promise<unknown>, code: string | RegExp): Promise<IngestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  const e = err as IngestError;
  if (typeof code === 'string') expect(e.code).toBe(code);
  else expect(e.code).toMatch(code);
  expect(e.userMessage).toMatch(/[à-ỹ]/u);
  return e;
}

describe('each format goes into the store with its articles', () => {
  it('PDF with a text layer: lines reflowed, metadata read from the first page', async () => {
    const pdf = await makeTextPdf(printedAs('11/2030/QH99'));
    const r = await ingestDocument(db, embedder, { bytes: pdf, filename: 'luat.pdf' });
    expect(r).toMatchObject({ status: 'added', number: '11/2030/QH99', articles: 5, title: 'Luật Phòng ngừa và hỗ trợ người bị bạo lực gia đình' });
    const doc = (
      await db.query<{ type: string; issuer: string; issued: string; scope: string }>(
        "select type, issuer, to_char(issued, 'YYYY-MM-DD') as issued, scope from documents where id = $1",
        [r.documentId],
      )
    ).rows[0]!;
    expect(doc).toEqual({ type: 'Luật', issuer: 'Quốc hội', issued: '2030-06-15', scope: 'toàn quốc' });
    await expectSampleLaw(r.documentId);
  });

  it('DOCX (mammoth, behind the zip guard)', async () => {
    const docx = await makeDocx(lawAs('12/2030/QH99'));
    expect(sniffFormat(docx)).toBe('zip');
    const r = await ingestDocument(db, embedder, { bytes: docx, filename: 'luat.docx' });
    expect(r).toMatchObject({ number: '12/2030/QH99', articles: 5 });
    await expectSampleLaw(r.documentId);
  });

  it('DOCX with Word automatic numbering ("Điều %1.", "%1.", "%1)"): numbers written back', async () => {
    const docx = await makeNumberedDocx(lawAs('19/2030/QH99'));
    const parsed = await parseFile(docx);
    expect(parsed.text.split('\n')).toEqual(lawAs('19/2030/QH99'));
    const r = await ingestDocument(db, embedder, { bytes: docx });
    expect(r).toMatchObject({ number: '19/2030/QH99', articles: 5 });
    await expectSampleLaw(r.documentId);
  });

  it('DOCX typed in .VnTime (TCVN3 font): converted to Unicode', async () => {
    const docx = await makeDocx(lawAs('13/2030/QH99').map(encodeTcvn3), { font: '.VnTime' });
    const parsed = await parseFile(docx);
    expect(parsed.text).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(parsed.text).not.toMatch(/[§¸µ¶·¹]/u);
    const r = await ingestDocument(db, embedder, { bytes: docx });
    expect(r).toMatchObject({ number: '13/2030/QH99', articles: 5 });
  });

  it('HTML: scripts, styles, navigation and footer dropped', async () => {
    const html = Buffer.from(makeHtml(lawAs('14/2030/QH99')), 'utf8');
    const r = await ingestDocument(db, embedder, { bytes: html, filename: 'page.html' });
    expect(r).toMatchObject({ number: '14/2030/QH99', articles: 5 });
    await expectSampleLaw(r.documentId);
    const all = (await chunksOf(r.documentId)).map((c) => c.text).join('\n');
    for (const junk of ['dataLayer', 'Điều 99', 'Điều 98', 'Điều 97', 'Điều 96', 'Trang chủ', 'font-family', 'Bản quyền']) expect(all).not.toContain(junk);
  });

  it('HTML in a VNI font, served as Windows-1252 bytes: converted', async () => {
    const html = makeHtml(lawAs('15/2030/QH99').map(encodeVni), { charset: 'windows-1252', font: 'VNI-Times' });
    const r = await ingestDocument(db, embedder, { bytes: Buffer.from(html, 'latin1') });
    expect(r).toMatchObject({ number: '15/2030/QH99', articles: 5 });
    await expectSampleLaw(r.documentId);
  });

  it('TXT in TCVN3 bytes, no header: converted, metadata from the text', async () => {
    const bytes = Buffer.from(encodeTcvn3(lawAs('16/2030/QH99').join('\r\n')), 'latin1');
    const r = await ingestDocument(db, embedder, { bytes });
    expect(r).toMatchObject({ number: '16/2030/QH99', articles: 5 });
  });

  it('TXT in Windows-1258: converted', async () => {
    const text = lawAs('17/2030/QH99').join('\n');
    const bytes = iconv.encode(
      text.normalize('NFD').replace(/([aAeEoOuU])(\u0323?)([\u0302\u0306\u031B])/g, (_, b: string, d: string, m: string) => (b + m).normalize('NFC') + d),
      'windows1258',
    );
    const parsed = await parseFile(bytes);
    expect(parsed.text).toBe(text);
  });

  it('a provincial plan without header: Kế hoạch of UBND tỉnh Thanh Hóa, in sections, not binding', async () => {
    const r = await ingestDocument(db, embedder, { bytes: Buffer.from(PLAN_TEXT, 'utf8'), filename: 'kh.txt' });
    expect(r).toMatchObject({ number: '123/KH-UBND', articles: 0 });
    const doc = (
      await db.query<Record<string, unknown>>(
        "select title, type, issuer, scope, binding, to_char(issued, 'YYYY-MM-DD') as issued from documents where id = $1",
        [r.documentId],
      )
    ).rows[0]!;
    expect(doc).toEqual({
      title: 'Kế hoạch thực hiện công tác phòng, chống bạo lực gia đình trên địa bàn tỉnh năm 2024',
      type: 'Kế hoạch',
      issuer: 'UBND tỉnh Thanh Hóa',
      scope: 'tỉnh Thanh Hóa',
      binding: false,
      issued: '2024-03-05',
    });
    const headings = (await db.query<{ heading: string }>('select heading from chunks where document_id = $1 order by ordinal', [r.documentId])).rows.map(
      (x) => x.heading,
    );
    expect(headings).toEqual(['1. Mục đích', '2. Yêu cầu', 'II. NỘI DUNG THỰC HIỆN', '3. Hỗ trợ người bị bạo lực gia đình', 'III. TỔ CHỨC THỰC HIỆN']);
  });

  it('decides the format from the bytes, never the file name', async () => {
    const pdf = await makeTextPdf(printedAs('18/2030/QH99'));
    const r = await ingestDocument(db, embedder, { bytes: pdf, filename: '../../../etc/passwd.txt' });
    expect(r).toMatchObject({ number: '18/2030/QH99', articles: 5 });
    expect(sniffFormat(Buffer.from(LAW_TEXT))).toBe('txt');
    expect(sniffFormat(Buffer.from(makeHtml(['x'])))).toBe('html');
  });
});

const CORPUS_LAW = path.resolve(import.meta.dirname, '../corpus/luat-binh-dang-gioi-2006.txt');

describe('a real law typeset as PDF', () => {
  it('reflows back to the same articles and, nearly always, the same paragraphs', async () => {
    const source = parseText(fs.readFileSync(CORPUS_LAW));
    const pdf = await makeWrappedPdf(source.text.split('\n'));
    const parsed = await parseFile(pdf);
    expect(parsed.pages).toBeGreaterThan(5);
    const want = parseStructure(source.text).articles;
    const got = parseStructure(parsed.text).articles;
    expect(got.map((a) => a.label)).toEqual(want.map((a) => a.label));
    expect(got.map((a) => a.title)).toEqual(want.map((a) => a.title));
    expect(got.map((a) => a.clauses.map((c) => c.label))).toEqual(want.map((a) => a.clauses.map((c) => c.label)));
    // Wrapped lines that happen to end in ";" or "." split a paragraph: allowed, but rare.
    const lines = new Set(source.text.split('\n'));
    const exact = parsed.text.split('\n').filter((l) => lines.has(l)).length;
    expect(exact / lines.size).toBeGreaterThan(0.97);
  });
});

describe('scanned PDF: offline Vietnamese OCR in the worker', () => {
  it('recovers the Vietnamese text and its articles, without blocking the event loop', async () => {
    const scan = await makeScannedPdf();
    let maxGap = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 20);
    const t0 = performance.now();
    let parsed;
    try {
      parsed = await parseFile(scan);
    } finally {
      clearInterval(tick);
    }
    const seconds = (performance.now() - t0) / 1000;
    expect(parsed.ocr).toBe(true);
    const words = [
      'Điều',
      'Phạm vi điều chỉnh',
      'phòng ngừa bạo lực gia đình',
      'Hòa giải mâu thuẫn',
      'nguyên tắc tự nguyện',
      'Hội Liên hiệp Phụ nữ',
      'phối hợp',
    ];
    const found = words.filter((w) => parsed.text.includes(w));
    expect(found.length, `OCR text:\n${parsed.text}`).toBeGreaterThanOrEqual(words.length - 1);
    const r = await ingestDocument(db, embedder, { bytes: scan, overrides: { title: 'Bản quét thử' } });
    expect(r.articles).toBe(2);
    // The main thread kept running while the worker recognised the page.
    expect(maxGap).toBeLessThan(1000);
    expect(seconds).toBeLessThan(60);
    console.info(`OCR of one scanned page: ${seconds.toFixed(1)} s (first OCR in this worker)`);
    // Offline: the model came from the npm package, and nothing was cached into the work dir.
    expect(fs.existsSync(path.join(vieLangPath(), 'vie.traineddata.gz'))).toBe(true);
    expect(vieLangPath()).toContain(`${path.sep}node_modules${path.sep}@tesseract.js-data${path.sep}vie${path.sep}`);
    expect(fs.existsSync(path.resolve(import.meta.dirname, '..', 'vie.traineddata'))).toBe(false);
    expect(fs.existsSync(path.resolve('vie.traineddata'))).toBe(false);
  });
});

describe('PDF whose text layer is garbage (old fonts without a Unicode map)', () => {
  it('is read from the rendered pages instead, or refused when OCR is off', async () => {
    const pdf = await makeGarbledTextPdf();
    const parsed = await parseFile(pdf);
    expect(parsed.ocr).toBe(true);
    expect(parsed.text).toContain('Hội Liên hiệp Phụ nữ');
    expect(parsed.text).not.toMatch(/[ÆÇËÎÏÐÑÖØ]/u);
    const e = await expectIngestError(parseFile(pdf, { ocr: false }), 'invalid:encoding');
    expect(e.userMessage).toContain('lỗi phông');
  });
});

describe('limits', () => {
  it('stops a parse past its deadline, terminates the worker, and recovers', async () => {
    const pdf = await makeTextPdf();
    await expectIngestError(parseFile(pdf, { limits: { pdfTimeoutMs: 1 } }), 'invalid:timeout');
    const ok = await parseFile(pdf);
    expect(ok.text.split('\n')).toEqual(LAW_PARAGRAPHS);
  });

  it('refuses too many pages, too many scanned pages, and oversized files', async () => {
    const pdf = await makeTextPdf();
    const e = await expectIngestError(parseFile(pdf, { limits: { maxPdfPages: 1 } }), 'invalid:too_many_pages');
    expect(e.userMessage).toContain('2 trang');
    const scan = await makeScannedPdf();
    await expectIngestError(parseFile(scan, { limits: { maxOcrPages: 0 } }), 'invalid:too_many_pages');
    await expectIngestError(parseFile(scan, { ocr: false }), 'invalid:no_text');
    await expectIngestError(parseFile(Buffer.from(LAW_TEXT), { limits: { maxBytes: 100 } }), 'invalid:too_large');
  });

  it('zip guard reads the central directory before mammoth', () => {
    const limits = { zipMaxEntries: 10, zipMaxUncompressed: 50 * 1024 * 1024, zipMaxRatio: 120 };
    const zeros = new Uint8Array(20 * 1024 * 1024);
    expect(() => inspectZip(makeZip([...DOCX_SKELETON, { name: 'word/media/a.bin', data: zeros }]), limits)).toThrow(/expands \d+×/);
    expect(() => inspectZip(makeZip([...DOCX_SKELETON, { name: 'word/big.xml', data: 'x'.repeat(5000), declaredSize: 100 }]), limits)).toThrow(/inflates past/);
    expect(() =>
      inspectZip(makeZip([...DOCX_SKELETON, { name: 'a.xml', data: 'y'.repeat(1000) }, { name: 'b.xml', data: '', sameOffsetAs: 'a.xml' }]), limits),
    ).toThrow(/overlap/);
    expect(() => inspectZip(makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: 'z' }))), limits)).toThrow(/11 entries/);
    const ok = inspectZip(makeZip(DOCX_SKELETON), limits);
    expect(ok.read('word/document.xml')?.toString('utf8')).toContain('Điều 1. Thử');
  });
});

describe('metadata from the document itself', () => {
  it('reads a provincial plan', () => {
    expect(extractMetadata(PLAN_TEXT)).toEqual({
      number: '123/KH-UBND',
      issuer: 'UBND tỉnh Thanh Hóa',
      scope: 'tỉnh Thanh Hóa',
      issued: '2024-03-05',
      type: 'Kế hoạch',
      title: 'Kế hoạch thực hiện công tác phòng, chống bạo lực gia đình trên địa bàn tỉnh năm 2024',
      period: 'năm 2024',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
  });

  it('reads a provincial plan whose header columns were merged by the PDF', () => {
    const merged = [
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH THANH HÓA Độc lập - Tự do - Hạnh phúc',
      'Số: 123/KH-UBND Thanh Hóa, ngày 05 tháng 03 năm 2024',
      'KẾ HOẠCH',
      'Thực hiện Đề án hỗ trợ phụ nữ năm 2024',
      'Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ;',
    ].join('\n');
    expect(extractMetadata(merged)).toMatchObject({
      number: '123/KH-UBND',
      issuer: 'UBND tỉnh Thanh Hóa',
      scope: 'tỉnh Thanh Hóa',
      issued: '2024-03-05',
      type: 'Kế hoạch',
      title: 'Kế hoạch thực hiện Đề án hỗ trợ phụ nữ năm 2024',
      period: 'năm 2024',
    });
  });

  it('reads laws, decrees, circulars and department guidance', () => {
    expect(extractMetadata('QUỐC HỘI\nLuật số: 52/2014/QH13\nHà Nội, ngày 19 tháng 6 năm 2014\nLUẬT\nHÔN NHÂN VÀ GIA ĐÌNH\nCăn cứ Hiến pháp;')).toEqual({
      number: '52/2014/QH13',
      issuer: 'Quốc hội',
      scope: 'toàn quốc',
      issued: '2014-06-19',
      type: 'Luật',
      title: 'Luật Hôn nhân và gia đình',
    });
    expect(
      extractMetadata(
        'CHÍNH PHỦ\nSố: 56/2017/NĐ-CP\nHà Nội, ngày 09 tháng 5 năm 2017\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT TRẺ EM\nCăn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
      ),
    ).toMatchObject({
      number: '56/2017/NĐ-CP',
      issuer: 'Chính phủ',
      issued: '2017-05-09',
      type: 'Nghị định',
      title: 'Nghị định quy định chi tiết một số điều của Luật Trẻ em',
    });
    expect(
      extractMetadata('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 01/2021/TT-BLĐTBXH\nHà Nội, ngày 03 tháng 6 năm 2021\nTHÔNG TƯ\nQuy định thời giờ làm việc'),
    ).toMatchObject({
      number: '01/2021/TT-BLĐTBXH',
      issuer: 'Bộ Lao động - Thương binh và Xã hội',
      type: 'Thông tư',
      title: 'Thông tư quy định thời giờ làm việc',
    });
    expect(
      extractMetadata(
        'UBND TỈNH THANH HÓA\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 45/HD-SLĐTBXH\nThanh Hóa, ngày 12 tháng 01 năm 2023\nHƯỚNG DẪN\nVề việc thực hiện chính sách hỗ trợ',
      ),
    ).toMatchObject({
      issuer: 'Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa',
      scope: 'tỉnh Thanh Hóa',
      type: 'Hướng dẫn',
      issued: '2023-01-12',
    });
  });

  it('falls back to the số hiệu for the type and ignores dates of cited documents', () => {
    const m = extractMetadata('Số: 7/QĐ-UBND\nCăn cứ Luật ngày 19 tháng 6 năm 2015;\nVề việc phê duyệt');
    expect(m).toMatchObject({ number: '7/QĐ-UBND', type: 'Quyết định' });
    expect(m.issued).toBeUndefined();
  });
});

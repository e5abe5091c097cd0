import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../ingest/embed/hashed.js';
import { IngestError } from '../ingest/errors.js';
import { MAX_FILE_BYTES } from '../ingest/parse/index.js';
import { closeParseWorkers, warmParseWorkers } from '../ingest/parse/worker-pool.js';
import { ingestDocument } from '../ingest/pipeline.js';
import type { Db } from '../store/db.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { memoryDb } from './helpers/template-db.js';
import { openPglite } from '../store/pglite.js';
import { DOCX_SKELETON, LAW_TEXT, makeBlankPdf, makeDocx, makeHtml, makeImagePdf, makeTextPdf, makeZip, renderPage } from './fixtures/documents.js';
import { encodeVni } from './fixtures/legacy.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Deterministic bytes (a linear congruential generator), so a failure reproduces. */
function junk(n: number, seed: number, lo = 0, hi = 255): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = lo + ((x >>> 24) % (hi - lo + 1));
  }
  return b;
}

interface BadFile {
  name: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  codes: string[];
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const law = utf8(LAW_TEXT);

function zipEocd(entries: number, cdSize: number, cdOffset: number): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(entries, 8);
  e.writeUInt16LE(entries, 10);
  e.writeUInt32LE(cdSize, 12);
  e.writeUInt32LE(cdOffset, 16);
  return e;
}

/** Patches the flags or method of every central-directory entry of a zip. */
function patchCentral(zip: Buffer, at: 8 | 10, value: number): Buffer {
  const z = Buffer.from(zip);
  for (let i = 0; i + 4 <= z.length; i++) if (z.readUInt32LE(i) === 0x02014b50) z.writeUInt16LE(value, i + at);
  return z;
}

let textPdf: Buffer;
let docx: Buffer;

const BAD_FILES: BadFile[] = [
  // Empty and near-empty
  { name: 'empty file', bytes: () => new Uint8Array(0), codes: ['invalid:empty'] },
  { name: 'whitespace only', bytes: () => utf8(' \n\t\r\n   \n'), codes: ['invalid:empty'] },
  { name: 'single NUL byte', bytes: () => new Uint8Array([0]), codes: ['invalid:empty'] },
  { name: 'UTF-8 BOM only', bytes: () => new Uint8Array([0xef, 0xbb, 0xbf]), codes: ['invalid:empty'] },
  // Binary
  { name: 'random binary', bytes: () => junk(4096, 1), codes: ['invalid:upload_type'] },
  { name: 'random high bytes only', bytes: () => junk(4096, 2, 0x80, 0xff), codes: ['invalid:encoding'] },
  { name: 'NUL bytes inside text', bytes: () => Buffer.concat([law, Buffer.alloc(64), law]), codes: ['invalid:binary'] },
  { name: 'NUL bytes at the start', bytes: () => Buffer.concat([Buffer.alloc(16), law]), codes: ['invalid:upload_type'] },
  {
    name: 'text full of control characters',
    bytes: () => Buffer.concat([law, Buffer.from(Array.from({ length: 400 }, (_, i) => 1 + (i % 8)))]),
    codes: ['invalid:binary'],
  },
  { name: 'ELF executable', bytes: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), junk(2000, 3)]), codes: ['invalid:upload_type'] },
  { name: 'gzip stream', bytes: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), junk(2000, 4)]), codes: ['invalid:upload_type'] },
  // Wrong type for the name (the name is never consulted)
  { name: 'PNG image named .pdf', bytes: async () => renderPage(textPdf, 300), codes: ['invalid:upload_type'] },
  { name: 'JPEG header', bytes: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), junk(1000, 5)]), codes: ['invalid:upload_type'] },
  { name: 'GIF header', bytes: () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), junk(1000, 6)]), codes: ['invalid:upload_type'] },
  { name: 'TIFF header', bytes: () => Buffer.concat([Buffer.from('II*\0', 'latin1'), junk(1000, 7)]), codes: ['invalid:upload_type'] },
  {
    name: 'legacy Word .doc',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junk(4000, 8)]),
    codes: ['invalid:doc_legacy'],
  },
  { name: 'RTF document', bytes: () => utf8('{\\rtf1\\ansi Dieu 1. Pham vi}'), codes: ['invalid:upload_type'] },
  {
    name: 'HTML page named .pdf with no document in it',
    bytes: () => utf8('<html><body><p>Xin chào các bạn</p></body></html>'),
    codes: ['invalid:no_content'],
  },
  { name: 'JSON named .txt', bytes: () => utf8('{"dieu": 1, "noi_dung": "Xin chào"}'), codes: ['invalid:no_content'] },
  // PDF
  { name: 'PDF header only', bytes: () => utf8('%PDF-1.7\n'), codes: ['invalid:pdf'] },
  { name: 'PDF header and junk', bytes: () => Buffer.concat([utf8('%PDF-1.4\n'), junk(3000, 9)]), codes: ['invalid:pdf'] },
  { name: 'truncated PDF (first 40%)', bytes: () => textPdf.subarray(0, Math.floor(textPdf.length * 0.4)), codes: ['invalid:pdf'] },
  { name: 'truncated PDF (first 2 KB)', bytes: () => textPdf.subarray(0, 2048), codes: ['invalid:pdf'] },
  {
    name: 'PDF with the middle zeroed',
    bytes: () => Buffer.concat([textPdf.subarray(0, 400), Buffer.alloc(textPdf.length - 800), textPdf.subarray(-400)]),
    codes: ['invalid:pdf', 'invalid:no_text', 'invalid:ocr_failed'],
  },
  { name: 'encrypted PDF', bytes: () => makeTextPdf(undefined, { userPassword: 'mat-khau' }), codes: ['invalid:pdf_encrypted'] },
  {
    name: 'image-only PDF with a blank page (OCR finds nothing)',
    bytes: async () => makeImagePdf([await renderPage(await makeBlankPdf(), 600)]),
    codes: ['invalid:ocr_failed'],
  },
  { name: 'PDF with no text layer and no image', bytes: () => makeBlankPdf(), codes: ['invalid:ocr_failed'] },
  {
    name: 'PDF with text but no articles or sections',
    bytes: () =>
      makeTextPdf([
        [{ text: 'Xin chào các bạn, đây là một trang giới thiệu về hội phụ nữ xã.' }, { text: 'Chúc mọi người sức khỏe và hạnh phúc trong năm mới.' }],
      ]),
    codes: ['invalid:no_content'],
  },
  // ZIP / DOCX
  {
    name: 'zip of junk (not a Word file)',
    bytes: () =>
      makeZip([
        { name: 'a.bin', data: junk(500, 10) },
        { name: 'b.txt', data: 'xin chào' },
      ]),
    codes: ['invalid:docx'],
  },
  { name: 'truncated DOCX', bytes: () => docx.subarray(0, Math.floor(docx.length / 2)), codes: ['invalid:docx'] },
  {
    name: 'DOCX with broken document.xml',
    bytes: () => makeZip([...DOCX_SKELETON.slice(0, 2), { name: 'word/document.xml', data: '<w:document><w:body><w:p>Điều 1' }]),
    codes: ['invalid:docx'],
  },
  { name: 'DOCX with an empty body', bytes: () => makeDocx([]), codes: ['invalid:no_text'] },
  { name: 'DOCX with text but no structure', bytes: () => makeDocx(['Xin chào', 'Cảm ơn']), codes: ['invalid:no_content'] },
  {
    name: 'zip bomb: 20 MB of zeros in one entry',
    bytes: () => makeZip([...DOCX_SKELETON, { name: 'word/media/x.bin', data: new Uint8Array(20 * 1024 * 1024) }]),
    codes: ['invalid:zip_bomb'],
  },
  {
    name: 'zip bomb: entry inflates past its declared size',
    bytes: () => makeZip([...DOCX_SKELETON, { name: 'word/footnotes.xml', data: 'a'.repeat(200_000), declaredSize: 1000 }]),
    codes: ['invalid:zip_bomb'],
  },
  {
    name: 'zip bomb: overlapping entries',
    bytes: () =>
      makeZip([...DOCX_SKELETON, ...Array.from({ length: 50 }, (_, i) => ({ name: `word/o${i}.xml`, data: '', sameOffsetAs: 'word/document.xml' }))]),
    codes: ['invalid:zip_bomb'],
  },
  {
    name: 'zip bomb: 2,500 entries',
    bytes: () => makeZip([...DOCX_SKELETON, ...Array.from({ length: 2500 }, (_, i) => ({ name: `word/e${i}.xml`, data: 'x', method: 0 as const }))]),
    codes: ['invalid:zip_bomb'],
  },
  {
    name: 'zip bomb: declared total of 4 GB',
    bytes: () => makeZip([...DOCX_SKELETON, ...Array.from({ length: 3 }, (_, i) => ({ name: `word/big${i}.xml`, data: 'x', declaredSize: 0xfffffff0 - i }))]),
    codes: ['invalid:zip_bomb', 'invalid:docx'],
  },
  {
    name: 'zip64 end of central directory',
    bytes: () => Buffer.concat([makeZip(DOCX_SKELETON).subarray(0, -22), zipEocd(0xffff, 0xffffffff, 0xffffffff)]),
    codes: ['invalid:docx'],
  },
  { name: 'zip with no central directory', bytes: () => makeZip(DOCX_SKELETON).subarray(0, -22), codes: ['invalid:docx'] },
  { name: 'zip with encrypted entries', bytes: () => patchCentral(makeZip(DOCX_SKELETON), 8, 0x0801), codes: ['invalid:docx'] },
  { name: 'zip with an unknown compression method', bytes: () => patchCentral(makeZip(DOCX_SKELETON), 10, 12), codes: ['invalid:docx'] },
  // HTML
  {
    name: 'HTML with only scripts',
    bytes: () => utf8('<!DOCTYPE html><html><head><script>var dieu = "Điều 1. Phạm vi";</script></head><body><script>alert(1)</script></body></html>'),
    codes: ['invalid:no_text'],
  },
  {
    name: 'HTML with only page chrome',
    bytes: () => utf8('<html><body><nav>Trang chủ</nav><header>Cổng</header><footer>Bản quyền</footer><style>p{}</style></body></html>'),
    codes: ['invalid:no_text'],
  },
  {
    name: 'HTML with text only inside noscript and template',
    bytes: () => utf8('<html><body><noscript>Điều 1. Bật JavaScript</noscript><template><p>Điều 2. Mẫu</p></template></body></html>'),
    codes: ['invalid:no_text'],
  },
  {
    name: 'HTML in an encoding nobody can read',
    bytes: () =>
      Buffer.concat([
        utf8('<html><head><meta charset="koi8-r"></head><body><p>'),
        iconv.encode('Статья 1. Настоящий закон регулирует семейные отношения граждан.', 'koi8-r'),
        utf8('</p></body></html>'),
      ]),
    codes: ['invalid:encoding'],
  },
  // Text encodings
  {
    name: 'Windows-1251 Cyrillic text',
    bytes: () => iconv.encode('Статья 1. Настоящий Кодекс устанавливает порядок заключения брака и расторжения брака.', 'win1251'),
    codes: ['invalid:encoding'],
  },
  {
    name: 'Shift-JIS Japanese text',
    bytes: () => iconv.encode('第一条 この法律は、家族に関する基本的な事項を定めることを目的とする。', 'shiftjis'),
    codes: ['invalid:encoding'],
  },
  { name: 'GBK Chinese text', bytes: () => iconv.encode('第一条 为了保护妇女的合法权益，促进男女平等，制定本法。', 'gbk'), codes: ['invalid:encoding'] },
  {
    name: 'legacy bytes too damaged to convert',
    bytes: () => Buffer.from(encodeVni(LAW_TEXT).replace(/[aeo]/g, 'ø').replace(/[ui]/g, 'æ'), 'latin1'),
    codes: ['invalid:encoding'],
  },
  { name: 'mojibake that lost bytes (Windows-1252 holes)', bytes: () => utf8(iconv.decode(law, 'win1252')), codes: ['invalid:mojibake', 'invalid:encoding'] },
  { name: 'mojibake with question marks', bytes: () => utf8(iconv.decode(law, 'win1252').replace(/\uFFFD/g, '?')), codes: ['invalid:mojibake'] },
  { name: 'diacritics lost to "?"', bytes: () => utf8(LAW_TEXT.replace(/[^\x00-\x7F]/g, '?')), codes: ['invalid:lossy_encoding'] },
  { name: 'text full of replacement characters', bytes: () => utf8(LAW_TEXT.replace(/[ạ-ỹ]/g, '\uFFFD')), codes: ['invalid:encoding'] },
  // Well-formed text without a document in it
  { name: 'plain UTF-8 chat message', bytes: () => utf8('Chị ơi cho em hỏi thủ tục ly hôn thế nào ạ?'), codes: ['invalid:no_content'] },
  { name: 'numbers only', bytes: () => utf8('1 2 3 4 5\n6 7 8 9 10\n'), codes: ['invalid:no_content'] },
  { name: 'corpus header with no body', bytes: () => utf8('title: Luật thử\nnumber: 9/2031/QH99\n\n'), codes: ['invalid:no_content'] },
  {
    name: 'UTF-16 text without structure',
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Xin chào các bạn', 'utf16le')]),
    codes: ['invalid:no_content'],
  },
  { name: 'XML file', bytes: () => utf8('<?xml version="1.0"?><root><item>Xin chào</item></root>'), codes: ['invalid:no_content'] },
  // Size
  { name: 'text one byte over the size limit', bytes: () => Buffer.alloc(MAX_FILE_BYTES + 1, 'a'), codes: ['invalid:too_large'] },
  { name: 'PDF header on an oversized file', bytes: () => Buffer.concat([utf8('%PDF-1.7\n'), Buffer.alloc(MAX_FILE_BYTES)]), codes: ['invalid:too_large'] },
];

let db: Db;
const embedder = new HashedEmbedder();

async function fingerprint(): Promise<{ d: string; c: string; n: number }> {
  return (
    await db.query<{ d: string; c: string; n: number }>(
      `select (select coalesce(md5(string_agg(d::text, '|' order by id)), '') from documents d) as d,
              (select coalesce(md5(string_agg(c::text, '|' order by id)), '') from chunks c) as c,
              (select count(*)::int from chunks) as n`,
    )
  ).rows[0]!;
}

beforeAll(async () => {
  const warm = warmParseWorkers();
  textPdf = await makeTextPdf();
  docx = await makeDocx(LAW_TEXT.split('\n'));
  db = await memoryDb();
  await ensureEmbeddings(db, embedder);
  // A store with a document in it, so "unchanged" means something.
  await ingestDocument(db, embedder, { bytes: law });
  await warm;
});

afterAll(async () => {
  await closeParseWorkers();
  await db?.close();
});

describe('fuzz: bad files are refused with a reason and leave the store untouched', () => {
  it('has at least 50 generated bad files', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(BAD_FILES.map((f) => f.name)).size).toBe(BAD_FILES.length);
  });

  it.each(BAD_FILES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const before = await fingerprint();
    expect(before.n).toBeGreaterThan(0);
    const bytes = await f.bytes();
    const err = await ingestDocument(db, embedder, { bytes, filename: `../${f.name}.pdf`, origin: 'upload' }).then(
      (r) => r,
      (e: unknown) => e,
    );
    expect(err, `accepted: ${JSON.stringify(err)}`).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(f.codes, `${e.code}: ${e.message}`).toContain(e.code);
    expect(e.userMessage.length).toBeGreaterThan(10);
    expect(e.userMessage).toMatch(/[àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/iu);
    expect(e.message).toMatch(/^[^\n\r\t]{5,500}$/u);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('a crash mid-ingest leaves no partial document', () => {
  it('SIGKILL during the write transaction, then reopen: only the complete documents are there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-crash-'));
    try {
      // One process (tsx as a loader, not tsx's CLI, which would run the script in a grandchild
      // that outlives the SIGKILL): the kill must stop the very process that is writing.
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/ingest-crash-child.ts'), dir], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, CRASH_ARTICLES: '300' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const killed = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('MIDWRITE')) {
            // The document row and 150 of its chunks are written, the transaction is open.
            child.kill('SIGKILL');
            resolve();
          }
        });
        void killed.then(() => reject(new Error(`child exited early: ${out} ${err}`)));
      });
      const exit = await killed;
      expect(exit.signal).toBe('SIGKILL');
      expect(() => process.kill(child.pid!, 0)).toThrow();
      expect(out).toContain('SMALL_DONE');
      expect(out).not.toContain('BIG_DONE');

      const reopened = await openPglite(dir);
      try {
        const docs = (
          await reopened.query<{ number: string; chunk_count: number; n: number }>(
            'select number, chunk_count, (select count(*)::int from chunks c where c.document_id = d.id) as n from documents d order by number',
          )
        ).rows;
        expect(docs.map((d) => d.number)).toEqual(['76/2031/QH99']);
        expect(docs[0]!.n).toBe(docs[0]!.chunk_count);
        const orphans = (
          await reopened.query<{ n: number }>('select count(*)::int as n from chunks c where not exists (select 1 from documents d where d.id = c.document_id)')
        ).rows[0]!.n;
        expect(orphans).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

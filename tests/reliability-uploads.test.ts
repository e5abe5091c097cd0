import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { buildApp } from '../server/app.js';
import { createServices } from '../server/bootstrap.js';
import { memoryDb } from './helpers/template-db.js';
import type { FastifyInstance } from 'fastify';
import { parseFile } from '../ingest/parse/index.js';
import { closeParseWorkers, parsePoolStats } from '../ingest/parse/worker-pool.js';
import { displayText } from '../ingest/text/display.js';
import { createParseGate, ParseBusy } from '../server/resilience/parse-gate.js';
import type { Services } from '../server/services.js';
import { DOCX_SKELETON, LAW_PARAGRAPHS, makeDocx, makeZip } from './fixtures/documents.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { addOfficial, bearer, json, login, multipart, officialsApp, type Login } from './helpers/officials.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Issue 15: an upload either succeeds, or is refused with an honest status and a Vietnamese
 * reason — never a 500 — and no single upload can take the server's memory or every parse slot.
 */

/** word/document.xml of about `mb` MB: varied enough that it deflates ~10×, far under the zip-bomb ratio. */
function bigDocumentXml(mb: number): string {
  const words = ['quyền', 'nghĩa vụ', 'phụ nữ', 'gia đình', 'hỗ trợ', 'vay vốn', 'nông thôn', 'Nhà nước', 'chính sách', 'lao động'];
  const parts: string[] = ['<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'];
  let size = 0;
  let seed = 7;
  for (let n = 1; size < mb * 1024 * 1024; n++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const text = `Điều ${n}. ${words[seed % 10]} ${seed} ${words[(seed >> 4) % 10]} ${(seed >> 8) % 997}`;
    const p = `<w:p><w:pPr><w:spacing w:after="${seed % 300}"/></w:pPr><w:r><w:rPr><w:sz w:val="${20 + (seed % 8)}"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</w:body></w:document>');
  return parts.join('');
}

describe('names shown to people', () => {
  it('displayText strips bidi overrides, isolates, zero-width and control characters, and is NFC', () => {
    expect(displayText('luat\u202Efdp.exe')).toBe('luat fdp.exe');
    expect(displayText('Lu\u200Bật\u2066 Hôn nhân\u2069\u0007')).toBe('Lu ật Hôn nhân');
    expect(displayText('Hoa\u0300 ')).toBe('Hoà');
  });
});

describe('uploads: honest errors and bounded resources', () => {
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;
  let editor: Login;

  beforeAll(async () => {
    ({ app, services, close } = await officialsApp({ PARSE_CONCURRENCY: '1', PARSE_QUEUE: '0' }));
    await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
    editor = await login(app, 'bientap@hoiphunu.vn');
  });
  afterAll(async () => {
    await close();
    await closeParseWorkers();
  });

  const upload = (m: { payload: Buffer; headers: Record<string, string> }) =>
    app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });

  it('a malformed multipart body is 400 with a Vietnamese message, not 500', async () => {
    const boundary = '----hieuluatbroken';
    const bodies = [
      // The closing boundary never comes.
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nĐiều 1. Thử`,
      // A part without headers.
      `--${boundary}\r\n\r\nkhông có tiêu đề\r\n--${boundary}--\r\n`,
      // Not multipart at all behind the header.
      'xin chào',
    ];
    for (const body of bodies) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...bearer(editor) },
        payload: Buffer.from(body, 'utf8'),
      });
      expect(res.statusCode, `${body.slice(0, 30)} → ${res.body}`).toBe(400);
      expect(json(res).error).toMatch(/^invalid:/);
      expect(json(res).message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('bidi and invisible characters are stripped from the file name and the title', async () => {
    const law = RURAL_LAW.replace('77/2030/QH15', '91/2030/QH15');
    const m = multipart([{ filename: 'luat\u202Efdp.txt', content: law, type: 'text/plain' }], { title: 'Luật hỗ trợ\u202E phụ nữ\u200B nông thôn' });
    const res = await upload(m);
    expect(res.statusCode, res.body).toBe(201);
    const up = json(res).uploads[0];
    expect(up.filename).toBe('luat fdp.txt');
    expect(up.documentTitle).toBe('Luật hỗ trợ phụ nữ nông thôn');
    const stored = (await services.db.query<{ title: string }>("select title from documents where number = '91/2030/QH15'")).rows[0]!;
    expect(stored.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
  });

  it('an identical re-upload is recognised by its hash before any parse', async () => {
    const docx = await makeDocx(LAW_PARAGRAPHS);
    const first = await upload(multipart([{ filename: 'luat.docx', content: docx }]));
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first).uploads[0].result).toBe('added');
    const before = parsePoolStats().jobsStarted;
    const again = await upload(multipart([{ filename: 'luat-ban-sao.docx', content: docx }]));
    expect(again.statusCode, again.body).toBe(201);
    expect(json(again).uploads[0]).toMatchObject({ result: 'skipped', documentId: json(first).uploads[0].documentId });
    expect(parsePoolStats().jobsStarted).toBe(before);
  });

  it('a DOCX whose XML expands far past the cap is refused before mammoth reads it, and its worker is not kept', async () => {
    const xml = bigDocumentXml(24);
    const docx = makeZip([...DOCX_SKELETON.filter((e) => e.name !== 'word/document.xml'), { name: 'word/document.xml', data: xml }]);
    // Under the zip-bomb ratio (120×) and the upload limit: only the XML cap stops it.
    expect(Buffer.byteLength(xml) / docx.length).toBeLessThan(120);
    expect(docx.length).toBeLessThan(25 * 1024 * 1024);
    const t0 = Date.now();
    await expect(parseFile(docx)).rejects.toMatchObject({ code: 'invalid:too_complex', userMessage: expect.stringMatching(/vượt giới hạn 16 MB/) });
    expect(Date.now() - t0).toBeLessThan(15_000);
    // Through the API: 422 with the reason, nothing stored.
    const res = await upload(multipart([{ filename: 'bom-xml.docx', content: docx }]));
    expect(res.statusCode, res.body).toBe(422);
    expect(json(res)).toMatchObject({ error: 'invalid:too_complex' });
    // A worker that held a file this big is ended, not kept warm with the heap it grew.
    await new Promise((r) => setTimeout(r, 200));
    expect(parsePoolStats().workers).toBe(0);
  });

  it('heavy parses beyond the slots and the queue are refused at once with 503 + Retry-After', async () => {
    const docxA = await makeDocx(LAW_PARAGRAPHS.map((p) => p.replace('01/2030/QH99', '02/2030/QH99')));
    const docxB = await makeDocx(LAW_PARAGRAPHS.map((p) => p.replace('01/2030/QH99', '03/2030/QH99')));
    const [a, b] = await Promise.all([
      upload(multipart([{ filename: 'a.docx', content: docxA }])),
      upload(multipart([{ filename: 'b.docx', content: docxB }])),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body}\n${b.body}`).toEqual([201, 503]);
    const refused = a.statusCode === 503 ? a : b;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(refused)).toMatchObject({ error: 'unavailable:busy', message: expect.stringMatching(/tải tệp này lên lại sau/) });
  });
});

describe('an upload interrupted by a crash (embedded store)', () => {
  it('is marked interrupted and its temp file removed at the next start, not an hour later', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-crashed-upload-'));
    const config = loadConfig({ CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: dataDir, AUTO_INGEST: 'false', LOG_LEVEL: 'silent' }, ROOT);
    const services = await createServices(config, { db: await memoryDb() });
    // What a process killed mid-upload leaves: a row in `processing` and a half-written temp file.
    await services.db.query("insert into uploads (id, filename, size_bytes) values ('9d3c1f0e-0000-4000-8000-000000000001', 'dang-tai.pdf', 1000)");
    fs.mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
    const part = path.join(dataDir, 'uploads', 'a1b2.part');
    fs.writeFileSync(part, 'nửa tệp');
    const app = await buildApp(services);
    await app.ready();
    try {
      const row = (await services.db.query<{ state: string; error_code: string }>('select state, error_code from uploads')).rows;
      expect(row).toEqual([{ state: 'error', error_code: 'internal:interrupted' }]);
      expect(fs.existsSync(part)).toBe(false);
    } finally {
      await app.close();
      await services.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the heavy-parse gate', () => {
  it('runs `concurrency` at a time, queues `queue` more in order, refuses the rest at once', async () => {
    const gate = createParseGate(1, 1, 5000);
    const order: string[] = [];
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((r) => (release = () => (order.push('a'), r()))));
    const second = gate.run(async () => void order.push('b'));
    expect(gate.stats()).toEqual({ running: 1, waiting: 1 });
    await expect(gate.run(async () => order.push('c'))).rejects.toBeInstanceOf(ParseBusy);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a', 'b']);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
    // A failing job frees its slot too.
    await expect(gate.run(async () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });
});

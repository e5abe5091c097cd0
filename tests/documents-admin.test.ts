import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.js';
import { addOfficial, bearer, json, login, multipart, officialsApp, type Login } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let dataDir: string;
let close: () => Promise<void>;
let editor: Login;
let admin: Login;

/** A small law in the shape officials upload: issuer, số hiệu, date, title, then Điều/khoản. */
const LAW = `QUỐC HỘI
Số: 77/2030/QH15

Hà Nội, ngày 1 tháng 7 năm 2030

LUẬT
HỖ TRỢ PHỤ NỮ NÔNG THÔN

Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hỗ trợ vay vốn và học nghề cho phụ nữ nông thôn.
Điều 2. Quyền được vay vốn
1. Phụ nữ nông thôn được vay vốn ưu đãi để phát triển kinh tế hộ gia đình.
2. Hội Liên hiệp phụ nữ các cấp hướng dẫn thủ tục vay vốn.
Điều 3. Học nghề miễn phí
Phụ nữ nông thôn được học nghề ngắn hạn miễn phí tại trung tâm giáo dục nghề nghiệp.
`;

const upload = (files: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, who: Login = editor) => {
  const m = multipart(files, fields);
  return app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...bearer(who) }, payload: m.payload });
};

const documentIds = async () => json(await app.inject({ method: 'GET', url: '/api/documents' })).documents.map((d: { id: string }) => d.id);
const auditOf = async (action: string) =>
  (await services.db.query<{ target_id: string; details: any }>('select target_id, details from audit_log where action = $1 order by id', [action])).rows;

beforeAll(async () => {
  ({ app, services, dataDir, close } = await officialsApp({ UPLOAD_MAX_MB: '1' }));
  await addOfficial(services, 'bientap@hoiphunu.vn', 'editor');
  await addOfficial(services, 'admin@hoiphunu.vn', 'admin');
  editor = await login(app, 'bientap@hoiphunu.vn');
  admin = await login(app, 'admin@hoiphunu.vn');
});
afterAll(() => close());

describe('upload', () => {
  it('indexes a TXT law: 201, visible in /api/documents, original kept by hash, searchable', async () => {
    const res = await upload([{ filename: '../../etc/passwd luat-ho-tro.txt', content: LAW, type: 'text/plain' }]);
    expect(res.statusCode).toBe(201);
    const [u] = json(res).uploads;
    expect(u).toMatchObject({ state: 'indexed', result: 'added', documentId: '77-2030-qh15', articles: 3, filename: 'passwd luat-ho-tro.txt' });
    expect(u.chunks).toBeGreaterThanOrEqual(3);
    expect(await documentIds()).toContain('77-2030-qh15');

    const doc = json(await app.inject({ method: 'GET', url: '/api/documents/77-2030-qh15' }));
    expect(doc.document).toMatchObject({ number: '77/2030/QH15', origin: 'upload', status: 'in_force' });
    expect(JSON.stringify(doc.structure)).toContain('Điều 2');

    // Temp files are gone; the original lives under originals/<sha256>, never under the client's name.
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
    const originals = fs.readdirSync(path.join(dataDir, 'originals'));
    expect(originals).toHaveLength(1);
    expect(originals[0]).toMatch(/^[0-9a-f]{64}$/);

    const search = json(await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('phụ nữ nông thôn vay vốn')}` }));
    expect(JSON.stringify(search)).toContain('77-2030-qh15');

    const list = json(await app.inject({ method: 'GET', url: '/api/admin/uploads', headers: bearer(editor) })).uploads;
    expect(list[0]).toMatchObject({ id: u.id, state: 'indexed', documentId: '77-2030-qh15', uploadedBy: 'bientap@hoiphunu.vn' });
    expect((await auditOf('document.upload'))[0]).toMatchObject({ target_id: '77-2030-qh15' });
  });

  it('reports the same file again as skipped', async () => {
    const res = await upload([{ filename: 'lai.txt', content: LAW }]);
    expect(res.statusCode).toBe(201);
    expect(json(res).uploads[0]).toMatchObject({ state: 'indexed', result: 'skipped', documentId: '77-2030-qh15' });
  });

  it('applies metadata fields from the form', async () => {
    const text = LAW.replace('77/2030/QH15', '78/2030/QH15').replace('HỖ TRỢ PHỤ NỮ NÔNG THÔN', 'KHUYẾN NÔNG CHO PHỤ NỮ');
    const res = await upload([{ filename: 'khuyen-nong.txt', content: text }], {
      title: 'Luật Khuyến nông cho phụ nữ',
      status: 'partial',
      effective: '2031-01-01',
      topics: 'kinh tế; nông thôn',
    });
    expect(res.statusCode).toBe(201);
    const doc = json(await app.inject({ method: 'GET', url: `/api/documents/${json(res).uploads[0].documentId}` })).document;
    expect(doc).toMatchObject({ title: 'Luật Khuyến nông cho phụ nữ', status: 'partial', effective: '2031-01-01', topics: ['kinh tế', 'nông thôn'] });
  });

  it('refuses junk with a Vietnamese 4xx and stores no document', async () => {
    const before = await documentIds();
    const junk = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x37, ...Array(200).fill(0)]);
    const res = await upload([{ filename: 'anh.jpg', content: junk }]);
    expect(res.statusCode).toBe(415);
    expect(json(res).error).toBe('invalid:upload_type');
    expect(json(res).message).toMatch(/Định dạng tệp không được hỗ trợ/);
    expect(json(res).uploads[0]).toMatchObject({ state: 'error', filename: 'anh.jpg' });

    const noArticles = await upload([{ filename: 'ghi-chu.txt', content: '   \n\n  ' }]);
    expect(noArticles.statusCode).toBeGreaterThanOrEqual(400);
    expect(noArticles.statusCode).toBeLessThan(500);
    expect(json(noArticles).message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);

    expect(await documentIds()).toEqual(before);
    const list = json(await app.inject({ method: 'GET', url: '/api/admin/uploads', headers: bearer(editor) })).uploads;
    expect(list.find((u: { filename: string }) => u.filename === 'anh.jpg')).toMatchObject({ state: 'error', errorCode: 'invalid:upload_type' });
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
  });

  it('indexes the good files of a batch and reports the bad one', async () => {
    const other = LAW.replace('77/2030/QH15', '79/2030/QH15');
    const res = await upload([
      { filename: 'tot.txt', content: other },
      { filename: 'hong.bin', content: Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]) },
    ]);
    expect(res.statusCode).toBe(201);
    expect(json(res).uploads.map((u: { state: string }) => u.state)).toEqual(['indexed', 'error']);
  });

  it('accepts a file well over the JSON body limit but under UPLOAD_MAX_MB', async () => {
    const articles = Array.from(
      { length: 400 },
      (_, i) => `Điều ${i + 1}. Quy định số ${i + 1}\n${'Phụ nữ được bảo đảm quyền bình đẳng trong lao động và gia đình. '.repeat(20)}`,
    );
    const text = `title: Luật Dài\nnumber: 81/2030/QH15\n\n${articles.join('\n')}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(512 * 1024);
    const res = await upload([{ filename: 'dai.txt', content: text }]);
    expect(res.statusCode).toBe(201);
    expect(json(res).uploads[0]).toMatchObject({ state: 'indexed', articles: 400 });
  });

  it('refuses a file over UPLOAD_MAX_MB with 413 and a Vietnamese message', async () => {
    const big = `Điều 1. Rất dài\n${'Phụ nữ có quyền bình đẳng. '.repeat(50_000)}`;
    const res = await upload([{ filename: 'qua-lon.txt', content: big }]);
    expect(res.statusCode).toBe(413);
    expect(json(res).message).toMatch(/vượt quá giới hạn 1 MB/);
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
  });

  it('refuses unknown form fields, bad metadata and requests without a file', async () => {
    const unknown = await upload([{ filename: 'a.txt', content: LAW }], { owner: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).message).toMatch(/không được hỗ trợ/);
    const badDate = await upload([{ filename: 'a.txt', content: LAW }], { effective: '1/7/2030' });
    expect(badDate.statusCode).toBe(400);
    expect(json(badDate).message).toMatch(/ngày hiệu lực/);
    const none = await upload([], { title: 'x' });
    expect(none.statusCode).toBe(400);
    expect(json(none).message).toMatch(/Chưa chọn tệp/);
    const notMultipart = await app.inject({ method: 'POST', url: '/api/documents', headers: bearer(editor), payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
  });
});

describe('preview', () => {
  it('shows the parsed outline and metadata without indexing', async () => {
    const text = LAW.replace('77/2030/QH15', '80/2030/QH15');
    const m = multipart([{ filename: 'xem-truoc.txt', content: text }]);
    const res = await app.inject({ method: 'POST', url: '/api/admin/preview', headers: { ...m.headers, ...bearer(editor) }, payload: m.payload });
    expect(res.statusCode).toBe(200);
    const p = json(res);
    expect(p).toMatchObject({ format: 'txt', documentId: '80-2030-qh15', articles: 3, existing: null });
    expect(p.meta).toMatchObject({ number: '80/2030/QH15', issued: '2030-07-01' });
    expect(JSON.stringify(p.structure)).toContain('Điều 3');
    expect(p.sampleChunks.length).toBeGreaterThan(0);
    expect(await documentIds()).not.toContain('80-2030-qh15');

    const again = multipart([{ filename: 'x.txt', content: LAW }]);
    const known = json(
      await app.inject({ method: 'POST', url: '/api/admin/preview', headers: { ...again.headers, ...bearer(editor) }, payload: again.payload }),
    );
    expect(known.existing).toMatchObject({ documentId: '77-2030-qh15', relation: 'same_file' });

    const two = multipart([
      { filename: 'a.txt', content: LAW },
      { filename: 'b.txt', content: text },
    ]);
    const tooMany = await app.inject({ method: 'POST', url: '/api/admin/preview', headers: { ...two.headers, ...bearer(editor) }, payload: two.payload });
    expect(tooMany.statusCode).toBe(413);
  });
});

describe('document management', () => {
  it('edits metadata, refusing unknown fields and a clashing số hiệu', async () => {
    const h = { ...bearer(editor) };
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/admin/documents/77-2030-qh15',
      headers: h,
      payload: {
        title: 'Luật Hỗ trợ phụ nữ nông thôn (sửa)',
        status: 'replaced',
        replacedBy: '99/2031/QH15',
        topics: ['vay vốn', 'học nghề'],
        effective: '2030-09-01',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(json(res).document).toMatchObject({
      title: 'Luật Hỗ trợ phụ nữ nông thôn (sửa)',
      status: 'replaced',
      replacedBy: '99/2031/QH15',
      topics: ['vay vốn', 'học nghề'],
      effective: '2030-09-01',
    });
    const unknown = await app.inject({ method: 'PATCH', url: '/api/admin/documents/77-2030-qh15', headers: h, payload: { sha256: 'x' } });
    expect(unknown.statusCode).toBe(400);
    const badStatus = await app.inject({ method: 'PATCH', url: '/api/admin/documents/77-2030-qh15', headers: h, payload: { status: 'gone' } });
    expect(badStatus.statusCode).toBe(400);
    const clash = await app.inject({ method: 'PATCH', url: '/api/admin/documents/77-2030-qh15', headers: h, payload: { number: '78/2030/QH15' } });
    expect(clash.statusCode).toBe(409);
    const missing = await app.inject({ method: 'PATCH', url: '/api/admin/documents/khong-co', headers: h, payload: { title: 'x' } });
    expect(missing.statusCode).toBe(404);

    const all = json(await app.inject({ method: 'GET', url: '/api/admin/documents', headers: h })).documents;
    expect(all.find((d: { id: string }) => d.id === '77-2030-qh15')).toMatchObject({ hasOriginal: true, status: 'replaced' });
    expect((await auditOf('document.edit')).length).toBe(1);
  });

  it('retires a document', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/documents/78-2030-qh15/retire', headers: bearer(editor) });
    expect(res.statusCode).toBe(200);
    expect(json(res).document).toMatchObject({ status: 'expired', statusLabel: 'Hết hiệu lực' });
    expect((await auditOf('document.retire'))[0]).toMatchObject({ target_id: '78-2030-qh15', details: { previousStatus: 'partial' } });
  });

  it('reindexes: re-parses the kept original, keeping the officials’ metadata', async () => {
    await services.db.query(`update chunks set text = 'hỏng', embedding = null where document_id = '77-2030-qh15'`);
    const res = await app.inject({ method: 'POST', url: '/api/admin/documents/77-2030-qh15/reindex', headers: bearer(editor) });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ documentId: '77-2030-qh15', mode: 'reparsed', articles: 3 });
    const rows = (
      await services.db.query<{ text: string; has: boolean }>(`select text, embedding is not null as has from chunks where document_id = '77-2030-qh15'`)
    ).rows;
    expect(rows.every((r) => r.has && r.text !== 'hỏng')).toBe(true);
    const doc = json(await app.inject({ method: 'GET', url: '/api/documents/77-2030-qh15' })).document;
    expect(doc).toMatchObject({ title: 'Luật Hỗ trợ phụ nữ nông thôn (sửa)', status: 'replaced' });
  });

  it('reindexes without an original by re-embedding', async () => {
    const sha = (await services.db.query<{ sha256: string }>(`select sha256 from documents where id = '79-2030-qh15'`)).rows[0]!.sha256;
    fs.rmSync(path.join(dataDir, 'originals', sha));
    await services.db.query(`update chunks set embedding = null where document_id = '79-2030-qh15'`);
    const res = await app.inject({ method: 'POST', url: '/api/admin/documents/79-2030-qh15/reindex', headers: bearer(editor) });
    expect(json(res)).toMatchObject({ mode: 'reembedded' });
    expect(json(res).embedded).toBeGreaterThanOrEqual(3);
    const missing = (await services.db.query<{ n: number }>('select count(*)::int as n from chunks where embedding is null')).rows[0]!.n;
    expect(missing).toBe(0);
    expect((await auditOf('document.reindex')).length).toBe(2);
  });

  it('deletes (admins only): chunks and original go too', async () => {
    const asEditor = await app.inject({ method: 'DELETE', url: '/api/admin/documents/77-2030-qh15', headers: bearer(editor) });
    expect(asEditor.statusCode).toBe(403);
    const sha = (await services.db.query<{ sha256: string }>(`select sha256 from documents where id = '77-2030-qh15'`)).rows[0]!.sha256;
    const res = await app.inject({ method: 'DELETE', url: '/api/admin/documents/77-2030-qh15', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(await documentIds()).not.toContain('77-2030-qh15');
    expect((await services.db.query(`select 1 from chunks where document_id = '77-2030-qh15'`)).rows).toHaveLength(0);
    expect(fs.existsSync(path.join(dataDir, 'originals', sha))).toBe(false);
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/documents/77-2030-qh15', headers: bearer(admin) })).statusCode).toBe(404);
    // The upload history keeps its row; the document link is cleared.
    const list = json(await app.inject({ method: 'GET', url: '/api/admin/uploads', headers: bearer(editor) })).uploads;
    expect(list.some((u: { filename: string; documentId: string | null }) => u.filename.endsWith('luat-ho-tro.txt') && u.documentId === null)).toBe(true);
    expect((await auditOf('document.delete'))[0]).toMatchObject({ target_id: '77-2030-qh15' });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../server/bootstrap.js';
import type { Services } from '../server/services.js';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import { checkBundledNotes } from '../ingest/notes/bundled.js';
import { checkNotes } from '../ingest/notes/check.js';
import { parseNotes } from '../ingest/notes/notes-file.js';
import { parseStructure } from '../ingest/structure/legal.js';
import { memoryDb } from './helpers/template-db.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { ROOT, testConfig } from './helpers/app.js';

const row = (...cols: string[]) => cols.join('\t');

describe('notes checker', () => {
  const structure = parseStructure(RURAL_LAW);

  it('accepts notes that cover every article', () => {
    const rows = ['1', '2', '3'].flatMap((a) => [
      row(a, '', '', 'hỏi', `câu hỏi một về điều ${a}`),
      row(a, '', '', 'hỏi', `câu hỏi hai về điều ${a}`),
      row(a, '', '', 'hỏi', `câu hỏi ba về điều ${a}`),
      row(a, '', '', 'nghĩa', `Điều ${a} nói dễ hiểu.`),
    ]);
    expect(checkNotes(structure, parseNotes(rows.join('\n')))).toEqual([]);
  });

  it('names missing phrasings, unknown khoản, titles repeated and malformed rows', () => {
    const text = [
      '# invented',
      row('1', '', '', 'hỏi', 'Phạm vi điều chỉnh'),
      row('2', '5', '', 'hỏi', 'vay vốn được không'),
      row('9', '', '', 'hỏi', 'điều không có'),
      row('3', '', '', 'hỏi'),
      row('3', '', '', 'hỏi', 'học nghề mất tiền không'),
      row('3', '', '', 'hỏi', 'học nghề có được cho tiền ăn không'),
      row('3', '1', '', 'hỏi', 'học nghề ở đâu'),
      row('3', '', '', 'nghĩa', 'Phụ nữ nông thôn được học nghề ngắn hạn miễn phí.'),
      row('3', '', '', 'nghĩa', 'Một câu nữa cho cả điều.'),
      row('3', '', '', 'hiểu', 'sai loại'),
      row('3', '1', '', 'nghĩa', 'Có, phụ nữ nông thôn được học nghề miễn phí.'),
    ].join('\n');
    const errors = checkNotes(structure, parseNotes(text));
    expect(errors).toEqual(
      expect.arrayContaining([
        'line 2: the phrasing repeats the title of Điều 1',
        'line 3: khoản 5 is not in Điều 2',
        'line 4: Điều 9 is not in the document',
        'line 5: 4 columns, expected 5',
        'line 11: kind "hiểu" is neither hỏi nor nghĩa',
        'line 12: the plain sentence opens with a yes or a no; say what the text says',
        'Điều 1: 1 phrasings (hỏi), expected 3–8',
        'Điều 1: 0 plain-language sentences (nghĩa) for the whole article, expected 1',
        'Điều 3: 2 plain-language sentences (nghĩa) for the whole article, expected 1',
      ]),
    );
    expect(errors.some((e) => e.startsWith('Điều 3: ') && e.includes('phrasings'))).toBe(false);
  });
});

describe('bundled notes', () => {
  it('every bundled document has a notes file, and every file passes the checker', () => {
    const reports = checkBundledNotes(path.join(ROOT, 'corpus'));
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.filter((r) => !r.notesFile).map((r) => path.basename(r.document))).toEqual([]);
    expect(reports.flatMap((r) => r.errors.map((e) => `${path.basename(r.document)}: ${e}`))).toEqual([]);
  });
});

describe('notes in retrieval', () => {
  let dir: string;
  let services: Services;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-notes-'));
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.writeFileSync(path.join(dir, 'luat-nong-thon.txt'), RURAL_LAW);
    services = await createServices(testConfig({ CORPUS_DIR: dir, AUTO_INGEST: '0' }), { db: await memoryDb() });
  });
  afterAll(async () => {
    await services?.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const search = async (q: string) => (await services.retriever.search(q, { k: 3 })).hits.map((h) => h.article);
  // As the server does after a sync: searches answer from the old index until the new one is built.
  const sync = async () => {
    const out = await syncBundledCorpus(services.db, services.embedder, [dir]);
    await services.retriever.refresh();
    return out;
  };

  it('finds an article by how members ask about it, and follows an edited notes file at the next sync', async () => {
    // "may vá" and "làm bánh" occur nowhere in the law's text.
    await sync();
    expect(await search('may vá làm bánh')).toEqual([]);

    fs.writeFileSync(path.join(dir, 'articles', 'luat-nong-thon.tsv'), [row('3', '', '', 'hỏi', 'muốn đi học may vá làm bánh có mất tiền không')].join('\n'));
    const first = await sync();
    expect(first[0]).toMatchObject({ document: 'unchanged', notes: 'loaded' });
    expect(await search('may vá làm bánh')).toEqual(['3']);

    const again = await sync();
    expect(again[0]).toMatchObject({ document: 'unchanged', notes: 'unchanged' });

    fs.writeFileSync(path.join(dir, 'articles', 'luat-nong-thon.tsv'), [row('2', '', '', 'hỏi', 'cần tiền mở tiệm may vá làm bánh thì hỏi ai')].join('\n'));
    await sync();
    expect(await search('may vá làm bánh')).toEqual(['2']);
  });

  it('picks up a newly bundled law at the next sync and keeps an official upload of the same số hiệu', async () => {
    const extra = RURAL_LAW.replace('77/2030/QH15', '78/2030/QH15')
      .replace('HỖ TRỢ PHỤ NỮ NÔNG THÔN', 'CHĂN NUÔI GIA CẦM')
      .replace(/học nghề/g, 'nuôi gà');
    fs.writeFileSync(path.join(dir, 'luat-chan-nuoi.txt'), extra);
    const out = await sync();
    expect(out.map((o) => o.document).sort()).toEqual(['added', 'unchanged']);
    expect((await services.retriever.search('nuôi gà miễn phí', { k: 1 })).hits[0]!.document.number).toBe('78/2030/QH15');

    // An official's own version of 78/2030 (origin upload) is not overwritten by a changed bundled file.
    await services.db.query(`update documents set origin = 'upload' where number = '78/2030/QH15'`);
    fs.writeFileSync(path.join(dir, 'luat-chan-nuoi.txt'), `${extra}\nĐiều 4. Hiệu lực\nLuật này có hiệu lực từ năm 2031.\n`);
    const kept = await sync();
    expect(kept.find((o) => o.file.endsWith('luat-chan-nuoi.txt'))!.document).toBe('kept-official');
  });
});

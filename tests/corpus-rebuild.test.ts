import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNKER_VERSION } from '../ingest/chunk/chunker.js';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import { createServices } from '../server/bootstrap.js';
import type { Services } from '../server/services.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { testConfig } from './helpers/app.js';
import { memoryDb } from './helpers/template-db.js';

/** An excerpt whose Điều 87 starts at khoản 4, as Luật Đất đai's does. */
const EXCERPT = `title: Luật Đất đai thử (trích)
number: 31/2031/QH15
type: Luật
excerpt: yes
articles: 85; 87

Điều 85. Thông báo thu hồi đất
1. Trước khi ban hành quyết định thu hồi đất, cơ quan có thẩm quyền phải gửi văn bản thông báo thu hồi đất cho người có đất thu hồi.
Điều 87. Trình tự, thủ tục bồi thường, hỗ trợ, tái định cư
4. Đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, hỗ trợ, tái định cư có trách nhiệm sau đây:
a) Phối hợp với Ủy ban nhân dân cấp xã niêm yết công khai phương án bồi thường;
b) Gửi phương án bồi thường đến từng người có đất thu hồi;
c) Thực hiện việc bồi thường theo phương án đã được phê duyệt.
`;

describe('bundled laws cut by an older chunker are cut again at the next start', () => {
  let dir: string;
  let services: Services;
  const sync = () => syncBundledCorpus(services.db, services.embedder, [dir]);
  const outcome = (out: Awaited<ReturnType<typeof sync>>, file: string) => out.find((o) => o.file.endsWith(file))!.document;
  const chunksOf = async (number: string) =>
    (
      await services.db.query<{ id: number; article: string; clauses: string[]; points: Record<string, string[]> }>(
        'select c.id, c.article, c.clauses, c.points from chunks c join documents d on d.id = c.document_id where d.number = $1 order by c.ordinal',
        [number],
      )
    ).rows;
  const versions = async () =>
    (await services.db.query<{ number: string; chunker_version: number }>('select number, chunker_version from documents order by number')).rows;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-rebuild-'));
    fs.writeFileSync(path.join(dir, 'luat-dat-dai-thu-trich.txt'), EXCERPT);
    fs.writeFileSync(path.join(dir, 'luat-nong-thon.txt'), RURAL_LAW);
    services = await createServices(testConfig({ CORPUS_DIR: dir, AUTO_INGEST: '0' }), { db: await memoryDb() });
  });
  afterAll(async () => {
    await services?.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the version that cut a new law, and reads an excerpt article from khoản 4', async () => {
    expect((await sync()).map((o) => o.document)).toEqual(['added', 'added']);
    expect(await versions()).toEqual([
      { number: '31/2031/QH15', chunker_version: CHUNKER_VERSION },
      { number: '77/2030/QH15', chunker_version: CHUNKER_VERSION },
    ]);
    const a87 = (await chunksOf('31/2031/QH15')).find((c) => c.article === '87')!;
    expect(a87.clauses).toEqual(['4']);
    expect(a87.points).toEqual({ '4': ['a', 'b', 'c'] });
  });

  it('replaces the chunks an older chunker made when they differ, and only records the version when not', async () => {
    // As a deployment from before: every row of version 0, Điều 87 without its khoản 4.
    await services.db.query('update documents set chunker_version = 0');
    await services.db.query(
      `update chunks set clauses = '{}', points = '{}' where article = '87' and document_id = (select id from documents where number = '31/2031/QH15')`,
    );
    const rural = (await chunksOf('77/2030/QH15')).map((c) => c.id);

    const out = await sync();
    expect(outcome(out, 'luat-dat-dai-thu-trich.txt')).toBe('rebuilt');
    expect(outcome(out, 'luat-nong-thon.txt')).toBe('unchanged');
    const a87 = (await chunksOf('31/2031/QH15')).find((c) => c.article === '87')!;
    expect(a87.clauses).toEqual(['4']);
    expect(a87.points).toEqual({ '4': ['a', 'b', 'c'] });
    // The law whose chunks came out the same keeps its rows (and vectors): nothing re-embedded.
    expect((await chunksOf('77/2030/QH15')).map((c) => c.id)).toEqual(rural);
    expect((await versions()).map((v) => v.chunker_version)).toEqual([CHUNKER_VERSION, CHUNKER_VERSION]);

    expect((await sync()).map((o) => o.document)).toEqual(['unchanged', 'unchanged']);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

describe('npm run eval -- --json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-eval-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object with the documented shape', async () => {
    const file = path.join(dir, 'q.jsonl');
    const lines = [
      { id: 'a', question: 'Vợ đang mang thai thì chồng có được yêu cầu ly hôn không?', law: '52/2014/QH13', articles: [51], type: 'persona' },
      {
        id: 'b',
        question: 'chong danh vo thi bi phat bao nhieu tien',
        law: '282/2025/nd-cp',
        articles: [],
        gold: [{ law: '282/2025/ND-CP', article: 45 }],
        type: 'persona',
      },
      { id: 'c', question: 'Nghị định cũ xử phạt bạo lực gia đình thế nào?', law: '167/2013/NĐ-CP', articles: [57], type: 'external-dataset' },
      { id: 'd', question: 'Ngày mai trời có mưa không?', law: null, articles: [], out_of_scope: true, type: 'out-of-scope' },
    ];
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    // Two folders sharing one identical file: it is indexed once.
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    for (const d of [a, b]) fs.mkdirSync(d);
    fs.copyFileSync(path.join(ROOT, 'corpus/luat-hon-nhan-va-gia-dinh-2014.txt'), path.join(a, 'hn.txt'));
    fs.copyFileSync(path.join(ROOT, 'corpus/luat-hon-nhan-va-gia-dinh-2014.txt'), path.join(b, 'hn.txt'));
    fs.copyFileSync(path.join(ROOT, 'corpus/nghi-dinh-282-2025-trich.txt'), path.join(b, 'nd282.txt'));
    const { stdout } = await run(
      'npm',
      ['run', '--silent', 'eval', '--', '--questions', file, '--json', '--strip-diacritics', '--answers', '--misses', '--corpus', a, b],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
    );
    const lines2 = stdout.trim().split('\n');
    expect(lines2).toHaveLength(1);
    const r = JSON.parse(lines2[0]!);
    expect(r).toMatchObject({ questions: 4, inScope: 3, outOfScope: 1, notIndexed: 1, evaluated: 2, k: 10 });
    for (const group of [r.systems, r.noDiacritics]) {
      expect(Object.keys(group)).toEqual(['hieu-luat', 'bm25']);
      for (const m of Object.values(group) as Record<string, unknown>[]) {
        expect(m).toMatchObject({ n: 2 });
        for (const key of ['recallAt1', 'recallAt5', 'recallAt10', 'mrrAt10', 'p50Ms', 'p95Ms']) expect(typeof m[key]).toBe('number');
        expect(Object.keys(m.byType as object)).toEqual(['persona']);
        expect(Object.keys(m.byLaw as object).sort()).toEqual(['282/2025/NĐ-CP', '52/2014/QH13']);
      }
    }
    expect(r.answers).toMatchObject({ n: 4 });
    for (const key of ['citationValidity', 'citesGold', 'outOfScopeRefusal', 'falseRefusal']) expect(r.answers).toHaveProperty(key);
    expect(Array.isArray(r.misses)).toBe(true);
    expect(r.corpus.documents).toBe(2);
    expect(r.corpus.laws).toEqual(['282/2025/NĐ-CP', '52/2014/QH13']);
  });

  it('exits 2 with a message on a bad question file', async () => {
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, '{"id":"x"}\n');
    const err = await run('npm', ['run', '--silent', 'eval', '--', '--questions', file, '--json'], { cwd: ROOT }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/missing "question"/);
  });
});

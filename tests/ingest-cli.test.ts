import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../store/pglite.js';
import { LAW_PARAGRAPHS, LAW_NUMBER, LAW_PRINTED, makeDocx, makeTextPdf, makeZip } from './fixtures/documents.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // tsx's CLI, as `npm run ingest` runs it: the parse worker must load under tsx too.
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'ingest/cli.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run ingest -- files…', () => {
  it('ingests the good files and prints one line per bad file, exiting non-zero', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-cli-'));
    try {
      const as = (n: string) => LAW_PARAGRAPHS.map((l) => l.replace(LAW_NUMBER, n));
      const files: Record<string, Uint8Array> = {
        'a-good.txt': Buffer.from(as('31/2030/QH99').join('\n'), 'utf8'),
        'b-corrupt.pdf': (await makeTextPdf()).subarray(0, 900),
        'c-good.pdf': await makeTextPdf(LAW_PRINTED.map((p) => p.map((l) => ({ ...l, text: l.text.replace(LAW_NUMBER, '32/2030/QH99') })))),
        'd-junk.docx': makeZip([{ name: 'x.bin', data: 'không phải Word' }]),
        'e-good.docx': await makeDocx(as('33/2030/QH99')),
        'f-pdf-named.txt': await makeTextPdf(LAW_PRINTED.map((p) => p.map((l) => ({ ...l, text: l.text.replace(LAW_NUMBER, '34/2030/QH99') })))),
      };
      for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
      const data = path.join(dir, 'data');
      const r = await run(
        Object.keys(files).map((f) => path.join(dir, f)),
        { DATA_DIR: data },
      );
      expect(r.code, r.stderr).toBe(1);

      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error'));
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/^error\s+\S*b-corrupt\.pdf: invalid:pdf: .+$/);
      expect(errors[1]).toMatch(/^error\s+\S*d-junk\.docx: invalid:docx: .+$/);

      const added = r.stdout.split('\n').filter((l) => l.startsWith('added'));
      expect(added).toHaveLength(4);
      for (const n of ['31', '32', '33', '34']) expect(added.join('\n')).toContain(`${n}/2030/QH99 — 5 điều`);

      const db = await openPglite(path.join(data, 'pglite'));
      try {
        const docs = (await db.query<{ number: string; article_count: number }>('select number, article_count from documents order by number')).rows;
        expect(docs).toEqual(['31', '32', '33', '34'].map((n) => ({ number: `${n}/2030/QH99`, article_count: 5 })));
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renumber, replicateCorpus } from '../bench/replicate.js';
import { splitHeader } from '../ingest/parse/header.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('corpus replication for scale runs', () => {
  it('gives every copy a new số hiệu and keeps the text', () => {
    const text = 'title: Luật Trẻ em\nnumber: 102/2016/QH13\ntype: Luật\n\nĐiều 1. Trẻ em\nTrẻ em là người dưới 16 tuổi.\n';
    const copy = renumber(text, 3);
    const h = splitHeader(copy)!;
    expect(h.fields.number).toBe('102-C3/2016/QH13');
    expect(h.fields.title).toBe('Luật Trẻ em');
    expect(h.body).toBe(splitHeader(text)!.body);
    expect(splitHeader(renumber('title: Kế hoạch\n\nI. Mục tiêu\n', 2))!.fields.number).toBe('BENCH-C2');
  });

  it('writes times × the files, with distinct numbers', () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-rep-src-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-rep-out-'));
    try {
      fs.writeFileSync(path.join(src, 'a.txt'), 'title: A\nnumber: 1/2020/QH14\n\nĐiều 1. X\nNội dung.\n');
      fs.writeFileSync(path.join(src, 'b.txt'), 'title: B\nnumber: 2/2020/NĐ-CP\n\nĐiều 1. Y\nNội dung.\n');
      expect(replicateCorpus(src, 3, out)).toEqual({ files: 6 });
      const numbers = fs.readdirSync(out).map((f) => splitHeader(fs.readFileSync(path.join(out, f), 'utf8'))!.fields.number);
      expect(new Set(numbers).size).toBe(6);
    } finally {
      fs.rmSync(src, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('npm run bench -- --quick --json', () => {
  it('completes and reports every key (tiny durations)', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'bench', '--', '--quick', '--json', '--tiny'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 280_000,
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    for (const key of ['searchP95Ms', 'bm25P95Ms', 'chatP95Ms', 'ttftOverheadMs', 'ingestSeconds', 'coldStartSeconds', 'rssMb']) {
      expect(typeof r[key], key).toBe('number');
    }
    expect(Object.keys(r.scale)).toEqual(['1x', '2x']);
    for (const s of Object.values(r.scale) as Record<string, unknown>[]) {
      expect(typeof s.searchP95Ms).toBe('number');
      // Each scale's 10-connection step follows a step at one connection, so both are warm alike.
      expect(typeof s.searchP95At1Ms).toBe('number');
      expect(typeof s.ingestSeconds).toBe('number');
    }
    expect(r.scale['2x'].chunks).toBe(2 * r.scale['1x'].chunks);
    expect(Object.keys(r.targets).sort()).toEqual([
      'chatP95',
      'coldStart',
      'fullRun',
      'ingest',
      'ingest50x',
      'ingestRss',
      'rss',
      'scale50x',
      'searchP95At10',
      'searchVsPeer',
    ]);
    // Every target is a value against a limit, judged pass/fail, or says why it was not run.
    for (const [key, t] of Object.entries(r.targets) as [string, any][]) {
      expect(typeof t.limit, key).toBe('string');
      if (t.pass === null) expect(typeof t.note, key).toBe('string');
      else expect(typeof t.value, key).toBe('number');
    }
    expect(r.targets.searchVsPeer.value).toBeCloseTo(r.searchInProcessP95Ms / r.bm25P95Ms, 1);
    expect(typeof r.runSeconds).toBe('number');
    for (const kind of ['search', 'chat']) {
      for (const c of ['1', '10', '50']) {
        expect(r.load[kind][c].requests, `${kind} × ${c}`).toBeGreaterThan(0);
        expect(r.load[kind][c].errors, `${kind} × ${c}`).toBe(0);
      }
    }
    // The fake provider answered with a valid citation: the LLM path, not the fallback.
    expect(r.ttftFallbacks).toBe(0);
  }, 300_000);
});

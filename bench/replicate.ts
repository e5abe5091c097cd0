import fs from 'node:fs';
import path from 'node:path';
import { listInputs } from '../ingest/folder.js';

/**
 * A corpus `times` as large for scale runs: the originals plus `times − 1` copies of every file,
 * each copy with its `number:` header rewritten to a new unique số hiệu (same text), so ingest
 * keeps every copy instead of skipping it as a duplicate or replacing the original.
 */
export function replicateCorpus(srcDir: string, times: number, outDir: string): { files: number } {
  fs.mkdirSync(outDir, { recursive: true });
  let files = 0;
  for (const file of listInputs([srcDir])) {
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    const ext = path.extname(file);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(path.join(outDir, `${base}${ext}`), bytes);
    files++;
    if (ext.toLowerCase() !== '.txt') continue;
    const text = bytes.toString('utf8');
    for (let i = 1; i < times; i++) {
      fs.writeFileSync(path.join(outDir, `${base}--copy${i}${ext}`), renumber(text, i));
      files++;
    }
  }
  return { files };
}

/** `number: 52/2014/QH13` → `number: 52-C3/2014/QH13`; a header without a number gets one. */
export function renumber(text: string, copy: number): string {
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return text;
  const head = text.slice(0, end);
  const body = text.slice(end);
  if (/^number:/m.test(head)) {
    return head.replace(/^number:\s*([^/\r\n]*)(.*)$/m, (_m, first: string, rest: string) => `number: ${first}-C${copy}${rest}`) + body;
  }
  return `number: BENCH-C${copy}\n${head}${body}`;
}

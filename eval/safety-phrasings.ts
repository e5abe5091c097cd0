/**
 * Reads every `hỏi` row of corpus/articles (members' own ways of asking what each article answers)
 * through the safety gate. Every one is a question some law answers: none should be refused, and
 * few describe anyone in danger now. Prints the tallies and writes the rows not read as ordinary.
 *
 *   npx tsx eval/safety-phrasings.ts [--out /tmp/phrasings-safety.tsv]
 */
import fs from 'node:fs';
import path from 'node:path';
import { readMessage, refusedUpFront } from '../server/safety/gate.js';
import { ROOT } from './store.js';

const dir = path.join(ROOT, 'corpus/articles');
const outAt = process.argv.indexOf('--out');
const outFile = outAt > 0 ? process.argv[outAt + 1] : null;

const rows: { law: string; text: string }[] = [];
for (const f of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.tsv'))
  .sort()) {
  for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c[3] === 'hỏi' && c[4]) rows.push({ law: f, text: c[4] });
  }
}
const tally: Record<string, number> = {};
const out: string[] = [];
for (const r of rows) {
  const s = readMessage(r.text);
  const k = refusedUpFront(s) ? `refused:${s.request?.kind}` : s.level;
  tally[k] = (tally[k] ?? 0) + 1;
  if (k !== 'ordinary') out.push(`${k}\t${r.law}\t${r.text}`);
}
console.log(`${rows.length} phrasings`, tally);
if (outFile) fs.writeFileSync(outFile, `${out.sort().join('\n')}\n`);

/**
 * Writes server/safety/data/syllables.txt: the Vietnamese syllables the project's own texts use,
 * as spelled with dấu, one a line. The danger assessment reads a typed syllable that is no word
 * of this list as a slip ("trém", "xẽ", "đả" for "chém", "sẽ", "đã"), and a syllable typed without
 * marks inside a message written with dấu as the word spelled so only when that spelling is a word.
 *
 *   npx tsx eval/safety-syllables.ts
 *
 * Sources: the bundled laws and their member phrasings (corpus/), and the safety tables
 * (server/safety/data/*.tsv) — never an evaluation set. Only shapes of one Vietnamese syllable are
 * kept, so names of foreign apps and numbers stay out; and only lines and table cells written with dấu.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../ingest/text/vietnamese.js';
import { DATA_DIR, SYLLABLE } from '../server/safety/normalise.js';
import { ROOT } from './store.js';

const files = [
  ...fs
    .readdirSync(path.join(ROOT, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(ROOT, 'corpus', f)),
  ...fs
    .readdirSync(path.join(ROOT, 'corpus/articles'))
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => path.join(ROOT, 'corpus/articles', f)),
  ...['signals.tsv', 'offtopic.tsv', 'requests.tsv', 'rules.tsv'].map((f) => path.join(DATA_DIR, f)),
];
const words = new Set<string>();
for (const file of files) {
  for (const line of fs
    .readFileSync(file, 'utf8')
    .normalize('NFC')
    .toLowerCase()
    .split(/[\n\t]/)) {
    const syllables = line.split(/[^\p{L}]+/u).filter((w) => w && SYLLABLE.test(fold(w)));
    // A line or cell typed without dấu (an example message in a table) would make "giet" a word: only lines
    // written with dấu, most of their syllables marked, give words.
    if (syllables.filter((w) => w !== fold(w)).length * 2 < syllables.length) continue;
    for (const w of syllables) words.add(w);
  }
}
// shorthand.tsv's standard column: the words its forms stand for (the forms themselves are no words).
for (const line of fs.readFileSync(path.join(DATA_DIR, 'shorthand.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  for (const w of (line.split('\t')[1] ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u))
    if (w && SYLLABLE.test(fold(w))) words.add(w);
}
const out = [...words].sort();
fs.writeFileSync(
  path.join(DATA_DIR, 'syllables.txt'),
  `# Syllables the project's own texts spell (laws, member phrasings, safety tables); written by eval/safety-syllables.ts.\n${out.join('\n')}\n`,
);
console.log(`${out.length} syllables`);

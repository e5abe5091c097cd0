/**
 * Which in-scope questions the chat refuses: the dev set, every member probe and every answer
 * review, each through the chat path (respond) on the store `npm run eval -- --answers` builds.
 * A change to the scope gate must not add a line here (false refusals cost her the article that
 * answers her).
 *
 *   npx tsx scripts/scope-refusals.ts                 # counts per file, then each refused question
 *   npx tsx scripts/scope-refusals.ts --json FILE     # also the refused ids, to diff two runs
 */
import fs from 'node:fs';
import path from 'node:path';
import { respond } from '../server/chat/respond.js';
import { isOutOfScope, readQuestions } from '../eval/questions.js';
import { DEFAULT_QUESTIONS, ROOT, buildEvalStore, defaultCorpusDirs } from '../eval/store.js';

const files = [
  DEFAULT_QUESTIONS,
  ...fs
    .readdirSync(path.join(ROOT, 'eval'))
    .filter((f) => /^(member-probe|answer-review-).*\.jsonl$/.test(f))
    .sort()
    .map((f) => path.join(ROOT, 'eval', f)),
];

const store = await buildEvalStore(defaultCorpusDirs());
const refused: { file: string; id: string; question: string }[] = [];
try {
  for (const file of files) {
    const qs = readQuestions(file).filter((q) => !isOutOfScope(q));
    let n = 0;
    for (const q of qs) {
      const r = await respond(store.services, { message: q.question, noHistory: true });
      if (r.kind === 'out_of_scope') {
        n++;
        refused.push({ file: path.basename(file), id: q.id, question: q.question });
      }
    }
    console.log(`${path.basename(file)}: ${n} of ${qs.length} in-scope questions refused`);
  }
} finally {
  await store.close();
}
console.log(`total refused: ${refused.length}`);
for (const r of refused) console.log(`  ${r.file} ${r.id}: ${r.question}`);
const at = process.argv.indexOf('--json');
if (at > 0 && process.argv[at + 1]) fs.writeFileSync(process.argv[at + 1]!, JSON.stringify(refused, null, 1));

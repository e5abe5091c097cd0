/**
 * Messages asking two or three questions at once (eval/multi-question.jsonl, written for this
 * check): for each question, whether the offline answer states a rule of one of its gold articles
 * above "Xem thêm" (named there only, it is not answered). `npx tsx scripts/multi-question.ts
 * [FILE] [--show]` prints the share of questions answered, and with --show every answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { respond } from '../server/chat/respond.js';
import { buildEvalStore, defaultCorpusDirs, ROOT } from '../eval/store.js';

interface Gold {
  law: string;
  articles: number[];
}
interface Row {
  id: string;
  question: string;
  /** Per question in the message, the articles that answer it (any one will do). */
  asked: Gold[][];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'eval/multi-question.jsonl');
const show = args.includes('--show');
const rows = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

/** Whether the answer's statements (above "Xem thêm") cite one of these articles. */
function states(answer: string, golds: Gold[]): boolean {
  const body = answer.split(/\nXem thêm:/u)[0]!;
  return golds.some((g) => g.articles.some((a) => new RegExp(`Điều ${a} [^;\\n]{0,90}?${g.law.replace(/[/.]/g, '\\$&')}`, 'u').test(body)));
}

const store = await buildEvalStore(defaultCorpusDirs());
try {
  let asked = 0;
  let answered = 0;
  let whole = 0;
  for (const row of rows) {
    const r = await respond(store.services, { message: row.question });
    const hits = row.asked.map((g) => states(r.answer, g));
    asked += hits.length;
    answered += hits.filter(Boolean).length;
    if (hits.every(Boolean)) whole++;
    console.log(`${row.id}\t${r.kind}\t${hits.map((h) => (h ? '✓' : '·')).join('')}`);
    if (show) console.log(`${r.answer}\n`);
  }
  console.log(
    `questions answered ${answered}/${asked} (${((100 * answered) / asked).toFixed(1)} %), messages with every question answered ${whole}/${rows.length}`,
  );
} finally {
  await store.close();
}

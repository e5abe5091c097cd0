/**
 * The safety gate under a group post's wrapping. Members post in village Zalo groups and wrap what
 * they ask in everyday words — a greeting, a call to the group, thanks, the day, their worry — words
 * that tell no danger. This script reads every message offline (`readMessage`, rules + learned
 * backstop) bare and wrapped in each of the phrases below, and prints per wrapper:
 *
 * - for the in-scope legal questions of eval/member-probe*.jsonl and eval/answer-review-*.jsonl:
 *   how many moved level (ordinary→urgent, ordinary→emergency, urgent→emergency, and any lowered);
 * - for every danger message of eval/safety-*.jsonl expecting "emergency" or "urgent": how many are
 *   caught bare and wrapped (level at least the one expected) and how many wrapping lost.
 *
 * The wrappers are general phrases of how people post in a group, written for this script, not taken
 * from a question set. Deterministic (no randomness, files read in sorted order).
 *
 *   npx tsx scripts/safety-wrappers.ts            # the table
 *   npx tsx scripts/safety-wrappers.ts --list 5   # plus up to 5 moved legal questions per wrapper, with the rule
 *   npx tsx scripts/safety-wrappers.ts --lost     # plus every danger message wrapping lost
 *   npx tsx scripts/safety-wrappers.ts --fresh    # the second list of wrappers (FRESH) instead
 *   npx tsx scripts/safety-wrappers.ts --only 'cảm ơn'   # only the wrappers whose name holds this
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Level } from '../server/safety/assess.js';
import { readMessage } from '../server/safety/gate.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const EVAL = path.join(ROOT, 'eval');

interface Wrapper {
  name: string;
  wrap: (q: string) => string;
}

const pre = (p: string): Wrapper => ({ name: `${p}…`, wrap: (q) => `${p}${q}` });
const post = (s: string): Wrapper => ({ name: `…${s}`, wrap: (q) => `${q}${s}` });

/** Greetings, calls to the group, thanks, the day she writes, her worry — with and without dấu. */
export const WRAPPERS: Wrapper[] = [
  pre('Mọi người ơi giúp em với, '),
  pre('moi nguoi oi giup e voi, '),
  pre('Chào các chị, '),
  pre('Chào cả nhà, cho em hỏi chút ạ: '),
  pre('Các chị ơi tư vấn giúp em với, '),
  pre('Em chào mọi người, em có chuyện muốn hỏi. '),
  pre('Hôm nay em mới biết chuyện này, '),
  post(' em cảm ơn ạ'),
  post(' e cam on a'),
  post('. Em cảm ơn mọi người nhiều ạ!'),
  post(' mong mọi người giải đáp giúp em'),
  post(' hôm nay'),
  post(' mấy hôm nay em lo quá'),
  post(' may hom nay e lo qua'),
  post(' em lo lắng quá không biết hỏi ai'),
  post(' mấy đêm nay em mất ngủ vì chuyện này'),
  { name: 'Chào các chị, … em cảm ơn ạ', wrap: (q) => `Chào các chị, ${q} em cảm ơn ạ` },
];

/**
 * Written after the fixes began, before they were measured on these (`--fresh`): other words of the same habits, and
 * some outside them, to see whether the fixes read the habit or the first list's wording.
 */
export const FRESH: Wrapper[] = [
  pre('Chị em ơi, '),
  pre('Xin chào cả nhà ạ. '),
  pre('Các mẹ ơi cho em hỏi với ạ, '),
  pre('Cả nhà ơi chỉ giúp em với, '),
  pre('mn oi cho e hoi, '),
  pre('Hôm nay em lên đây hỏi mọi người, '),
  post(' em xin cảm ơn các chị nhiều'),
  post(' thanks cả nhà'),
  post(' mấy ngày nay em buồn quá'),
  post(' dạo này em suy nghĩ nhiều lắm'),
  post(' mong các chị tư vấn giúp em ạ'),
  post(' em đang rất hoang mang'),
  post(' hic'),
];

const ORDER: Level[] = ['ordinary', 'urgent', 'emergency'];
const rank = (l: Level) => ORDER.indexOf(l);

function rows(pattern: RegExp): { id: string; text: string; expect?: string; scope?: boolean }[] {
  const out: { id: string; text: string; expect?: string; scope?: boolean }[] = [];
  for (const f of fs
    .readdirSync(EVAL)
    .filter((n) => pattern.test(n))
    .sort()) {
    for (const line of fs.readFileSync(path.join(EVAL, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; question?: string; message?: string; expect?: string; out_of_scope?: boolean };
      const text = r.question ?? r.message;
      if (text) out.push({ id: r.id, text, expect: r.expect, scope: r.out_of_scope !== true });
    }
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const listAt = args.indexOf('--list');
  const list = listAt >= 0 ? Number(args[listAt + 1] ?? 5) : 0;
  const showLost = args.includes('--lost');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '') : '';
  const wrappers = (args.includes('--fresh') ? FRESH : WRAPPERS).filter((w) => w.name.includes(only));

  const legal = rows(/^(member-probe.*|answer-review-.*)\.jsonl$/).filter((r) => r.scope);
  const danger = rows(/^safety-.*\.jsonl$/).filter((r) => r.expect === 'emergency' || r.expect === 'urgent');
  const legalBare = legal.map((r) => readMessage(r.text).level);
  const dangerBare = danger.map((r) => readMessage(r.text).level);
  const need = (e: string | undefined): Level => (e === 'emergency' ? 'emergency' : 'urgent');
  const caughtBare = danger.filter((r, i) => rank(dangerBare[i]!) >= rank(need(r.expect))).length;

  console.log(`legal questions ${legal.length} (bare: ${ORDER.map((l) => `${l} ${legalBare.filter((x) => x === l).length}`).join(', ')})`);
  console.log(`danger messages ${danger.length}, caught bare ${caughtBare}`);
  console.log('');
  console.log('wrapper | legal o→u  o→e  u→e  lowered | danger caught  lost');
  let totalMoved = 0;
  let totalLost = 0;
  for (const w of wrappers) {
    const moves = { ou: 0, oe: 0, ue: 0, down: 0 };
    const samples: string[] = [];
    legal.forEach((r, i) => {
      const bare = legalBare[i]!;
      const read = readMessage(w.wrap(r.text));
      const to = read.level;
      if (to === bare) return;
      if (rank(to) < rank(bare)) moves.down++;
      else if (bare === 'ordinary' && to === 'urgent') moves.ou++;
      else if (bare === 'ordinary') moves.oe++;
      else moves.ue++;
      if (samples.length < list) samples.push(`    ${r.id} ${bare}→${to} [${read.danger.rule}] ${w.wrap(r.text)}`);
    });
    let caught = 0;
    const lost: string[] = [];
    danger.forEach((r, i) => {
      const lv = readMessage(w.wrap(r.text)).level;
      const ok = rank(lv) >= rank(need(r.expect));
      if (ok) caught++;
      else if (rank(dangerBare[i]!) >= rank(need(r.expect))) lost.push(`    ${r.id} ${dangerBare[i]}→${lv} ${w.wrap(r.text)}`);
    });
    totalMoved += moves.ou + moves.oe + moves.ue + moves.down;
    totalLost += lost.length;
    console.log(
      `${w.name.padEnd(48)} | ${[moves.ou, moves.oe, moves.ue, moves.down].map((n) => String(n).padStart(4)).join(' ')} | ${String(caught).padStart(6)} ${String(lost.length).padStart(5)}`,
    );
    for (const s of samples) console.log(s);
    if (showLost) for (const s of lost) console.log(s);
  }
  console.log('');
  console.log(`total: legal questions moved ${totalMoved}, dangers lost ${totalLost} (over ${wrappers.length} wrappers)`);
}

main();

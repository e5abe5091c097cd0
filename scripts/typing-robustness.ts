import { parseArgs } from 'node:util';
import { firstGoldRank, splitQuestions } from '../eval/metrics.js';
import { readQuestions } from '../eval/questions.js';
import { DEFAULT_QUESTIONS, buildEvalStore, defaultCorpusDirs, type EvalStore } from '../eval/store.js';
import { TYPING_KINDS, retypeQuestion } from '../eval/typing.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import { stripDiacritics } from '../server/retrieval/query.js';
import { withTypingRead } from '../server/safety/typing.js';

/**
 * npx tsx scripts/typing-robustness.ts [--every 6] [--folds 5] [--seed 1] [--only dev|phrasings]
 *
 * How retrieval holds up when a question is typed with imperfect dấu (eval/typing.ts: hỏi/ngã
 * swapped, tone or vowel mark left out, syllables typed bare, dialect spelling, all mixed): each
 * question is searched as written and retyped by each kind, and R@1, R@5 and MRR@10 printed per
 * kind beside the question as written. Two sets: the dev questions, and the held-out member
 * phrasings of scripts/ranking-proxies.ts (each fold's `hỏi` rows deleted from article_notes, the
 * index rebuilt, every `--every`-th row searched for its own article). A measurement, not a set to
 * tune to: the errors are applied mechanically and the figures are aggregates.
 */

interface Tally {
  n: number;
  r1: number;
  r5: number;
  mrr: number;
}

const tally = (): Tally => ({ n: 0, r1: 0, r5: 0, mrr: 0 });

function add(t: Tally, rank: number | null): void {
  t.n++;
  if (rank === 1) t.r1++;
  if (rank !== null && rank <= 5) t.r5++;
  if (rank !== null) t.mrr += 1 / rank;
}

const REFERENCE = ['as written', 'without dấu'];

function variants(id: string, text: string, seed: number): [string, string][] {
  return [['as written', text], ['without dấu', stripDiacritics(text)], ...TYPING_KINDS.map((k): [string, string] => [k, retypeQuestion(id, text, k, seed)])];
}

type Tallies = Map<string, { all: Tally; changed: number }>;

function record(tallies: Tallies, kind: string, rank: number | null, changed: boolean): void {
  let t = tallies.get(kind);
  if (!t) tallies.set(kind, (t = { all: tally(), changed: 0 }));
  add(t.all, rank);
  if (changed) t.changed++;
}

function print(title: string, tallies: Tallies): void {
  console.log(title);
  for (const [kind, { all, changed }] of tallies) {
    const note = REFERENCE.includes(kind) ? '' : `  (${changed} retyped)`;
    console.log(
      `  ${kind.padEnd(15)} n ${all.n}  R@1 ${(all.r1 / all.n).toFixed(3)}  R@5 ${(all.r5 / all.n).toFixed(3)}  MRR@10 ${(all.mrr / all.n).toFixed(3)}${note}`,
    );
  }
}

function searcher(store: EvalStore) {
  const { db, embedder, retriever } = store.services;
  const holder = { current: () => retriever.current(), refresh: async () => (await retriever.refresh(), retriever.current()) };
  // Her typing slips are read before the search, as the services' retriever does (bootstrap.ts).
  return withTypingRead(createRetriever({ db, embedder, semantic: false, holder }));
}

async function dev(store: EvalStore, seed: number): Promise<Tallies> {
  const search = searcher(store);
  const tallies: Tallies = new Map();
  for (const { q, gold } of splitQuestions(readQuestions(DEFAULT_QUESTIONS), store.laws).evaluated) {
    for (const [kind, text] of variants(q.id, q.question, seed)) {
      const { hits } = await search.search(text, { k: 10 });
      const rank = firstGoldRank(
        hits.map((h) => ({ law: h.document.number, article: h.article })),
        gold,
      );
      record(tallies, kind, rank, text !== q.question);
    }
  }
  return tallies;
}

async function heldOutPhrasings(store: EvalStore, folds: number, every: number, seed: number): Promise<Tallies> {
  const { db, retriever } = store.services;
  const search = searcher(store);
  const rows = (
    await db.query<{ id: string; document_id: string; article: string; text: string }>(
      "select id, document_id, article, text from article_notes where kind = 'ask' order by id",
    )
  ).rows;
  await db.exec('create temp table typing_held_out as select * from article_notes');
  const tallies: Tallies = new Map();
  try {
    for (let fold = 0; fold < folds; fold++) {
      const held = rows.filter((_, i) => i % folds === fold);
      const ids = held.map((r) => Number(r.id));
      await db.query('delete from article_notes where id = any($1::bigint[])', [ids]);
      try {
        await retriever.refresh();
        for (let i = 0; i < held.length; i += every) {
          const r = held[i]!;
          for (const [kind, text] of variants(r.id, r.text, seed)) {
            const { hits } = await search.search(text, { k: 10 });
            const at = hits.findIndex((h) => h.document.id === r.document_id && h.article === r.article);
            record(tallies, kind, at < 0 ? null : at + 1, text !== r.text);
          }
        }
      } finally {
        await db.query('insert into article_notes select * from typing_held_out where id = any($1::bigint[])', [ids]);
      }
    }
  } finally {
    await db.exec('drop table typing_held_out');
    await retriever.refresh();
  }
  return tallies;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      folds: { type: 'string', default: '5' },
      every: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
    },
  });
  const [folds, every, seed] = [Number(values.folds), Number(values.every), Number(values.seed)];
  if (!Number.isInteger(folds) || folds < 2 || !Number.isInteger(every) || every < 1 || !Number.isInteger(seed)) {
    console.error('--folds must be an integer ≥ 2, --every a positive integer, --seed an integer');
    return 2;
  }
  const store = await buildEvalStore(defaultCorpusDirs());
  try {
    if (values.only !== 'phrasings') print('dev questions', await dev(store, seed));
    if (values.only !== 'dev') print(`held-out phrasings (every ${every}th of ${folds} folds)`, await heldOutPhrasings(store, folds, every, seed));
  } finally {
    await store.close();
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());

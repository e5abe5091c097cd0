import { parseArgs } from 'node:util';
import { firstGoldRank, splitQuestions } from '../eval/metrics.js';
import { DEFAULT_QUESTIONS, buildEvalStore, defaultCorpusDirs, type EvalStore } from '../eval/store.js';
import { normalizeLaw, readQuestions } from '../eval/questions.js';
import { createRetriever, type RetrieverDeps } from '../server/retrieval/hybrid.js';
import { respond } from '../server/chat/respond.js';

/**
 * npx tsx scripts/ranking-proxies.ts [--deps JSON] [--folds 5] [--every 2] [--only phrasings|uploads|answers]
 *
 * Two measures of a ranking change beside the dev set's 87 questions, from the project's own data:
 * - held-out phrasings: each fold of the `hỏi` rows is deleted from article_notes (so the member
 *   field, the phrasing index and the pair readings lose them), the index rebuilt, and every
 *   `--every`-th row of the fold searched for its own article. Members' words, thousands of them;
 *   but a held-out phrasing rarely resembles its siblings while members' questions do, so a change
 *   that helps here may still not help the blind set (docs/history/ranking.md, "A learned reranker").
 * - uploads: each bundled law in turn loses all its notes, as an upload without notes has none,
 *   and the dev questions whose gold is in it are searched: does a change push such a document down?
 * - answers (`--only answers`): the held-out phrasings asked in the chat, offline: does the answer
 *   lead with the phrasing's article, and with its khoản when the phrasing names one? Only phrasings
 *   whose article retrieval ranked first count, so that it measures which khoản and article the
 *   answer chooses to state first, not retrieval.
 * `--deps` overrides the retriever's measured defaults (e.g. '{"firstRerank":{"contrastWeight":0}}').
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

const show = (name: string, t: Tally) =>
  `${name}: n ${t.n}  R@1 ${(t.r1 / t.n).toFixed(3)}  R@5 ${(t.r5 / t.n).toFixed(3)}  MRR@10 ${(t.mrr / t.n).toFixed(3)}`;

type Deps = Partial<Omit<RetrieverDeps, 'db' | 'embedder' | 'holder'>>;

function retrieverFor(store: EvalStore, deps: Deps) {
  const { db, embedder, retriever } = store.services;
  // The store's own index, rebuilt by its retriever when the notes change.
  const holder = {
    current: () => retriever.current(),
    refresh: async () => {
      await retriever.refresh();
      return retriever.current();
    },
  };
  return createRetriever({ db, embedder, semantic: false, ...deps, holder });
}

interface HeldOut {
  id: string;
  document_id: string;
  article: string;
  clause: string | null;
  text: string;
}

/** Each fold of the `hỏi` rows deleted in turn, every `every`-th row of it given to `visit`. */
async function eachHeldOut(store: EvalStore, folds: number, every: number, visit: (r: HeldOut) => Promise<void>): Promise<void> {
  const { db, retriever } = store.services;
  const rows = (await db.query<HeldOut>("select id, document_id, article, clause, text from article_notes where kind = 'ask' order by id")).rows;
  await db.exec('create temp table proxy_held_out as select * from article_notes');
  try {
    for (let fold = 0; fold < folds; fold++) {
      const held = rows.filter((_, i) => i % folds === fold);
      const ids = held.map((r) => Number(r.id));
      await db.query('delete from article_notes where id = any($1::bigint[])', [ids]);
      try {
        await retriever.refresh();
        for (let i = 0; i < held.length; i += every) await visit(held[i]!);
      } finally {
        await db.query('insert into article_notes select * from proxy_held_out where id = any($1::bigint[])', [ids]);
      }
    }
  } finally {
    await db.exec('drop table proxy_held_out');
    await retriever.refresh();
  }
}

async function heldOutPhrasings(store: EvalStore, deps: Deps, folds: number, every: number): Promise<Tally> {
  const search = retrieverFor(store, deps);
  const t = tally();
  await eachHeldOut(store, folds, every, async (r) => {
    const { hits } = await search.search(r.text, { k: 10 });
    const at = hits.findIndex((h) => h.document.id === r.document_id && h.article === r.article);
    add(t, at < 0 ? null : at + 1);
  });
  return t;
}

interface LeadTally {
  /** Phrasings whose article retrieval ranked first. */
  n: number;
  /** …whose answer states that article first. */
  article: number;
  /** Of those naming a khoản, how many; and how many answers state that khoản first. */
  withClause: number;
  clause: number;
  /** Phrasings whose article retrieval ranked second or third, and answers leading with it anyway. */
  behind: number;
  rescued: number;
}

async function heldOutAnswers(store: EvalStore, folds: number, every: number): Promise<LeadTally> {
  const t: LeadTally = { n: 0, article: 0, withClause: 0, clause: 0, behind: 0, rescued: 0 };
  await eachHeldOut(store, folds, every, async (r) => {
    const { hits } = await store.services.retriever.search(r.text, { k: 10 });
    const at = hits.findIndex((h) => h.document.id === r.document_id && h.article === r.article);
    if (at < 0 || at > 2) return;
    const lead = (await respond(store.services, { message: r.text })).citations[0];
    const sameArticle = lead?.document.id === r.document_id && lead.article === r.article;
    if (at > 0) {
      t.behind++;
      if (sameArticle) t.rescued++;
      return;
    }
    t.n++;
    if (sameArticle) t.article++;
    if (r.clause) {
      t.withClause++;
      if (sameArticle && lead.clause === r.clause) t.clause++;
    }
  });
  return t;
}

async function uploads(store: EvalStore, deps: Deps): Promise<Tally> {
  const { db, retriever } = store.services;
  const search = retrieverFor(store, deps);
  const split = splitQuestions(readQuestions(DEFAULT_QUESTIONS), store.laws);
  const laws = (
    await db.query<{ id: string; number: string | null }>(
      'select distinct d.id, d.number from documents d join article_notes n on n.document_id = d.id order by d.number',
    )
  ).rows;
  await db.exec('create temp table proxy_notes as select * from article_notes');
  const t = tally();
  try {
    for (const law of laws) {
      if (!law.number) continue;
      const number = normalizeLaw(law.number);
      const questions = split.evaluated.filter((e) => e.gold.some((g) => g.law === number));
      if (!questions.length) continue;
      await db.query('delete from article_notes where document_id = $1', [law.id]);
      try {
        await retriever.refresh();
        for (const { q, gold } of questions) {
          const { hits } = await search.search(q.question, { k: 10 });
          add(
            t,
            firstGoldRank(
              hits.map((h) => ({ law: h.document.number, article: h.article })),
              gold,
            ),
          );
        }
      } finally {
        await db.query('insert into article_notes select * from proxy_notes where document_id = $1', [law.id]);
      }
    }
  } finally {
    await db.exec('drop table proxy_notes');
    await retriever.refresh();
  }
  return t;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      deps: { type: 'string', default: '{}' },
      folds: { type: 'string', default: '5' },
      every: { type: 'string', default: '2' },
      only: { type: 'string' },
    },
  });
  const deps = JSON.parse(values.deps) as Deps;
  const folds = Number(values.folds);
  const every = Number(values.every);
  if (!Number.isInteger(folds) || folds < 2 || !Number.isInteger(every) || every < 1) {
    console.error('--folds must be an integer ≥ 2 and --every a positive integer');
    return 2;
  }
  const store = await buildEvalStore(defaultCorpusDirs());
  try {
    if (!values.only || values.only === 'phrasings') console.log(show('held-out phrasings', await heldOutPhrasings(store, deps, folds, every)));
    if (!values.only || values.only === 'uploads') console.log(show('laws without notes, their dev questions', await uploads(store, deps)));
    if (values.only === 'answers') {
      const a = await heldOutAnswers(store, folds, every);
      console.log(
        `held-out phrasings answered (article retrieved first): n ${a.n}  lead states that article ${(a.article / a.n).toFixed(3)}  that khoản ${(a.clause / Math.max(1, a.withClause)).toFixed(3)} (of ${a.withClause} naming one); retrieved second or third: n ${a.behind}, answer leads with it ${(a.rescued / Math.max(1, a.behind)).toFixed(3)}`,
      );
    }
  } finally {
    await store.close();
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildEvalStore, ROOT } from '../eval/store.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import { stripDiacritics } from '../server/retrieval/query.js';
import { FEATURES, candidateFeatures } from '../server/retrieval/rank/features.js';
import { fitListwise, type TrainingGroup } from '../server/retrieval/rank/fit.js';
import { RANKER_FILE, type Ranker, type RankerModel } from '../server/retrieval/rank/ranker.js';

/**
 * npm run train:ranker — learns the reranker from the project's own data, never from a question
 * set: every member phrasing (`hỏi`) and plain-language sentence (`nghĩa`) of corpus/articles is a
 * question whose article is known. Each is searched with its own row held out of the index (k-fold
 * over the rows: the fold's rows are deleted from article_notes, so the member field, the phrasing
 * index and the pair readings all lose them), as typed and without dấu, and the first stage's top
 * articles are recorded with their features. Without holding out, every question would find itself
 * word for word among the phrasings and the model would learn to trust that field blindly.
 */

export interface TrainOptions {
  dirs: string[];
  /** Folds over the note rows: each fold's rows are held out together. */
  folds: number;
  /** How many first-stage articles are reordered (and recorded). */
  depth: number;
  /**
   * L2 penalty pulling the weights towards the first stage's own order (a model of its score and
   * rank alone): the phrasings are not members' questions, so the model may move the first stage
   * only as far as the evidence in them outweighs this pull.
   */
  l2: number;
  /** A `nghĩa` sentence is written in the law's register more than a member's: it counts less. */
  meaningWeight: number;
  /** Also fit on all folds but one and score the one left out (reported in the model file). */
  crossValidate: boolean;
  /**
   * In each fold one document also loses all its notes, as an upload has none: its questions
   * teach the model how an article without phrasings compares with those that have them.
   */
  blankDocuments: boolean;
  onProgress?: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  dirs: [path.join(ROOT, 'corpus')],
  folds: 10,
  depth: 40,
  l2: 1,
  meaningWeight: 0.5,
  crossValidate: true,
  blankDocuments: true,
};

interface NoteRow {
  id: number;
  document_id: string;
  number: string | null;
  article: string;
  kind: 'ask' | 'meaning';
  text: string;
}

interface Example extends TrainingGroup {
  fold: number;
}

/** FNV-1a: a row's fold from its content, so adding one row never reshuffles the others. */
function foldOf(s: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}

export interface Collected {
  examples: Example[];
  questions: number;
  goldFound: number;
}

export async function collectExamples(opts: TrainOptions): Promise<Collected> {
  const log = opts.onProgress ?? (() => undefined);
  const store = await buildEvalStore(opts.dirs);
  try {
    const db = store.services.db;
    let gold: { documentId: string; article: string; weight: number; fold: number } | null = null;
    const examples: Example[] = [];
    const recorder: Ranker = {
      depth: opts.depth,
      rerank(ctx, candidates) {
        if (!gold) return candidates;
        const g = gold;
        const at = candidates.findIndex((c) => {
          const chunk = ctx.idx.lexical.chunks[c.index]!;
          return chunk.documentId === g.documentId && chunk.articleKey === g.article;
        });
        examples.push({ x: candidateFeatures(ctx, candidates), gold: at, weight: g.weight, fold: g.fold });
        return candidates;
      },
    };
    const retriever = createRetriever({ db, embedder: store.services.embedder, semantic: false, ranker: recorder });
    const notes = (
      await db.query<NoteRow>(
        `select n.id, n.document_id, d.number, n.article, n.kind, n.text
           from article_notes n join documents d on d.id = n.document_id order by n.id`,
      )
    ).rows.map((r) => ({ ...r, id: Number(r.id) }));
    await db.exec('create temp table held_out_notes as select * from article_notes');
    const documents = [...new Map(notes.map((n) => [n.document_id, n.number ?? n.document_id])).entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id]) => id);
    let questions = 0;
    for (let fold = 0; fold < opts.folds; fold++) {
      const rows = notes.filter((n) => foldOf(`${n.number ?? n.document_id}\u0000${n.article}\u0000${n.kind}\u0000${n.text}`, opts.folds) === fold);
      const blank = opts.blankDocuments ? documents[fold % documents.length] : undefined;
      const heldOut = new Set(rows);
      const ids = notes.filter((n) => heldOut.has(n) || n.document_id === blank).map((r) => r.id);
      await db.query('delete from article_notes where id = any($1::bigint[])', [ids]);
      // The index is rebuilt off the request path: wait for the one without the fold's rows.
      await retriever.refresh();
      for (const r of rows) {
        const weight = r.kind === 'ask' ? 1 : opts.meaningWeight;
        // Members type with and without dấu; both are questions the ranker must order.
        for (const text of new Set([r.text, stripDiacritics(r.text)])) {
          gold = { documentId: r.document_id, article: r.article, weight, fold };
          await retriever.search(text, { k: 10 });
          questions++;
        }
      }
      gold = null;
      await db.query('insert into article_notes select * from held_out_notes where id = any($1::bigint[])', [ids]);
      log(`fold ${fold + 1}/${opts.folds}: ${rows.length} rows held out${blank ? ', one document without notes' : ''}, ${examples.length} examples so far`);
    }
    return { examples, questions, goldFound: examples.filter((e) => e.gold >= 0).length };
  } finally {
    await store.close();
  }
}

/** Mean reciprocal rank (within `depth`) of the gold article when candidates are ordered by `score`. */
function mrr(examples: Example[], score: (x: Float64Array, i: number) => number): number {
  let sum = 0;
  let n = 0;
  for (const e of examples) {
    n += e.weight;
    if (e.gold < 0) continue;
    const s = e.x.map(score);
    const rank = s.filter((v, i) => v > s[e.gold]! || (v === s[e.gold]! && i < e.gold)).length;
    sum += e.weight / (rank + 1);
  }
  return n ? sum / n : 0;
}

const round = (v: number, digits = 6) => Number(v.toFixed(digits));

const FIRST_STAGE_FEATURES = ['first_ratio', 'first_rank'] as const;

/** Standardised weights of the model that knows only the first stage's score and rank (others 0). */
export function firstStagePrior(examples: Example[]): number[] {
  const at = FIRST_STAGE_FEATURES.map((f) => FEATURES.indexOf(f));
  const only = examples.map((e) => ({ ...e, x: e.x.map((x) => Float64Array.from(at, (j) => x[j]!)) }));
  const fit = fitListwise(only, at.length, { l2: 1e-4 });
  const prior = new Array<number>(FEATURES.length).fill(0);
  at.forEach((j, k) => (prior[j] = fit.weights[k]!));
  return prior;
}

export async function trainRanker(opts: TrainOptions): Promise<RankerModel> {
  return fitRanker(await collectExamples(opts), opts);
}

/** The model file's content from collected examples (split from collection so fitting can be studied alone). */
export function fitRanker({ examples, questions, goldFound }: Collected, opts: TrainOptions): RankerModel {
  const log = opts.onProgress ?? (() => undefined);
  const d = FEATURES.length;
  const fitAnchored = (train: Example[]) => fitListwise(train, d, { l2: opts.l2, prior: firstStagePrior(train) });
  const fit = fitAnchored(examples);
  log(`fitted on ${goldFound}/${questions} questions in ${fit.iterations} Newton steps, loss ${fit.loss.toFixed(4)}`);
  const linear = (r: { mean: number[]; scale: number[]; weights: number[] }) => (x: Float64Array) =>
    x.reduce((s, v, j) => s + (r.weights[j]! * (v - r.mean[j]!)) / r.scale[j]!, 0);
  const training: Record<string, unknown> = {
    source: 'corpus/articles: hỏi and nghĩa rows as questions, each searched with its fold held out, as typed and without dấu',
    questions,
    withGoldInDepth: goldFound,
    folds: opts.folds,
    l2: opts.l2,
    meaningWeight: opts.meaningWeight,
    blankDocuments: opts.blankDocuments,
    newtonSteps: fit.iterations,
    loss: round(fit.loss, 4),
  };
  if (opts.crossValidate) {
    // Each fold scored by a model that never saw its questions: what the reranker gains on
    // phrasings it was not fitted to (the blind set decides whether that carries to real members).
    let first = 0;
    let reranked = 0;
    let total = 0;
    for (let f = 0; f < opts.folds; f++) {
      const test = examples.filter((e) => e.fold === f);
      const w = test.reduce((s, e) => s + e.weight, 0);
      const model = fitAnchored(examples.filter((e) => e.fold !== f));
      first += w * mrr(test, (_, i) => -i);
      reranked += w * mrr(test, linear(model));
      total += w;
    }
    training.heldOutMrrFirstStage = round(first / total, 4);
    training.heldOutMrrReranked = round(reranked / total, 4);
    log(`held-out folds: MRR@${opts.depth} first stage ${(first / total).toFixed(4)} → reranked ${(reranked / total).toFixed(4)}`);
  }
  return {
    depth: opts.depth,
    features: FEATURES.map((name, j) => ({ name, mean: round(fit.mean[j]!), scale: round(fit.scale[j]!), weight: round(fit.weights[j]!) })),
    training,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: RANKER_FILE },
      folds: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.folds) },
      depth: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.depth) },
      l2: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.l2) },
      'no-cv': { type: 'boolean', default: false },
    },
  });
  const t0 = performance.now();
  const model = await trainRanker({
    ...DEFAULT_TRAIN_OPTIONS,
    folds: Number(values.folds),
    depth: Number(values.depth),
    l2: Number(values.l2),
    crossValidate: !values['no-cv'],
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  fs.writeFileSync(values.out!, `${JSON.stringify(model, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(process.cwd(), values.out!)} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());

import os from 'node:os';
import path from 'node:path';
import { respond } from '../server/chat/respond.js';
import { Bm25Peer, readPeerChunks } from './bm25.js';
import {
  firstGoldRank,
  splitQuestions,
  summarizeAnswers,
  systemReport,
  round,
  type AnswerMetrics,
  type AnswerOutcome,
  type Outcome,
  type RankedArticle,
  type SystemReport,
} from './metrics.js';
import { articleKey, goldOf, stripDiacritics, type EvalQuestion } from './questions.js';
import { ROOT, type EvalStore } from './store.js';

export const SYSTEMS = ['hieu-luat', 'bm25'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface Miss {
  id: string;
  type: string;
  question: string;
  expected: string[];
  /** Our top 3 (số hiệu Điều n). */
  got: string[];
  /** Our rank of the first gold article (null: not in the top k). */
  rank: number | null;
  bm25Rank: number | null;
  noDiacritics?: boolean;
}

/**
 * An answer that does not lead with a gold article although retrieval had one in its top
 * --miss-at: what the chat path did between retrieval and the answer (refused it, answered an
 * emergency with its first articles only, led with another article and named gold under
 * "Xem thêm", or left gold out).
 */
export interface AnswerMiss {
  id: string;
  question: string;
  expected: string[];
  goldRank: number;
  kind: string;
  reason: 'refused' | 'emergency' | 'gold only in Xem thêm' | 'gold not cited';
  /** Cited articles in order (số hiệu Điều n, khoản when named); the first is the lead. */
  cited: string[];
}

export interface EvalReport {
  questions: number;
  inScope: number;
  outOfScope: number;
  notIndexed: number;
  evaluated: number;
  k: number;
  corpus: { dirs: string[]; documents: number; chunks: number; laws: string[]; ingestSeconds: number };
  systems: Record<SystemName, SystemReport>;
  noDiacritics?: Record<SystemName, SystemReport>;
  answers?: AnswerMetrics;
  misses?: Miss[];
  answerMisses?: AnswerMiss[];
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  timestamp: string;
}

export interface EvalOptions {
  k: number;
  stripDiacritics: boolean;
  answers: boolean;
  /** Collect questions whose gold is not within the top `missAt`. */
  misses: boolean;
  missAt: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

const label = (law: string | null, article: string | null) => `${law ?? '?'} Điều ${article ?? '?'}`;

export async function runEval(store: EvalStore, questions: EvalQuestion[], opts: EvalOptions): Promise<EvalReport> {
  const { retriever } = store.services;
  const split = splitQuestions(questions, store.laws);
  const peer = new Bm25Peer(await readPeerChunks(store.services.db));

  // First calls load caches (term statistics, vocabulary); keep them out of the latency figures.
  await retriever.search('quyền nuôi con sau khi ly hôn', { k: opts.k });
  peer.search('quyền nuôi con sau khi ly hôn', opts.k);

  const misses: Miss[] = [];
  const pass = async (variant: 'normal' | 'noDiacritics') => {
    const outcomes: Record<SystemName, Outcome[]> = { 'hieu-luat': [], bm25: [] };
    let done = 0;
    for (const { q, gold, laws } of split.evaluated) {
      const text = variant === 'normal' ? q.question : stripDiacritics(q.question);
      const type = q.type ?? 'unknown';

      let t0 = performance.now();
      const ours = await retriever.search(text, { k: opts.k });
      const oursMs = performance.now() - t0;
      const oursRows: RankedArticle[] = ours.hits.map((h) => ({ law: h.document.number, article: h.article }));

      t0 = performance.now();
      const theirs = peer.search(text, opts.k);
      const peerMs = performance.now() - t0;

      const rank = firstGoldRank(oursRows, gold);
      const peerRank = firstGoldRank(theirs, gold);
      outcomes['hieu-luat'].push({ id: q.id, type, laws, rank, ms: oursMs });
      outcomes.bm25.push({ id: q.id, type, laws, rank: peerRank, ms: peerMs });

      if (opts.misses && (rank === null || rank > opts.missAt)) {
        misses.push({
          id: q.id,
          type,
          question: text.replace(/\s+/g, ' ').trim(),
          expected: rawGold(q),
          got: oursRows.slice(0, 3).map((r) => label(r.law, r.article)),
          rank,
          bm25Rank: peerRank,
          ...(variant === 'noDiacritics' ? { noDiacritics: true } : {}),
        });
      }
      opts.onProgress?.(variant === 'normal' ? 'retrieval' : 'retrieval (không dấu)', ++done, split.evaluated.length);
    }
    return { 'hieu-luat': systemReport(outcomes['hieu-luat']), bm25: systemReport(outcomes.bm25) };
  };

  const systems = await pass('normal');
  const noDiacritics = opts.stripDiacritics ? await pass('noDiacritics') : undefined;
  const answerMisses: AnswerMiss[] = [];
  const answers = opts.answers
    ? await runAnswers(
        store,
        questions,
        split.evaluated.map((e) => e.q.id),
        opts,
        answerMisses,
      )
    : undefined;

  return {
    questions: questions.length,
    inScope: split.inScope.length,
    outOfScope: split.outOfScope.length,
    notIndexed: split.notIndexed.length,
    evaluated: split.evaluated.length,
    k: opts.k,
    corpus: {
      dirs: store.dirs.map((d) => path.relative(ROOT, d) || '.'),
      documents: store.documents,
      chunks: store.chunks,
      laws: store.laws,
      ingestSeconds: round(store.ingestSeconds, 2),
    },
    systems,
    ...(noDiacritics ? { noDiacritics } : {}),
    ...(answers ? { answers } : {}),
    ...(opts.misses ? { misses } : {}),
    ...(opts.misses && answers ? { answerMisses } : {}),
    machine: machine(),
    timestamp: new Date().toISOString(),
  };
}

/** The chat path, question by question, each in a new conversation. */
async function runAnswers(
  store: EvalStore,
  questions: EvalQuestion[],
  evaluatedIds: string[],
  opts: EvalOptions,
  misses: AnswerMiss[],
): Promise<AnswerMetrics> {
  const { services } = store;
  const existing = new Set(
    (await services.db.query<{ k: string }>("select distinct document_id || '#' || lower(article) as k from chunks where article is not null")).rows.map(
      (r) => r.k,
    ),
  );
  const evaluated = new Set(evaluatedIds);
  const outcomes: AnswerOutcome[] = [];
  let done = 0;
  for (const q of questions) {
    const gold = new Set(goldOf(q).map((g) => articleKey(g.law, g.article)));
    const isGold = (c: { law: string | null; article: string }) => c.law !== null && gold.has(articleKey(c.law, c.article));
    const t0 = performance.now();
    let kind = 'error';
    let citations: (AnswerOutcome['citations'][number] & { clause: string | null })[] = [];
    try {
      const r = await respond(services, { message: q.question });
      kind = r.kind;
      citations = r.citations.map((c) => ({ law: c.document.number, documentId: c.document.id, article: c.article, clause: c.clause }));
    } catch {
      kind = 'error';
    }
    const ms = performance.now() - t0;
    const isEvaluated = evaluated.has(q.id);
    // Where retrieval alone put gold, to tell a retrieval miss from one of the chat path.
    const goldRank = isEvaluated
      ? firstGoldRank(
          (await services.retriever.search(q.question, { k: 10 })).hits.map((h) => ({ law: h.document.number, article: h.article })),
          goldOf(q),
        )
      : null;
    const citesGold = citations.some(isGold);
    const leadCitesGold = citations[0] !== undefined && isGold(citations[0]);
    outcomes.push({
      id: q.id,
      outOfScope: q.out_of_scope === true,
      evaluated: isEvaluated,
      kind,
      citations: citations.map(({ law, documentId, article }) => ({ law, documentId, article })),
      validCitations: citations.filter((c) => existing.has(`${c.documentId}#${String(c.article).toLowerCase()}`)).length,
      citesGold,
      leadCitesGold,
      goldRank,
      ms,
    });
    if (opts.misses && goldRank !== null && goldRank <= opts.missAt && !leadCitesGold) {
      misses.push({
        id: q.id,
        question: q.question.replace(/\s+/g, ' ').trim(),
        expected: rawGold(q),
        goldRank,
        kind,
        reason: kind === 'out_of_scope' ? 'refused' : kind === 'emergency' && !citesGold ? 'emergency' : citesGold ? 'gold only in Xem thêm' : 'gold not cited',
        cited: citations.map((c) => `${label(c.law, c.article)}${c.clause ? ` khoản ${c.clause}` : ''}${isGold(c) ? ' ★' : ''}`),
      });
    }
    opts.onProgress?.('answers', ++done, questions.length);
  }
  return summarizeAnswers(outcomes);
}

function rawGold(q: EvalQuestion): string[] {
  const raw = q.gold?.length ? q.gold : q.law ? (q.articles ?? []).map((article) => ({ law: q.law!, article })) : [];
  return raw.map((g) => label(g.law, String(g.article)));
}

export function machine(): EvalReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

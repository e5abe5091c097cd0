import { articleKey, goldOf, isOutOfScope, normalizeLaw, type EvalQuestion, type GoldArticle } from './questions.js';

/** One retrieved row, as both systems report it: which law, which article. */
export interface RankedArticle {
  law: string | null;
  article: string | null;
}

/** What one system did with one question. */
export interface Outcome {
  id: string;
  type: string;
  /** Gold laws of the question that are in the store (số hiệu as the store writes it). */
  laws: string[];
  /** 1-based rank of the first gold article among distinct articles; null when not retrieved. */
  rank: number | null;
  ms: number;
}

export interface Metrics {
  n: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
  p50Ms: number;
  p95Ms: number;
}

export interface Split {
  inScope: EvalQuestion[];
  outOfScope: EvalQuestion[];
  /** In-scope questions none of whose gold laws is in the store: cannot be answered from it. */
  notIndexed: EvalQuestion[];
  /** In-scope questions with at least one gold law in the store: the ones retrieval is scored on. */
  evaluated: { q: EvalQuestion; gold: GoldArticle[]; laws: string[] }[];
}

/** Sorts questions into out of scope, not indexed and evaluated, given the laws in the store. */
export function splitQuestions(questions: EvalQuestion[], storeLaws: Iterable<string>): Split {
  // Normalised số hiệu → as the store writes it, so reports show "144/2021/NĐ-CP".
  const laws = new Map([...storeLaws].map((l) => [normalizeLaw(l), l]));
  const split: Split = { inScope: [], outOfScope: [], notIndexed: [], evaluated: [] };
  for (const q of questions) {
    if (isOutOfScope(q)) {
      split.outOfScope.push(q);
      continue;
    }
    split.inScope.push(q);
    const gold = goldOf(q);
    const indexed = [...new Set(gold.map((g) => laws.get(g.law)).filter((l): l is string => l !== undefined))];
    if (indexed.length === 0) split.notIndexed.push(q);
    else split.evaluated.push({ q, gold, laws: indexed });
  }
  return split;
}

/** Distinct (law, article) keys in rank order; rows without an article (plan sections) keep their place. */
export function distinctArticles(rows: RankedArticle[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = r.law && r.article ? articleKey(r.law, r.article) : `#row${i}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(key);
  });
  return out;
}

/** 1-based rank of the first gold article among distinct articles, or null. */
export function firstGoldRank(rows: RankedArticle[], gold: GoldArticle[]): number | null {
  const want = new Set(gold.map((g) => articleKey(g.law, g.article)));
  const i = distinctArticles(rows).findIndex((k) => want.has(k));
  return i < 0 ? null : i + 1;
}

/** Nearest-rank percentile (no interpolation): the smallest value with at least p% at or below it. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const hitAt = (rank: number | null, k: number) => rank !== null && rank <= k;

export function summarize(outcomes: Outcome[]): Metrics {
  const n = outcomes.length;
  const share = (pred: (o: Outcome) => boolean) => (n ? round(outcomes.filter(pred).length / n) : 0);
  const ms = outcomes.map((o) => o.ms);
  return {
    n,
    recallAt1: share((o) => hitAt(o.rank, 1)),
    recallAt5: share((o) => hitAt(o.rank, 5)),
    recallAt10: share((o) => hitAt(o.rank, 10)),
    mrrAt10: n ? round(outcomes.reduce((s, o) => s + (hitAt(o.rank, 10) ? 1 / o.rank! : 0), 0) / n) : 0,
    p50Ms: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
  };
}

/** Metrics per group; an outcome may belong to several groups (a question citing two laws). */
export function summarizeBy(outcomes: Outcome[], keys: (o: Outcome) => string[]): Record<string, Metrics> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) for (const k of new Set(keys(o))) groups.set(k, [...(groups.get(k) ?? []), o]);
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, summarize(v)]));
}

export interface SystemReport extends Metrics {
  byLaw: Record<string, Metrics>;
  byType: Record<string, Metrics>;
}

export function systemReport(outcomes: Outcome[]): SystemReport {
  return {
    ...summarize(outcomes),
    byLaw: summarizeBy(outcomes, (o) => o.laws),
    byType: summarizeBy(outcomes, (o) => [o.type]),
  };
}

/** What the chat path did with one question. */
export interface AnswerOutcome {
  id: string;
  outOfScope: boolean;
  /** Evaluated in-scope question (a gold law is in the store). */
  evaluated: boolean;
  kind: string;
  citations: { law: string | null; documentId: string; article: string }[];
  /** Citations whose (document, article) exists in the store. */
  validCitations: number;
  citesGold: boolean;
  /** The answer's first citation (the khoản it answers from) is a gold article. */
  leadCitesGold: boolean;
  /** 1-based rank of the first gold article in a k = 10 search of the same question; null when not retrieved. */
  goldRank: number | null;
  ms: number;
}

export interface AnswerMetrics {
  n: number;
  citations: number;
  /** Share of all citations pointing to an article really in the store (null: no citation at all). */
  citationValidity: number | null;
  /** Share of evaluated in-scope answers citing at least one gold article. */
  citesGold: number;
  /** Share of evaluated in-scope answers whose first citation (the one the answer leads with) is gold. */
  leadCitesGold: number;
  /** Evaluated answers citing no gold article although retrieval had one in its top 5: lost by the chat path. */
  lostInTop5: number;
  /** Share of out-of-scope questions answered with kind out_of_scope. */
  outOfScopeRefusal: number | null;
  /** Share of evaluated in-scope questions answered with kind out_of_scope. */
  falseRefusal: number;
  /** Citations given in answers to out-of-scope questions (there should be none). */
  outOfScopeCitations: number;
  kinds: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
}

export function summarizeAnswers(outcomes: AnswerOutcome[]): AnswerMetrics {
  const evaluated = outcomes.filter((o) => o.evaluated);
  const oos = outcomes.filter((o) => o.outOfScope);
  const citations = outcomes.reduce((s, o) => s + o.citations.length, 0);
  const valid = outcomes.reduce((s, o) => s + o.validCitations, 0);
  const kinds: Record<string, number> = {};
  for (const o of outcomes) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  const share = (xs: AnswerOutcome[], pred: (o: AnswerOutcome) => boolean) => (xs.length ? round(xs.filter(pred).length / xs.length) : 0);
  const ms = outcomes.map((o) => o.ms);
  return {
    n: outcomes.length,
    citations,
    citationValidity: citations ? round(valid / citations) : null,
    citesGold: share(evaluated, (o) => o.citesGold),
    leadCitesGold: share(evaluated, (o) => o.leadCitesGold),
    lostInTop5: evaluated.filter((o) => !o.citesGold && o.goldRank !== null && o.goldRank <= 5).length,
    outOfScopeRefusal: oos.length ? share(oos, (o) => o.kind === 'out_of_scope') : null,
    falseRefusal: share(evaluated, (o) => o.kind === 'out_of_scope'),
    outOfScopeCitations: oos.reduce((s, o) => s + o.citations.length, 0),
    kinds,
    p50Ms: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ScoredChunk } from '../index/lexical-index.js';
import { FEATURES, candidateFeatures, type Candidate, type RankContext } from './features.js';

/**
 * The second stage: a linear model over the features of the first stage's top articles, trained at
 * build time from the project's own member phrasings (`npm run train:ranker`, scripts/train-ranker.ts)
 * and written as data (server/retrieval/data/ranker.json) so that a reviewer sees every weight.
 * Not applied by default: see docs/history/ranking.md, "A learned reranker", for what it measured.
 */

export const RANKER_FILE = path.resolve(import.meta.dirname, '../data/ranker.json');

const ModelSchema = z.object({
  /** How many of the first stage's articles are reordered. */
  depth: z.number().int().min(2).max(200),
  /** Per feature: its mean and standard deviation over the training candidates, and its weight. */
  features: z.array(z.object({ name: z.string(), mean: z.number(), scale: z.number().positive(), weight: z.number() })).min(1),
  training: z.record(z.string(), z.unknown()).optional(),
});

export type RankerModel = z.infer<typeof ModelSchema>;

export interface Ranker {
  readonly depth: number;
  /** The candidates reordered best first, each with a score on the first stage's scale. */
  rerank(ctx: RankContext, candidates: Candidate[]): ScoredChunk[];
}

/** Checks a model against the features this code computes: a stale file must not rank silently. */
export function parseModel(raw: unknown): RankerModel {
  const m = ModelSchema.parse(raw);
  const unknown = m.features.map((f) => f.name).filter((f) => !(FEATURES as readonly string[]).includes(f));
  if (unknown.length) throw new Error(`ranker model: unknown features ${unknown.join(', ')} — run npm run train:ranker`);
  return m;
}

export function createRanker(model: RankerModel): Ranker {
  // Weights in FEATURES order, standardisation folded in: score = Σ w·x + bias.
  const w = new Float64Array(FEATURES.length);
  let bias = 0;
  for (const f of model.features) {
    w[FEATURES.indexOf(f.name as (typeof FEATURES)[number])] = f.weight / f.scale;
    bias -= (f.weight * f.mean) / f.scale;
  }
  return {
    depth: model.depth,
    rerank(ctx, candidates) {
      if (candidates.length < 2) return candidates;
      const xs = candidateFeatures(ctx, candidates);
      const s = xs.map((x) => x.reduce((acc, v, k) => acc + w[k]! * v, bias));
      const order = candidates.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
      // The model is a softmax over the candidates, so exp(s − max) is each article's likelihood
      // relative to the first; scaled to the first stage's best score, the ratios the answerer
      // reads ("within 55 % of the top hit") keep their meaning.
      const top = candidates[0]!.score;
      const best = s[order[0]!]!;
      return order.map((i) => ({ index: candidates[i]!.index, score: top * Math.exp(s[i]! - best) }));
    },
  };
}

/** A model file written by npm run train:ranker. */
export function loadRanker(file = RANKER_FILE): Ranker {
  return createRanker(parseModel(JSON.parse(fs.readFileSync(file, 'utf8'))));
}

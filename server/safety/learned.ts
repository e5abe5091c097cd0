import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../../ingest/text/vietnamese.js';
import type { Assessment } from './assess.js';
import { withoutWrapping } from './closing.js';
import { DATA_DIR, tokenize } from './normalise.js';

/**
 * A learned backstop behind the danger rules (assess.ts). The rules read who, what and when and
 * explain every decision, but each batch of fresh messages still finds situations told in a way
 * no rule foresaw ("em để thư với sổ đỏ trong ngăn kéo, mọi người đừng tìm em nữa"). A logistic
 * model over the same cleaned syllables, trained at build time on every danger-now message of the
 * project's own safety sets against their past, general, off-topic and harmful look-alikes and the
 * members' legal asks of every article (`npm run train:danger`, scripts/train-danger-model.ts),
 * recognises the situation by its words where no rule fires.
 *
 * It may only raise a message to an emergency, never lower one, and never when the rules dated
 * every harm they read in the past ("năm ngoái", "hồi nhỏ"): time is what the rules read well and a
 * bag of words does not. Trained on the sets as they stood before each of passes 17–20 and scored
 * on the fresh messages each pass was written with, it caught 50 of the 76 dangers the rules then
 * missed, raising 2 false alarms among 362 past or general messages (docs/history/danger.md,
 * "A learned backstop behind the rules").
 */

export const DANGER_MODEL_FILE = path.join(DATA_DIR, 'danger-model.json');

export interface DangerModel {
  /** sha256 of the training examples, so a test can tell when the data moved on without it. */
  inputs: string;
  examples: { danger: number; other: number };
  /** Probability at or above which a message the rules left below an emergency is raised. */
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

/**
 * Folded syllables as the danger rules clean them (shorthand expanded, slips and invisible
 * characters undone) and every adjacent pair, each once: "đang đánh" and "đánh năm ngoái" are
 * different evidence from "đánh" alone.
 */
export function dangerFeatures(message: string): string[] {
  const syl = withoutWrapping(tokenize(message, { turns: false })).map((t) => fold(t.text));
  const out = new Set(syl);
  for (let i = 0; i + 1 < syl.length; i++) out.add(`${syl[i]} ${syl[i + 1]}`);
  return [...out];
}

export function probability(model: Pick<DangerModel, 'bias' | 'weights'>, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

let loaded: DangerModel | null | undefined;
/** The committed model, read once, or null when none has been trained (the rules then decide alone). */
export function loadDangerModel(): DangerModel | null {
  loaded ??= fs.existsSync(DANGER_MODEL_FILE) ? (JSON.parse(fs.readFileSync(DANGER_MODEL_FILE, 'utf8')) as DangerModel) : null;
  return loaded;
}

/**
 * The rules' assessment, raised to an emergency when the model reads danger now with confidence
 * and the rules did not put every harm in the past. The rules' who, what and needs are kept: the
 * numbers offered still follow what they read (a child, an injury).
 */
export function withLearned(rules: Assessment, message: string, model: DangerModel | null = loadDangerModel()): Assessment {
  if (!model || rules.level === 'emergency' || rules.when === 'past') return rules;
  if (probability(model, dangerFeatures(message)) < model.threshold) return rules;
  return { ...rules, level: 'emergency', rule: 'learned' };
}

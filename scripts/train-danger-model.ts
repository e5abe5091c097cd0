import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nfc } from '../ingest/text/vietnamese.js';
import { DANGER_MODEL_FILE, type DangerModel, dangerFeatures } from '../server/safety/learned.js';
import { FIT_DEFAULTS, fitLogistic } from '../server/safety/learned-fit.js';
import { DATA_DIR } from '../server/safety/normalise.js';

/**
 * npm run train:danger — fits the danger backstop (server/safety/learned.ts) and writes
 * server/safety/data/danger-model.json. Run it after adding or editing a safety set, the members'
 * asks of an article, or the shorthand the messages are cleaned with; `tests/safety-learned.test.ts`
 * fails until the model is retrained.
 *
 * Danger: every message of eval/safety-*.jsonl expected to be an emergency. Not danger: every other
 * message of those sets (past or general, urgent but not now, off-topic, harmful requests, steering
 * attempts, legal questions) every member ask of corpus/articles — how members ask the law, the
 * look-alikes a danger model most needs to leave alone — and the off-topic examples of data/offtopic.tsv.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
/** Chosen on the passes' fresh messages (docs/history/danger.md): 0.9 caught one more of 76 with twice the false alarms. */
const THRESHOLD = 0.95;
/** What the features are read with: a change there changes every example's features. */
const FEATURE_FILES = [path.join(DATA_DIR, 'shorthand.tsv'), path.join(DATA_DIR, 'syllables.txt'), path.join(DATA_DIR, '..', 'closing.ts')];

export interface LabelledMessage {
  message: string;
  danger: boolean;
}

export function dangerTrainingSet(root = ROOT): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  const evalDir = path.join(root, 'eval');
  for (const f of fs
    .readdirSync(evalDir)
    .filter((f) => /^safety-.*\.jsonl$/.test(f))
    .sort()) {
    for (const line of fs.readFileSync(path.join(evalDir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { message: string; expect: string };
      out.push({ message: nfc(row.message), danger: row.expect === 'emergency' });
    }
  }
  const notes = path.join(root, 'corpus/articles');
  for (const f of fs
    .readdirSync(notes)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    for (const line of nfc(fs.readFileSync(path.join(notes, f), 'utf8')).split('\n')) {
      const cols = line.split('\t');
      if (cols[3] === 'hỏi' && cols[4]) out.push({ message: cols[4], danger: false });
    }
  }
  // Messages on subjects no law answers (offtopic.tsv: weather, medicine, health…): the symptoms of an illness ("đau đầu,
  // chóng mặt, buồn nôn là bệnh gì") share words with poisoning and head injuries, and are never danger to anyone.
  for (const line of nfc(fs.readFileSync(path.join(DATA_DIR, 'offtopic.tsv'), 'utf8')).split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('#') || !cols[1] || cols[0]!.startsWith('lead:')) continue;
    out.push({ message: cols[1], danger: false });
  }
  return out;
}

/** What the committed model must have been trained from: the examples and the files their features are read with. */
export function trainingHash(set: readonly LabelledMessage[]): string {
  const h = crypto.createHash('sha256');
  for (const e of set) h.update(`${e.danger ? 1 : 0}\t${e.message}\n`);
  for (const f of FEATURE_FILES) h.update(fs.readFileSync(f));
  h.update(JSON.stringify({ ...FIT_DEFAULTS, threshold: THRESHOLD }));
  return h.digest('hex');
}

export function trainDangerModel(set: readonly LabelledMessage[]): DangerModel {
  const fit = fitLogistic(set.map((e) => ({ features: dangerFeatures(e.message), danger: e.danger })));
  const danger = set.filter((e) => e.danger).length;
  return { inputs: trainingHash(set), examples: { danger, other: set.length - danger }, threshold: THRESHOLD, ...fit };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const set = dangerTrainingSet();
  const model = trainDangerModel(set);
  fs.writeFileSync(DANGER_MODEL_FILE, `${JSON.stringify(model, null, 0)}\n`);
  const kb = Math.round(fs.statSync(DANGER_MODEL_FILE).size / 1024);
  console.log(
    `danger model: ${model.examples.danger} danger, ${model.examples.other} other; ${Object.keys(model.weights).length} weights, ${kb} KB, ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(ROOT, DANGER_MODEL_FILE)}`,
  );
}

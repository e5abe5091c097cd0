import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestions } from '../eval/questions.js';
import { runEval, type EvalReport } from '../eval/run.js';
import { buildEvalStore, defaultCorpusDirs, DEFAULT_QUESTIONS, type EvalStore } from '../eval/store.js';

/**
 * The development question set as a regression floor: real measured figures (README "Quality
 * and speed"), with a small margin. Raise the floors when retrieval improves; never lower them
 * to make a change pass. The questions are read from ../shared/eval, never copied here.
 */
const FLOORS = {
  recallAt5: 0.93,
  mrrAt10: 0.79,
  personaRecallAt5: 0.91,
  noDiacriticsRecallAt5: 0.93,
  noDiacriticsMrrAt10: 0.78,
  citationValidity: 1,
  outOfScopeRefusal: 1,
  falseRefusalMax: 0.05,
};

const available = fs.existsSync(DEFAULT_QUESTIONS);
let store: EvalStore;
let report: EvalReport;

describe.skipIf(!available)('dev question set (offline defaults)', () => {
  beforeAll(async () => {
    store = await buildEvalStore(defaultCorpusDirs());
    const questions = parseQuestions(fs.readFileSync(DEFAULT_QUESTIONS, 'utf8'));
    report = await runEval(store, questions, { k: 10, stripDiacritics: true, answers: true, misses: false, missAt: 5 });
  }, 600_000);
  afterAll(async () => store?.close());

  it('retrieves the gold article in the top 5 and ranks it high', () => {
    const ours = report.systems['hieu-luat'];
    expect(ours.recallAt5).toBeGreaterThanOrEqual(FLOORS.recallAt5);
    expect(ours.mrrAt10).toBeGreaterThanOrEqual(FLOORS.mrrAt10);
    // Better than plain BM25 over the same chunks, measured in the same run.
    expect(ours.recallAt5).toBeGreaterThan(report.systems.bm25.recallAt5);
  });

  it('understands colloquial phone-typed questions and questions without dấu', () => {
    expect(report.systems['hieu-luat'].byType?.persona?.recallAt5).toBeGreaterThanOrEqual(FLOORS.personaRecallAt5);
    expect(report.noDiacritics!['hieu-luat'].recallAt5).toBeGreaterThanOrEqual(FLOORS.noDiacriticsRecallAt5);
    expect(report.noDiacritics!['hieu-luat'].mrrAt10).toBeGreaterThanOrEqual(FLOORS.noDiacriticsMrrAt10);
  });

  it('cites only real articles, refuses out-of-scope questions and few others', () => {
    const a = report.answers!;
    expect(a.citationValidity).toBeGreaterThanOrEqual(FLOORS.citationValidity);
    expect(a.outOfScopeRefusal).toBeGreaterThanOrEqual(FLOORS.outOfScopeRefusal);
    expect(a.falseRefusal).toBeLessThanOrEqual(FLOORS.falseRefusalMax);
  });
});

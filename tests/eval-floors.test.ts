import { describe, expect, it } from 'vitest';
import { belowFloors, FLOORS } from '../eval/floors.js';
import type { EvalReport } from '../eval/run.js';

/** A report with the figures that matter to the floors; the rest is irrelevant here. */
function report(
  ours: { r5: number; mrr: number; persona: number; nd5: number; ndMrr: number },
  answers = { citationValidity: 1, outOfScopeRefusal: 1, falseRefusal: 0 },
): EvalReport {
  const sys = (r5: number, mrr: number, persona?: number) => ({
    recallAt5: r5,
    mrrAt10: mrr,
    byType: persona === undefined ? {} : { persona: { recallAt5: persona } },
  });
  return {
    systems: { 'hieu-luat': sys(ours.r5, ours.mrr, ours.persona), bm25: sys(0.7, 0.5) },
    noDiacritics: { 'hieu-luat': sys(ours.nd5, ours.ndMrr), bm25: sys(0.7, 0.5) },
    answers,
  } as unknown as EvalReport;
}

describe('npm run eval -- --check floors', () => {
  it('passes a report at the floors', () => {
    expect(
      belowFloors(
        report({
          r5: FLOORS.recallAt5,
          mrr: FLOORS.mrrAt10,
          persona: FLOORS.personaRecallAt5,
          nd5: FLOORS.noDiacriticsRecallAt5,
          ndMrr: FLOORS.noDiacriticsMrrAt10,
        }),
      ),
    ).toEqual([]);
  });

  it('names every floor a report falls below', () => {
    const out = belowFloors(
      report({ r5: 0.5, mrr: 0.9, persona: 0.2, nd5: 0.99, ndMrr: 0.1 }, { citationValidity: 0.9, outOfScopeRefusal: 1, falseRefusal: 0.2 }),
    );
    expect(out).toEqual([
      `Recall@5: 0.500 < ${FLOORS.recallAt5}`,
      `persona Recall@5: 0.200 < ${FLOORS.personaRecallAt5}`,
      `không dấu MRR@10: 0.100 < ${FLOORS.noDiacriticsMrrAt10}`,
      "Recall@5 0.5 is not above plain BM25's 0.7",
      `citation validity: 0.900 < ${FLOORS.citationValidity}`,
      `false refusal: 0.200 > ${FLOORS.falseRefusalMax}`,
    ]);
  });

  it('counts a figure that was not measured as a failure', () => {
    const r = report({ r5: 0.99, mrr: 0.99, persona: 0.99, nd5: 0.99, ndMrr: 0.99 });
    delete r.noDiacritics;
    expect(belowFloors(r)).toEqual([
      `không dấu Recall@5: not measured (floor ${FLOORS.noDiacriticsRecallAt5})`,
      `không dấu MRR@10: not measured (floor ${FLOORS.noDiacriticsMrrAt10})`,
    ]);
  });
});

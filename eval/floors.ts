import type { EvalReport } from './run.js';

/**
 * The development set's regression floors (`npm run eval -- --check`): real measured figures
 * with a small margin. Raise them when retrieval improves; never lower one to let a change pass —
 * and decide whether a change generalises on the blind set, not here.
 */
export const FLOORS = {
  recallAt5: 0.95,
  mrrAt10: 0.87,
  personaRecallAt5: 0.94,
  noDiacriticsRecallAt5: 0.95,
  noDiacriticsMrrAt10: 0.87,
  citationValidity: 1,
  outOfScopeRefusal: 1,
  falseRefusalMax: 0.05,
};

/** Every floor the report falls below, as a readable line; empty when all hold. */
export function belowFloors(report: EvalReport): string[] {
  const ours = report.systems['hieu-luat'];
  const out: string[] = [];
  const atLeast = (name: string, value: number | null | undefined, floor: number) => {
    if (value === undefined || value === null) out.push(`${name}: not measured (floor ${floor})`);
    else if (value < floor) out.push(`${name}: ${value.toFixed(3)} < ${floor}`);
  };
  atLeast('Recall@5', ours.recallAt5, FLOORS.recallAt5);
  atLeast('MRR@10', ours.mrrAt10, FLOORS.mrrAt10);
  atLeast('persona Recall@5', ours.byType?.persona?.recallAt5, FLOORS.personaRecallAt5);
  atLeast('không dấu Recall@5', report.noDiacritics?.['hieu-luat'].recallAt5, FLOORS.noDiacriticsRecallAt5);
  atLeast('không dấu MRR@10', report.noDiacritics?.['hieu-luat'].mrrAt10, FLOORS.noDiacriticsMrrAt10);
  if (ours.recallAt5 <= report.systems.bm25.recallAt5) out.push(`Recall@5 ${ours.recallAt5} is not above plain BM25's ${report.systems.bm25.recallAt5}`);
  const a = report.answers;
  atLeast('citation validity', a?.citationValidity, FLOORS.citationValidity);
  atLeast('out-of-scope refusal', a?.outOfScopeRefusal, FLOORS.outOfScopeRefusal);
  if (a && a.falseRefusal > FLOORS.falseRefusalMax) out.push(`false refusal: ${a.falseRefusal.toFixed(3)} > ${FLOORS.falseRefusalMax}`);
  return out;
}

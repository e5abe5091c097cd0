import type { ScoredChunk } from '../index/lexical-index.js';
import { HEAD } from './head.js';

/**
 * Weight of the change in meaning (placed − own cosine, each scaled to its best) within the first
 * five; the meaning stage's own weight is 0.3. Chosen on the member probes (1,974 questions; MRR at
 * 0.15 / 0.3 / 0.6 / 0.9 / 1.5: 0.8328 / 0.8325 / 0.8331 / 0.8325 / 0.8321; dev MRR 0.902 up to 0.9,
 * 0.886 at 1.5), then checked blind: R@1 0.683 → 0.708, MRR 0.782 → 0.795, R@5 and answers kept.
 */
export const DIVISION_HEAD_WEIGHT = 0.6;

/**
 * The order within the first HEAD articles, never which articles they are, with each article's
 * meaning taken as it stands in its law: an article's own title often leaves out the topic its
 * chapter or section names ("Thời gian hưởng chế độ khi sinh con" under "CHẾ ĐỘ THAI SẢN"), so the
 * first five are ordered as if the meaning space also knew each article's division
 * (assoc/index.ts, `placed`). Which five stays the decision of the article's own text and notes.
 *
 * Why only the first five (docs/history/ranking.md, "Stop 53"): division titles in the ranking
 * itself — in the title field, or in the meaning space — lifted the blind set's first places but
 * lost a fifth place and an answer (R@5 0.908 → 0.900); here R@5 and R@10 stay by construction.
 * The lowest division only, and none that names no topic (general provisions, entry into force) or
 * a foreign element (rank/foreign.ts reads that).
 *
 * `shift`: by article row (`rowOf`, chunk → row), the change of meaning in the meaning stage's
 * units (assoc/index.ts, placedShift); `unit`: what one such unit is worth in `top`'s scores.
 */
export function orderHeadByDivision(top: ScoredChunk[], shift: ReadonlyMap<number, number>, rowOf: Int32Array, unit: number): ScoredChunk[] {
  if (top.length < 2 || unit <= 0) return top;
  const first = top.slice(0, HEAD);
  const head = first.map((r) => ({ index: r.index, by: r.score + unit * (shift.get(rowOf[r.index]!) ?? 0) }));
  head.sort((a, b) => b.by - a.by);
  // The head's own scores, in their order, go to the new order: the division decides which comes
  // first, never the gaps that the later stages and the answer weigh (answer/plain/units.ts scales
  // each article's units by its score against the first's). Adding the shift to the scores instead
  // moved answers both ways ("chồng giữ hết lương…, có sai luật ko" lost PCBLGĐ Điều 3 khoản 1 điểm
  // o to a decree's remedy with the same first five): dev answers leading with gold 87.4 → 86.2 %.
  const scores = first.map((r) => r.score).sort((a, b) => b - a);
  return [...head.map((h, i) => ({ index: h.index, score: scores[i]! })), ...top.slice(HEAD)];
}

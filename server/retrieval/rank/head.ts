import { asksAnotherAnswer, wantsOf, type Want } from '../../answer/plain/intent.js';
import { type CorpusIndex, phrasingsInOrder } from '../index/corpus-index.js';
import type { DocumentFilter, IndexParams, ScoredChunk } from '../index/lexical-index.js';

/**
 * The order within the first HEAD articles, never which articles they are. A member phrasing that
 * asks for another kind of answer than hers matches her situation as closely as one asking what she
 * asks, but answers another question: "chồng giữ hết lương của vợ bị phạt bao nhiêu" when she asks
 * whether it is against the law, "sinh con được hưởng bao nhiêu tiền" when she asks how long. The
 * first articles are reordered as if such phrasings were not in the phrasing match (each article
 * matched by its other phrasings); what a question or phrasing asks for is the answer's own reading
 * (answer/plain/intent.ts). A sanction she did not ask about lifted blind R@1 0.675 → 0.683; every
 * other kind as well, MRR 0.769 → 0.770 (dev unchanged, laws without notes MRR 0.650 → 0.655).
 * Leaving such phrasings out of the whole ranking cost R@5 (0.892 → 0.883); within the first five,
 * R@5 and R@10 stay as they are by construction.
 */
export const HEAD = 5;

export interface HeadContext {
  idx: CorpusIndex;
  question: string;
  weights: Map<string, number>;
  accept: DocumentFilter;
  params: IndexParams;
  /** The phrasing weight withPhrasings added (hybrid.ts). */
  phrasingWeight: number;
  /** What one unit of the phrasing stage's score is worth in `top`'s scores (the later stages rescale). */
  scale: number;
}

export function reorderHead(ctx: HeadContext, top: ScoredChunk[]): ScoredChunk[] {
  const { idx, weights, accept, params, phrasingWeight: w } = ctx;
  if (top.length < 2 || w <= 0 || !idx.phrasings.n) return top;
  const { groups, asking } = otherAnswerPhrasings(idx, wantsOf(ctx.question));
  const head = top.slice(0, HEAD);
  const articles = head.map((r) => idx.articleOfChunk[r.index]!);
  if (!articles.some((a) => asking.has(a))) return top;
  const full = idx.phrasings.bestPerGroup(weights, accept, idx.articleOfPhrasing, articles, params);
  if (full.top <= 0) return top;
  const rest = idx.phrasings.bestPerGroup(weights, accept, groups, articles, params);
  const rescored = head.map((r, i) => {
    const a = articles[i]!;
    const before = (w * (full.best.get(a) ?? 0)) / full.top;
    const after = rest.top > 0 ? (w * (rest.best.get(a) ?? 0)) / rest.top : 0;
    return { index: r.index, score: r.score + ctx.scale * (after - before) };
  });
  rescored.sort((a, b) => b.score - a.score);
  return [...rescored, ...top.slice(HEAD)];
}

interface SanctionPhrasings {
  /** Phrasing → its article, −1 for the phrasings that ask for another kind of answer. */
  groups: Int32Array;
  /** Articles with at least one such phrasing. */
  asking: Set<number>;
}

const kept = new WeakMap<CorpusIndex, Map<string, SanctionPhrasings>>();
const phrasingWants = new WeakMap<CorpusIndex, Want[][]>();

function otherAnswerPhrasings(idx: CorpusIndex, qw: Want[]): SanctionPhrasings {
  let byWants = kept.get(idx);
  if (!byWants) kept.set(idx, (byWants = new Map()));
  const key = [...qw].sort().join(',');
  let s = byWants.get(key);
  if (!s) {
    let wants = phrasingWants.get(idx);
    if (!wants) phrasingWants.set(idx, (wants = phrasingTexts(idx).map((t) => wantsOf(t))));
    const groups = Int32Array.from(idx.articleOfPhrasing);
    const asking = new Set<number>();
    for (let i = 0; i < groups.length; i++) {
      if (!asksAnotherAnswer(wants[i]!, qw)) continue;
      if (groups[i]! >= 0) asking.add(groups[i]!);
      groups[i] = -1;
    }
    byWants.set(key, (s = { groups, asking }));
  }
  return s;
}

/** The phrasings' texts by their number in the phrasing index. */
function phrasingTexts(idx: CorpusIndex): string[] {
  return Array.from(phrasingsInOrder(idx.notes), (p) => p.text);
}

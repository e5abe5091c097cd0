import { fold } from '../../../ingest/text/vietnamese.js';
import type { IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { lowerWhere } from './lower.js';

/**
 * An article on inheritance shares the words of a living family's question and adds a death:
 * "vợ chồng ly thân 2 năm rồi chồng có con riêng với người khác thì em có đòi được gì không" had
 * led with BLDS Điều 655 (inheritance when spouses were divorcing or had remarried). Unless she
 * names a death, a will, an estate or something left to someone, the chunks of a division on
 * inheritance (a part or chapter titled "THỪA KẾ", `chunks.path`) lose this share of the best
 * score, as a children's law does when she names no child (children.ts). Measured against 0:
 * member probes 1–6 MRR +0.001, −0.003 (one question reordered by the contrast stage), +0.002,
 * +0.007, 0, +0.003, probe 7 R@5 0.935 → 0.941; dev, blind and held-out phrasings unchanged; 0.2
 * measured the same.
 */
export const INHERITANCE_UNASKED_PENALTY = 0.1;

/**
 * Folded words naming a death, a will, an estate or what someone leaves. Over-inclusive on purpose
 * ("mất" is also "mất việc", "hưởng" also "hưởng lương"): a miss only leaves the order as it was.
 */
const DEATH_WORDS =
  /\b(thua ke|di chuc|di san|chet|mat|qua doi|tu tran|khuat|hi sinh|de lai|huong|gia tai|chuc thu|(tai san|dat|nha|tien|so do) cua (bo|me|cha|ong|ba|chong|vo))\b/;

/** Whether the question names a death, a will, an estate or an inheritance. */
export function namesDeath(question: string): boolean {
  return DEATH_WORDS.test(fold(question.normalize('NFC').toLowerCase()));
}

/**
 * `ranked` with INHERITANCE_UNASKED_PENALTY of the best score taken from every chunk in a division
 * on inheritance, when the question names no death; unchanged (the same array) otherwise.
 */
export function withoutInheritanceUnasked(
  chunks: readonly IndexedChunk[],
  ranked: ScoredChunk[],
  question: string,
  penalty = INHERITANCE_UNASKED_PENALTY,
): ScoredChunk[] {
  if (penalty <= 0 || !ranked.length || namesDeath(question)) return ranked;
  return lowerWhere(ranked, penalty, (i) => chunks[i]!.inheritance === true);
}

import { fold } from '../../../ingest/text/vietnamese.js';
import type { LexicalIndex, ScoredChunk } from '../index/lexical-index.js';
import { liftWhere } from './lower.js';
import { sanctionAsked, statesSanctionAt } from './sanction.js';

/**
 * Asked whether what happens to her counts as an act the law names ("như vậy có phải là bạo lực gia
 * đình không", "có phải bóc lột không"), the article listing those acts ("Hành vi bạo lực gia đình")
 * answers her, while a decree's article fining one of them ("Hành vi bạo lực về kinh tế") or a duty
 * about it shares her words as closely. An article whose title lists acts ("Hành vi …", "Các hành vi
 * …", IndexedChunk.acts) and that states no sanction gains this share of the best score, unless she
 * asks a sanction. Measured against 0 (stop 49): probe 1 MRR 0.825 → 0.828, probe 9 0.827 → 0.831,
 * probe 2 0.817 → 0.816, dev, the other probes and blind unchanged; 0.1 moved probes 1 and 9 less
 * and left "chồng hay đập phá đồ đạc khi say, có phải bạo lực không" with a decree's fine first.
 */
export const COUNTS_AS_BONUS = 0.3;

const ASKS_COUNTS_AS = /\bco phai (la )?(hanh vi )?(bao luc|xam hai|boc lot|quay roi|nguoc dai|hanh ha|mua ban|phan biet|cuong buc|cuong ep|dam o)\b/;

/** Whether she asks if something counts as an act the law names. */
export function asksCountsAs(question: string): boolean {
  return ASKS_COUNTS_AS.test(fold(question.normalize('NFC').toLowerCase()));
}

/** `ranked` with the bonus added to the articles listing acts and stating no sanction, when she asks; the same array otherwise. */
export function withCountsAsAsked(lex: LexicalIndex, ranked: ScoredChunk[], question: string, bonus = COUNTS_AS_BONUS): ScoredChunk[] {
  if (bonus <= 0 || !ranked.length || !asksCountsAs(question) || sanctionAsked(question) > 0) return ranked;
  return liftWhere(ranked, bonus, (i) => lex.chunks[i]!.acts === true && !statesSanctionAt(lex, i));
}

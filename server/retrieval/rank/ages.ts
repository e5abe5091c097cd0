import { fold } from '../../../ingest/text/vietnamese.js';
import type { IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { lowerWhere } from './lower.js';

/**
 * The Criminal Code tells some offences twice, once for every victim and once for a child of an
 * age its title names: "Tội hiếp dâm" and "Tội hiếp dâm người dưới 16 tuổi", "Tội cưỡng dâm" and
 * "… người từ đủ 13 tuổi đến dưới 16 tuổi", "Tội mua bán người" and "… người dưới 16 tuổi". Both
 * twins share her words, and the victim's age decides. When she names an age ("bé 12 tuổi", "con
 * gai e 19 tuoi"), the twin her age does not fit loses this share of the best score: the child's
 * offence when the age is outside its bracket, the general one when the age is inside its twin's.
 * The youngest age she names counts: the victim is told beside the offender ("thằng 20 tuổi … con
 * gái tôi 15 tuổi"). Only lowering, and only twins: lifting every article whose bracket holds her
 * age lifted "Tội giao cấu … từ đủ 13 tuổi đến dưới 16 tuổi" over the Labour Code for "con 14 tuổi
 * muốn đi làm quán ăn", and the Labour Code's "người chưa đủ 15 tuổi làm việc" over the children's
 * law for a child made to work (member probe 4).
 */
export const AGE_TWIN_PENALTY = 0.1;

/** [from, below) in years; from 0 when the title only says "dưới" / "chưa đủ". */
export type AgeBracket = readonly [number, number];

const BRACKET = /(?:\s+nguoi)?(?:\s+tu du (\d+) tuoi den)?\s+(?:duoi|chua du) (\d+) tuoi$/;

/**
 * The age bracket an offence's title states at its end, with the title of its twin for every
 * victim as folded ("tội hiếp dâm người dưới 16 tuổi" → [0, 16), "toi hiep dam"), or null. A
 * title that is no offence, months ("dưới 06 tháng tuổi") and words without a number state none.
 */
export function titleAgeBracket(title: string | null | undefined): { ages: AgeBracket; twin: string[] } | null {
  if (!title) return null;
  const f = fold(title.normalize('NFC').toLowerCase()).trim();
  if (!f.startsWith('toi ')) return null;
  const m = BRACKET.exec(f);
  if (!m) return null;
  const base = f.slice(0, m.index);
  // "Tội mua bán người dưới 16 tuổi" is the twin of "Tội mua bán người": "người" may be the act's own word.
  const twin = m[0].trimStart().startsWith('nguoi') ? [base, `${base} nguoi`] : [base];
  return { ages: [m[1] ? Number(m[1]) : 0, Number(m[2])], twin };
}

/** Folded title of an article, as titleAgeBracket compares twins. */
export function foldedTitle(title: string | null | undefined): string {
  return title ? fold(title.normalize('NFC').toLowerCase()).trim() : '';
}

/** The youngest age in years she names ("12 tuổi", "15t"), or null. */
export function youngestAgeNamed(question: string): number | null {
  const f = fold(question.normalize('NFC').toLowerCase());
  let youngest: number | null = null;
  // The number right before "tuổi": "06 tháng tuổi" (months) never matches.
  for (const m of f.matchAll(/\b(\d{1,2}) ?(?:tuoi|t\b)/g)) {
    const age = Number(m[1]);
    if (youngest === null || age < youngest) youngest = age;
  }
  return youngest;
}

/**
 * `ranked` with AGE_TWIN_PENALTY of the best score taken from the twin her age does not fit (see
 * above); unchanged (the same array) when she names no age or no candidate has a twin.
 */
export function withAgeTwins(chunks: readonly IndexedChunk[], ranked: ScoredChunk[], question: string, penalty = AGE_TWIN_PENALTY): ScoredChunk[] {
  if (penalty <= 0 || !ranked.length) return ranked;
  if (!ranked.some((r) => chunks[r.index]!.ages || chunks[r.index]!.twinAges)) return ranked;
  const age = youngestAgeNamed(question);
  if (age === null) return ranked;
  const inside = (b: readonly [number, number]) => age >= b[0] && age < b[1];
  return lowerWhere(ranked, penalty, (i) => {
    const c = chunks[i]!;
    return (c.ages !== undefined && !inside(c.ages)) || (c.twinAges !== undefined && inside(c.twinAges));
  });
}

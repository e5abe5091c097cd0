import type { CitedArticle } from '../cited.js';
import type { LexicalIndex, ScoredChunk } from '../index/lexical-index.js';

/**
 * The law she names comes first, in a measured way: its candidates gain this share of the best
 * score, as the other priors take one (foreign.ts), not a filter — she may name the wrong law
 * ("luật hôn nhân" of a question the labour code answers). Measured in docs/history/ranking.md ("The law she names").
 */
export const NAMED_LAW_SHARE = 0.2;

/**
 * `ranked` with NAMED_LAW_SHARE of the best score added to every chunk of a document she names;
 * unchanged (the same array) when she names none.
 */
export function withNamedLaw(lex: LexicalIndex, ranked: ScoredChunk[], documents: ReadonlySet<string>, share = NAMED_LAW_SHARE): ScoredChunk[] {
  if (share <= 0 || !documents.size || !ranked.length) return ranked;
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  const add = share * top;
  return ranked.map((r) => (documents.has(lex.chunks[r.index]!.documentId) ? { index: r.index, score: r.score + add } : r));
}

/** Chunk positions of each article, by document and article key; built once per index. */
const chunksByArticle = new WeakMap<LexicalIndex, Map<string, number[]>>();

function articleChunks(lex: LexicalIndex, a: Pick<CitedArticle, 'documentId' | 'article'>): number[] {
  let m = chunksByArticle.get(lex);
  if (!m) {
    m = new Map();
    lex.chunks.forEach((c, i) => {
      const k = `${c.documentId}\u0000${c.articleKey}`;
      const list = m!.get(k);
      if (list) list.push(i);
      else m!.set(k, [i]);
    });
    chunksByArticle.set(lex, m);
  }
  return m.get(`${a.documentId}\u0000${a.article}`) ?? [];
}

/**
 * She names a law and its article, and the library has it: that article is the first hit, whatever
 * its words share with the rest of her message ("điều 51 luật hôn nhân và gia đình nói gì" has no
 * word of "Quyền yêu cầu giải quyết ly hôn"). Here its chunks are made candidates at the best score,
 * so that the first articles hold it (namedArticlesFirst puts it first at the end); the best score
 * itself is unchanged, which the head's scale reads (rank/head.ts). An article the library does not
 * hold changes nothing: only the law's prior then applies.
 */
export function withNamedArticles(
  lex: LexicalIndex,
  ranked: ScoredChunk[],
  articles: readonly CitedArticle[],
  accept: (documentId: string) => boolean,
): ScoredChunk[] {
  const named = new Set(articles.filter((a) => accept(a.documentId)).flatMap((a) => articleChunks(lex, a)));
  if (!named.size) return ranked;
  let top = 0;
  for (const r of ranked) if (r.score > top) top = r.score;
  const out = ranked.map((r) => (named.has(r.index) ? { index: r.index, score: Math.max(r.score, top) } : r));
  const present = new Set(ranked.map((r) => r.index));
  for (const i of named) if (!present.has(i)) out.push({ index: i, score: top });
  return out;
}

/**
 * The named articles first in the final list (the head's reordering, rank/head.ts, and a ranker
 * order the first five by her words, which a bare "điều 51 …" barely has); the rest keep their order.
 */
export function namedArticlesFirst(lex: LexicalIndex, top: ScoredChunk[], articles: readonly CitedArticle[]): ScoredChunk[] {
  if (!articles.length) return top;
  const isNamed = (r: ScoredChunk) => {
    const c = lex.chunks[r.index]!;
    return articles.some((a) => a.documentId === c.documentId && a.article === c.articleKey);
  };
  const first = top.filter(isNamed);
  return first.length ? [...first, ...top.filter((r) => !isNamed(r))] : top;
}

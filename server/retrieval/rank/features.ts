import { noteKey, type CorpusIndex } from '../index/corpus-index.js';
import { FIELDS, type IndexParams, type IndexedChunk, type ScoredChunk } from '../index/lexical-index.js';
import type { AnalyzedQuery } from '../query.js';

/**
 * What the reranker knows about each candidate article: numbers that say *how* the question
 * matched it, each on a scale that does not depend on the question's length or the library's
 * size (a share of the question's weight, a ratio to the best candidate, a log rank), so one set
 * of learned weights serves every question and every library — uploads included.
 */

export const FEATURES = [
  // The first stage's own verdict (BM25F fused with the best phrasing): score ratio and rank.
  'first_ratio',
  'first_rank',
  // BM25F of the article's best chunk alone, against the best candidate and as a share of the
  // question's weight (how much of what she asked this chunk holds at all).
  'bm25f_ratio',
  'bm25f_share',
  // Each field scored on its own: the law's words, the article's title, the member field.
  'body_share',
  'title_share',
  'member_share',
  // Her own words against the thesaurus's: a match made only by expansions is weaker evidence.
  'own_share',
  'expansion_share',
  // The single member phrasing closest to the question, and how many of the article's agree.
  'phrasing_share',
  'phrasing_ratio',
  'phrasing_top3_share',
  'phrasing_count',
  'phrasing_rank',
  'has_notes',
  // IDF share of her content syllables the chunk contains, in any field / in the title; of her
  // adjacent pairs (a phrase kept together, not scattered syllables).
  'coverage',
  'title_coverage',
  'pair_coverage',
  // The rest of the article: other chunks matching, and how strongly.
  'article_chunks',
  'article_second',
  // Which law the question is about: the document's share of the first stage's top scores.
  'law_share',
  'law_rank',
  // Kind of text and its size.
  'is_law',
  'is_decree',
  'general_article',
  'body_length',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface RankContext {
  idx: CorpusIndex;
  query: AnalyzedQuery;
  /** Query term → weight before IDF, as the first stage scored it. */
  weights: Map<string, number>;
  /** The first stage's BM25F ranking of chunks (before the phrasing and vector fusions). */
  lexical: ScoredChunk[];
  accept: (c: IndexedChunk) => boolean;
  params: IndexParams;
}

/** A candidate: the best chunk of one article, with the first stage's fused score. */
export type Candidate = ScoredChunk;

// How deep the law-routing vote looks into the BM25F ranking: a handful of articles per law.
const ROUTING_DEPTH = 30;
// Rank given to an article the phrasing index did not find at all.
const ABSENT_RANK = 100;
// Framework articles ("Phạm vi điều chỉnh", "Giải thích từ ngữ"…) match many questions by their
// many words and rarely answer one; recognised by the title field's pairs of syllables.
const GENERAL_TITLES = [
  ['phamvi', 'dieuchinh'],
  ['doituong', 'apdung'],
  ['giaithich', 'tungu'],
  ['hieuluc', 'thihanh'],
  ['trachnhiem', 'thihanh'],
  ['quydinh', 'chuyentiep'],
];

const articleOf = (c: IndexedChunk) => noteKey(c.documentId, c.articleKey);

/** One feature vector per candidate, in FEATURES order. */
export function candidateFeatures(ctx: RankContext, candidates: Candidate[]): Float64Array[] {
  const { idx, query, weights, lexical, params } = ctx;
  const lex = idx.lexical;
  const n = FEATURES.length;
  if (!candidates.length) return [];

  const ownTerms = new Set([...query.terms, ...query.pairs]);
  const weighted = [...weights].map(([term, w]) => ({ term, w: w * lex.idf(term), own: ownTerms.has(term) }));
  const mass = weighted.reduce((s, t) => s + t.w, 0) || 1;
  const ownMass = weighted.reduce((s, t) => s + (t.own ? t.w : 0), 0);
  const expansionMass = mass - ownMass;

  // BM25F per chunk, and per article: best, second best, chunks matched; per document: mass.
  const bm25 = new Map<number, number>();
  const byArticle = new Map<string, number[]>();
  for (const r of lexical) {
    bm25.set(r.index, r.score);
    const key = articleOf(lex.chunks[r.index]!);
    const list = byArticle.get(key);
    if (list) list.push(r.score);
    else byArticle.set(key, [r.score]);
  }
  const articleRank = new Map<string, number>();
  for (const key of byArticle.keys()) articleRank.set(key, articleRank.size);
  const topBm25 = lexical[0]?.score || 1;
  const lawMass = new Map<string, number>();
  let routed = 0;
  for (const r of lexical.slice(0, ROUTING_DEPTH)) {
    const d = lex.chunks[r.index]!.documentId;
    lawMass.set(d, (lawMass.get(d) ?? 0) + r.score);
    routed += r.score;
  }
  const lawOrder = [...lawMass].sort((a, b) => b[1] - a[1]).map(([d]) => d);

  // The phrasing index: per article the best phrasing, the sum of its best three and how many match.
  const phrasings = new Map<string, number[]>();
  const phrasingRank = new Map<string, number>();
  if (idx.phrasings.n) {
    for (const p of idx.phrasings.score(weights, ctx.accept, params)) {
      const key = articleOf(idx.phrasings.chunks[p.index]!);
      const list = phrasings.get(key);
      if (list) list.push(p.score);
      else {
        phrasings.set(key, [p.score]);
        phrasingRank.set(key, phrasingRank.size);
      }
    }
  }
  const phrasingMass = [...weights].reduce((s, [t, w]) => s + w * idx.phrasings.idf(t), 0) || 1;
  const topPhrasing = Math.max(0, ...[...phrasings.values()].map((l) => l[0]!)) || 1;

  const contentTerms = [...new Set(query.terms)].filter((t) => t.length > 1 || /\d/.test(t));
  const contentMass = contentTerms.reduce((s, t) => s + lex.idf(t), 0) || 1;
  const pairTerms = [...new Set(query.pairs)].filter((t) => lex.has(t));
  const pairMass = pairTerms.reduce((s, t) => s + lex.idf(t), 0);

  const topFirst = candidates[0]!.score || 1;
  return candidates.map((cand, rank) => {
    const x = new Float64Array(n);
    const chunk = lex.chunks[cand.index]!;
    const key = articleOf(chunk);
    const doc = idx.docs.get(chunk.documentId);
    const fields = fieldScores(ctx, cand.index, weighted);
    const score = bm25.get(cand.index) ?? 0;
    const chunkScores = byArticle.get(key) ?? [];
    const phr = phrasings.get(key) ?? [];
    let covered = 0;
    let titled = 0;
    for (const t of contentTerms) {
      const tf = lex.frequencies(cand.index, t);
      if (!tf) continue;
      covered += lex.idf(t);
      if (tf[1]) titled += lex.idf(t);
    }
    let paired = 0;
    for (const t of pairTerms) if (lex.frequencies(cand.index, t)) paired += lex.idf(t);
    const lawAt = lawOrder.indexOf(chunk.documentId);
    const set = (name: FeatureName, v: number) => (x[FEATURES.indexOf(name)] = Number.isFinite(v) ? v : 0);
    set('first_ratio', cand.score / topFirst);
    set('first_rank', Math.log1p(rank));
    set('bm25f_ratio', score / topBm25);
    set('bm25f_share', fields.all / mass);
    set('body_share', fields.body / mass);
    set('title_share', fields.title / mass);
    set('member_share', fields.member / mass);
    set('own_share', ownMass ? fields.own / ownMass : 0);
    set('expansion_share', expansionMass > 0 ? fields.expansion / expansionMass : 0);
    set('phrasing_share', (phr[0] ?? 0) / phrasingMass);
    set('phrasing_ratio', (phr[0] ?? 0) / topPhrasing);
    set('phrasing_top3_share', phr.slice(0, 3).reduce((a, b) => a + b, 0) / 3 / phrasingMass);
    set('phrasing_count', Math.log1p(phr.length));
    set('phrasing_rank', Math.log1p(phrasingRank.get(key) ?? ABSENT_RANK));
    set('has_notes', idx.notes.has(key) ? 1 : 0);
    set('coverage', covered / contentMass);
    set('title_coverage', titled / contentMass);
    set('pair_coverage', pairMass > 0 ? paired / pairMass : 0);
    set('article_chunks', Math.log1p(chunkScores.length));
    set('article_second', (chunkScores[1] ?? 0) / topBm25);
    set('law_share', routed > 0 ? (lawMass.get(chunk.documentId) ?? 0) / routed : 0);
    set('law_rank', Math.log1p(lawAt < 0 ? lawOrder.length + 1 : lawAt));
    set('is_law', doc && /^(bộ )?luật$/i.test(doc.type) ? 1 : 0);
    set('is_decree', doc && /^nghị định$/i.test(doc.type) ? 1 : 0);
    set('general_article', GENERAL_TITLES.some((pair) => pair.every((t) => lex.frequencies(cand.index, t)?.[1])) ? 1 : 0);
    set('body_length', Math.log1p(lex.fieldLength(cand.index, 'body').length));
    return x;
  });
}

/**
 * The chunk's BM25 per field (each field saturated on its own, unlike BM25F, so a word in the
 * title does not hide whether the body has it), all fields together, and split into her own
 * words and the thesaurus's expansions.
 */
function fieldScores(ctx: RankContext, index: number, weighted: { term: string; w: number; own: boolean }[]) {
  const lex = ctx.idx.lexical;
  const { k1, fields: fp } = ctx.params;
  const lengths = FIELDS.map((f) => lex.fieldLength(index, f));
  const out = { body: 0, title: 0, member: 0, all: 0, own: 0, expansion: 0 };
  for (const { term, w, own } of weighted) {
    const tf = lex.frequencies(index, term);
    if (!tf) continue;
    let combined = 0;
    FIELDS.forEach((f, k) => {
      if (!tf[k]) return;
      const { length, average } = lengths[k]!;
      const norm = tf[k]! / (1 - fp[f].b + (fp[f].b * length) / average);
      out[f] += (w * norm) / (k1 + norm);
      combined += fp[f].weight * norm;
    });
    const s = (w * combined) / (k1 + combined);
    out.all += s;
    if (own) out.own += s;
    else out.expansion += s;
  }
  return out;
}

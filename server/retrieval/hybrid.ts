import type { Db } from '../../store/db.js';
import { toVectorLiteral } from '../../store/db.js';
import { EmbedderError, type Embedder } from '../../ingest/embed/embedder.js';
import { documentName } from '../../ingest/names.js';
import { STOP_SYLLABLES, fold, foldedSyllablesOf } from '../../ingest/text/vietnamese.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import { MAX_CANDIDATES } from './candidates.js';
import { firstArticles } from './rank/first-articles.js';
import { placedShift, withMeaning } from './assoc/index.js';
import { DIVISION_HEAD_WEIGHT, orderHeadByDivision } from './rank/division-head.js';
import type { ArticleHit, Retriever, SearchOptions, SearchResult } from './retriever.js';
import { noteKey, type CorpusIndex, type DocInfo } from './index/corpus-index.js';
import { createIndexHolder, type IndexHolder } from './index/holder.js';
import { hitRowsById, type HitRow } from './index/chunk-rows.js';
import { chunksOfSplitArticle, joinChunks } from './index/whole-article.js';
import { DEFAULT_PARAMS, type DocumentFilter, type IndexParams, type IndexedChunk, type LexicalIndex, type ScoredChunk } from './index/lexical-index.js';
import type { Ranker } from './rank/ranker.js';
import { withSanctionAsked } from './rank/sanction.js';
import { withoutForeignUnasked } from './rank/foreign.js';
import { TWIN_DEPTH, orderTitleTwins } from './rank/title-twins.js';
import { withoutChildrenUnasked } from './rank/children.js';
import { withAgeTwins } from './rank/ages.js';
import { asksEstate, withoutInheritanceUnasked } from './rank/inheritance.js';
import { withoutLaterTexts } from './rank/later-text.js';
import { withForbiddenAsked } from './rank/forbidden.js';
import { withCountsAsAsked } from './rank/counts-as.js';
import { actPeriod, inForceThen } from './act-time.js';
import { memoByText } from '../answer/memo.js';
import { rerankFirst, type FirstRerank } from './rank/first.js';
import { HEAD, reorderHead } from './rank/head.js';
import { citableLibrary, readCited, type CitableLibrary, type Cited } from './cited.js';
import { namedArticlesFirst, withNamedArticles, withNamedLaw } from './rank/named.js';

/**
 * Hybrid retrieval. The lexical side runs in memory (index/): BM25F over each chunk's body, its
 * article title and the member field (how members ask about the article), rebuilt when the
 * corpus version in Postgres moves — so every instance answers from the same library. A semantic
 * embedder (a provider model) adds a pgvector kNN ranking, fused by reciprocal rank fusion; the
 * offline hashed embedder only repeats the lexical view, so its query is not run at all.
 */

const VECTOR_CANDIDATES = 30;
// RRF constant from Cormack et al. (2009); 60 is the usual choice and we found no reason to move it.
const RRF_K = 60;
const EXPANSION_WEIGHT = 0.45;
// Words of the earlier turn a follow-up leans on, relative to the follow-up's own.
const CONTEXT_WEIGHT = 0.5;
const PAIR_WEIGHT = 1;
// Measured: dev MRR 0.893 → 0.908, blind MRR 0.672 → 0.716 against 0; 0.5 and more lost recall on both.
const PHRASING_WEIGHT = 0.25;

export interface RetrieverDeps {
  db: Db;
  embedder: Embedder;
  /** A semantic embedder's ranking is fused in; a lexical one (the offline default) is skipped. */
  semantic: boolean;
  /** BM25F parameters; the measured defaults unless an experiment (eval, bench) sets others. */
  params?: IndexParams;
  /** Weight of the best-matching single phrasing against the BM25F score (both scaled to the best). */
  phrasingWeight?: number;
  /**
   * Reorders the first stage's top articles (rank/, trained by npm run train:ranker). Off unless
   * given: the models trained so far lowered the blind set's MRR (docs/history/ranking.md, "A learned reranker").
   */
  ranker?: Ranker | null;
  /**
   * Where the in-memory index comes from: unless given, built from `db` at start and whenever the
   * corpus version moves, off the request path (index/holder.ts). A benchmark hands in one it built.
   */
  holder?: Pick<IndexHolder, 'current' | 'refresh'>;
  /** Signals that reorder the first articles (rank/first.ts); the measured defaults unless an experiment sets others. */
  firstRerank?: Partial<FirstRerank>;
}

/** The retriever plus what the application needs to keep it warm. */
export interface IndexedRetriever extends Retriever {
  /** Rebuilds the in-memory index now if the corpus changed (after an upload, at start). */
  refresh(): Promise<{ version: string; builtMs: number }>;
  /**
   * The index searches use now. The chat path reads what it needs of the library beside the
   * hits from it (documents' details, member phrasings) rather than from the one embedded
   * connection; it is the same corpus version the hits came from.
   */
  current(): Promise<CorpusIndex>;
}

export function createRetriever({
  db,
  embedder,
  semantic,
  params = DEFAULT_PARAMS,
  phrasingWeight = PHRASING_WEIGHT,
  ranker = null,
  holder = createIndexHolder(db),
  firstRerank = {},
}: RetrieverDeps): IndexedRetriever {
  return {
    async refresh() {
      const idx = await holder.refresh();
      return { version: idx.version, builtMs: idx.builtMs };
    },
    current: () => holder.current(),
    async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
      const k = Math.min(Math.max(opts.k ?? 10, 1), 50);
      const idx = await holder.current();
      const lex = idx.lexical;
      const own = analyzeQuery(query, idx.readings);
      const context = opts.context ? analyzeQuery(opts.context, idx.readings) : null;
      const q = context ? withContext(own, context) : own;
      const weights = weighTerms(own, lex);
      if (context) for (const [t, w] of weighTerms(context, lex)) if (!weights.has(t)) weights.set(t, CONTEXT_WEIGHT * w);
      const termWeights = Object.fromEntries([...weights].map(([t, w]) => [t, w * lex.idf(t)]));
      const base = { expanded: q.expanded, concepts: q.concepts, topics: q.topics, termWeights, termSpellings: q.spellings };
      if ([...weights.keys()].every((t) => foldsIntoFunctionWord(t, lex))) return { ...base, coverage: 0, hits: [] };

      // The law and article she names (cited.ts): searched even when no longer in force.
      const cited = opts.uncited ? null : readCited(query, citableOf(idx.docs));
      // When she dates the act she asks a sanction for (act-time.ts): the text in force then.
      const period = opts.uncited ? null : actPeriod(query);
      const then = period ? inForceThen(idx.docs.values(), period) : [];
      const acceptDocument = acceptor(idx.docs, opts, q, cited, then);
      const accept = (c: IndexedChunk) => acceptDocument(c.documentId);
      // Every candidate is rescored below; the list is sorted once, at the end.
      const lexical = lex.strongest(weights, acceptDocument, MAX_CANDIDATES, params, weakTerms(lex, weights));
      let ranked: ScoredChunk[] = withPhrasings(idx, lexical, weights, acceptDocument, params, phrasingWeight);
      // What one unit of the phrasing stage's score is worth at the end: the stages below that add
      // a share of the best first divide every score by the best (rank/head.ts reads it).
      let scale = 1;
      const phrased = ranked;
      // Near her words in meaning learned from the library's notes and texts (assoc/).
      ranked = withMeaning(idx.assoc, lex.chunks, ranked, weights);
      // What one unit of the meaning stage's score is worth at the end (rank/division-head.ts reads it).
      let meaningUnit = 0;
      let placed: Map<number, number> | null = null;
      if (ranked !== phrased) {
        scale /= maxScore(phrased) || 1;
        meaningUnit = 1;
        placed = placedShift(idx.assoc, phrased, weights, DIVISION_HEAD_WEIGHT);
      }
      // Asked what happens to him ("có bị phạt không"): the articles stating a sanction (rank/sanction.ts).
      ranked = withSanctionAsked(lex, ranked, query);
      // Asked whether something is forbidden: the articles listing what the law forbids (rank/forbidden.ts).
      ranked = withForbiddenAsked(lex, ranked, query);
      // Asked whether what happens to her counts as an act the law names: the article listing those acts (rank/counts-as.ts).
      ranked = withCountsAsAsked(lex, ranked, query);
      // A foreign element's article when she says nothing foreign (rank/foreign.ts).
      ranked = withoutForeignUnasked(lex, ranked, query);
      // A law about children when she names no child (rank/children.ts).
      ranked = withoutChildrenUnasked(lex.chunks, idx.docs, ranked, query);
      // An offence told for every victim and for a child of an age: the twin her age does not fit (rank/ages.ts).
      ranked = withAgeTwins(lex.chunks, ranked, query);
      // Inheritance when she does not ask about what someone leaves (rank/inheritance.ts), in standard words.
      ranked = withoutInheritanceUnasked(lex.chunks, ranked, asksEstate(own.tokens.join(' '), own.topics));
      // A dated act's sanction: the text that replaced the one in force then (rank/later-text.ts).
      ranked = withoutLaterTexts(lex.chunks, idx.docs, ranked, period);
      // The law she names, a share of the best (rank/named.ts).
      if (cited) ranked = withNamedLaw(lex, ranked, new Set(cited.documents));
      // Among the first articles, what tells them apart (rank/first.ts).
      const sanctioned = ranked;
      ranked = rerankFirst(idx, ranked, weights, firstRerank);
      if (ranked !== sanctioned) {
        const best = maxScore(sanctioned) || 1;
        scale /= best;
        meaningUnit /= best;
      }
      // The article she names is among the first articles, and first at the end (rank/named.ts).
      if (cited) ranked = withNamedArticles(lex, ranked, cited.articles, acceptDocument);
      // Fusion needs every candidate's rank; the first articles need only the best few (firstArticles).
      if (semantic) ranked = await fuseVector(db, embedder, idx, q, ranked.sort(byScore), accept);
      // At least the head, whatever k: the first hit must not depend on how many were asked for.
      let top = firstArticles(idx.articleOfChunk, ranked, ranker ? Math.max(k, ranker.depth, HEAD, TWIN_DEPTH) : Math.max(k, HEAD, TWIN_DEPTH));
      // The order within the first five with each article's division known (rank/division-head.ts), then by
      // what her question asks (rank/head.ts); never which five they are, and not after fusion's ranks.
      if (!semantic && placed) top = orderHeadByDivision(top, placed, idx.assoc.rowOfChunk, meaningUnit);
      if (!semantic) top = reorderHead({ idx, question: query, weights, accept: acceptDocument, params, phrasingWeight, scale }, top);
      // A rule told once per regime under one title: the twin whose chapter she names, else the general one (rank/title-twins.ts).
      top = orderTitleTwins(lex.chunks, top, new Set(own.pairs), query);
      top = ranker ? ranker.rerank({ idx, query: q, weights, lexical: [...lexical].sort(byScore), accept, params }, top) : top;
      if (cited) top = namedArticlesFirst(lex, top, cited.articles);
      top = top.slice(0, k);
      const hits = await hitRows(db, idx, top, q, cited);
      return {
        ...base,
        ...(cited ? { cited } : {}),
        ...(then.length ? { inForceThen: then } : {}),
        coverage: top.length ? coverageOf(lex, top[0]!.index, q.terms) : 0,
        subject: { topics: q.subject.topics, terms: q.subject.terms, coverage: top.length ? coverageOf(lex, top[0]!.index, q.subject.terms, 1) : 0 },
        hits,
      };
    },
  };
}

/** A follow-up with its context: the context's concepts and topics after the question's own. */
function withContext(own: AnalyzedQuery, context: AnalyzedQuery): AnalyzedQuery {
  return {
    ...own,
    concepts: [...new Set([...own.concepts, ...context.concepts])],
    topics: [...new Set([...own.topics, ...context.topics])],
    // A follow-up's subject is the earlier question's ("thế còn bị phạt bao nhiêu"); her own words are hers.
    subject: { topics: [...new Set([...own.subject.topics, ...context.subject.topics])], terms: own.subject.terms },
    expansionTerms: [...new Set([...own.expansionTerms, ...context.expansionTerms])],
    expanded: `${own.expanded} ${context.expanded}`,
    spellings: { ...context.spellings, ...own.spellings },
  };
}

/**
 * A word typed with dấu whose folded form is also a function word ("vá" → "va", as "và") is kept
 * by the query analysis, but the index is folded: where that form is in a large share of the
 * chunks it mostly stands for the function word ("và", "để"). Such a term still counts beside
 * others in a chunk (rarer collisions — "con", "tu" — mostly are the content word), but it never
 * makes a candidate alone: a chunk that matches nothing else is not a hit, and a question that
 * matches nothing else has found nothing.
 */
const FUNCTION_WORD_SHARE = 0.3;
function foldsIntoFunctionWord(term: string, lex: LexicalIndex): boolean {
  return STOP_SYLLABLES.has(term) && lex.df(term) > FUNCTION_WORD_SHARE * lex.n;
}

/**
 * Terms that add to a candidate's score but never make one alone: the function-word collisions.
 * (Treating every syllable in more than 15 % of the chunks the same way, to cut the candidates of
 * a large library, was tried: in a small library most of a question's words are that common, and
 * the right article was no longer a candidate.)
 */
function weakTerms(lex: LexicalIndex, weights: ReadonlyMap<string, number>): Set<string> {
  return new Set([...weights.keys()].filter((t) => foldsIntoFunctionWord(t, lex)));
}

/** Query term → weight: the question's own syllables count fully, vocabulary expansions less. */
function weighTerms(q: AnalyzedQuery, lex: LexicalIndex): Map<string, number> {
  const w = new Map<string, number>();
  for (const t of q.terms) if (lex.has(t)) w.set(t, Math.min(2, (w.get(t) ?? 0) + 1));
  for (const t of q.pairs) if (lex.has(t)) w.set(t, Math.min(2, (w.get(t) ?? 0) + PAIR_WEIGHT));
  for (const t of q.expansionTerms) if (lex.has(t) && !w.has(t)) w.set(t, EXPANSION_WEIGHT * (q.expansionShare.get(t) ?? 1));
  return w;
}

const HISTORIC_RE = /\b(truoc day|(luat|nghi dinh|quy dinh|van ban) cu|het hieu luc|da bi thay the|luc truoc)\b/;

/**
 * Which documents a search may return: status, type, topics, binding. One filter per corpus
 * version and set of conditions, kept: the lexical index keeps what it answered for each
 * document beside the filter (LexicalIndex.allowedDocuments), so that a large library's
 * thousands of documents are not asked again on every search.
 */
function acceptor(docs: Map<string, DocInfo>, opts: SearchOptions, q: AnalyzedQuery, cited: Cited | null, inForceThen: readonly string[]): DocumentFilter {
  // Historic questions ("luật cũ", "trước đây", "đã hết hiệu lực") may use replaced texts.
  // A bare "cũ" is not enough: "chồng cũ" is about an ex-husband, not an old law.
  const historic = opts.includeExpired || HISTORIC_RE.test(fold(q.tokens.join(' ')));
  // A text she names is searched though no longer in force: she asks about it (the answer says it
  // is no longer in force, server/chat/steps/source.ts). Only those not admitted already make a key.
  const named = historic ? [] : (cited?.documents ?? []).filter((id) => docs.get(id) && !inForce(docs.get(id)!)).sort();
  // A text no longer in force that was in force when the act she asks about was done (act-time.ts).
  const then = historic ? [] : inForceThen;
  const types = opts.types?.length ? opts.types : null;
  const topics = opts.topics?.length ? opts.topics : null;
  const key = JSON.stringify([historic, types, topics, opts.binding ?? null, named, then]);
  let kept = filters.get(docs);
  if (!kept) filters.set(docs, (kept = new Map()));
  const known = kept.get(key);
  if (known) return known;
  const allowed = new Map<string, boolean>();
  for (const d of docs.values()) {
    let ok = historic || inForce(d) || named.includes(d.id) || then.includes(d.id);
    if (ok && types) ok = types.includes(d.type);
    if (ok && topics) ok = d.topics.some((t) => topics.includes(t));
    if (ok && opts.binding !== undefined) ok = d.binding === opts.binding;
    allowed.set(d.id, ok);
  }
  const filter: DocumentFilter = (documentId) => allowed.get(documentId) === true;
  // Conditions come from API callers too: a bounded number is kept per corpus version.
  if (kept.size < MAX_KEPT_FILTERS) kept.set(key, filter);
  return filter;
}

const inForce = (d: DocInfo) => d.status === 'in_force' || d.status === 'partial';

/** The library's documents as a member can name them, once per corpus version. */
const citable = new WeakMap<Map<string, DocInfo>, CitableLibrary>();
function citableOf(docs: Map<string, DocInfo>): CitableLibrary {
  let lib = citable.get(docs);
  if (!lib) citable.set(docs, (lib = citableLibrary(docs.values())));
  return lib;
}

const MAX_KEPT_FILTERS = 64;
/** By the documents of one corpus version (CorpusIndex.docs): the filters made for it. */
const filters = new WeakMap<Map<string, DocInfo>, Map<string, DocumentFilter>>();

/**
 * Adds, to every chunk of an article, how well the question matches the article's single
 * best-matching member phrasing. Both scores are divided by their best value in this search, so
 * the weight says how much a close paraphrase counts against the whole article's text.
 */
function withPhrasings(
  idx: CorpusIndex,
  ranked: ScoredChunk[],
  weights: Map<string, number>,
  accept: DocumentFilter,
  params: IndexParams,
  weight: number,
): ScoredChunk[] {
  if (weight <= 0 || !idx.phrasings.n || !ranked.length) return ranked;
  // Best phrasing score of each candidate's article (by ordinal), and the best of all. The
  // articles are listed once per candidate (repeats are harmless) in a scratch array kept between
  // searches: a set of them was a third of this stage at 3,000 candidates.
  if (articleScratch.length < ranked.length) articleScratch = new Int32Array(ranked.length);
  for (let i = 0; i < ranked.length; i++) articleScratch[i] = idx.articleOfChunk[ranked[i]!.index]!;
  const articles = articleScratch.subarray(0, ranked.length);
  const { best, top: topPhrasing } = idx.phrasings.bestPerGroup(weights, accept, idx.articleOfPhrasing, articles, params);
  if (topPhrasing <= 0) return ranked;
  const topChunk = maxScore(ranked);
  return ranked.map((r) => ({ index: r.index, score: r.score / topChunk + (weight * (best.get(idx.articleOfChunk[r.index]!) ?? 0)) / topPhrasing }));
}

let articleScratch = new Int32Array(0);

const byScore = (a: ScoredChunk, b: ScoredChunk) => b.score - a.score;

function maxScore(list: readonly ScoredChunk[]): number {
  let m = 0;
  for (const r of list) if (r.score > m) m = r.score;
  return m;
}

/** RRF of the lexical ranking with pgvector's nearest chunks (HNSW; filters applied after). */
async function fuseVector(
  db: Db,
  embedder: Embedder,
  idx: CorpusIndex,
  q: AnalyzedQuery,
  ranked: ScoredChunk[],
  accept: (c: IndexedChunk) => boolean,
): Promise<ScoredChunk[]> {
  let vec: number[] | null = null;
  try {
    vec = (await embedder.embed([q.expanded]))[0] ?? null;
  } catch (err) {
    // Provider down at question time: the lexical ranking alone still answers (health shows it).
    if (!(err instanceof EmbedderError)) throw err;
  }
  if (!vec) return ranked;
  const rows = await db.query<{ id: number }>(
    `select id from chunks where embedding is not null order by embedding <=> $1::vector limit ${VECTOR_CANDIDATES}`,
    [toVectorLiteral(vec)],
  );
  const position = new Map<number, number>();
  idx.lexical.chunks.forEach((c, i) => position.set(c.id, i));
  const fused = new Map<number, number>();
  ranked.forEach((r, i) => fused.set(r.index, 1 / (RRF_K + i + 1)));
  rows.rows.forEach((r, i) => {
    const ci = position.get(Number(r.id));
    if (ci === undefined || !accept(idx.lexical.chunks[ci]!)) return;
    fused.set(ci, (fused.get(ci) ?? 0) + 1 / (RRF_K + i + 1));
  });
  return [...fused].map(([index, score]) => ({ index, score })).sort((a, b) => b.score - a.score);
}

/**
 * IDF mass of the question's own content syllables (or of her subject's) found in the best chunk
 * (any field). Words the library has never seen ("tiktok", "bóng đá") count against it with the
 * highest IDF. `empty` is the share when there is nothing to find.
 */
function coverageOf(lex: LexicalIndex, best: number, words: readonly string[], empty = 0): number {
  const terms = [...new Set(words)].filter((t) => t.length > 1 || /\d/.test(t));
  if (!terms.length) return empty;
  let total = 0;
  let found = 0;
  for (const t of terms) {
    const w = lex.idf(t);
    total += w;
    if (lex.contains(best, t)) found += w;
  }
  return total ? Number((found / total).toFixed(3)) : 0;
}

/** The hits' text: the recently shown from memory, the rest by primary key in one statement (index/chunk-rows.ts). */
async function hitRows(db: Db, idx: CorpusIndex, top: ScoredChunk[], q: AnalyzedQuery, cited: Cited | null): Promise<ArticleHit[]> {
  if (!top.length) return [];
  // A hit is its whole article: the chunks of a split article are read with the best one (whole-article.ts).
  const siblings = new Map<number, readonly number[]>();
  for (const r of top) {
    const list = chunksOfSplitArticle(idx, r.index);
    if (list) siblings.set(r.index, list);
  }
  const ids = [...new Set([...top.map((r) => r.index), ...[...siblings.values()].flat()])].map((i) => idx.lexical.chunks[i]!.id);
  const byId = await hitRowsById(db, ids);
  const out: ArticleHit[] = [];
  for (const r of top) {
    const c = idx.lexical.chunks[r.index]!;
    const own = byId.get(c.id);
    const d = idx.docs.get(c.documentId);
    // Deleted between the version check and this read: the next search sees the new version.
    if (!own || !d) continue;
    const parts = siblings.get(r.index)?.map((i) => byId.get(idx.lexical.chunks[i]!.id));
    const row = parts?.every((p) => p !== undefined) ? { ...own, ...joinChunks(parts as HitRow[]) } : own;
    out.push({
      document: {
        id: d.id,
        number: d.number,
        title: d.title,
        name: documentName(d),
        type: d.type,
        status: d.status,
        binding: d.binding,
      },
      chunkId: c.id,
      article: row.article,
      articleNum: row.article_num,
      articleTitle: row.article_title,
      heading: row.heading,
      section: row.section?.length ? row.section : null,
      // The khoản named for the hit is read in the chunk her words found, as the answer weighs it.
      clause: row.article ? (namedClause(cited, c.documentId, row.article, row.clauses) ?? bestClause(own.text, q)) : null,
      clauses: row.clauses,
      header: row.header,
      text: row.text,
      ...(row !== own ? { foundBy: own.text } : {}),
      score: Number(r.score.toFixed(6)),
      notes: idx.notes.get(noteKey(c.documentId, c.articleKey)) ?? [],
      ...(c.inheritance ? { inheritance: true as const } : {}),
      ...(c.divorce ? { divorce: true as const } : {}),
    });
  }
  return out;
}

/** The khoản she names of this article ("khoản 1 Điều 139 …"), when the article has it. */
function namedClause(cited: Cited | null, documentId: string, article: string, clauses: readonly string[]): string | null {
  const a = cited?.articles.find((x) => x.documentId === documentId && x.article === article);
  return a?.clause && clauses.includes(a.clause) ? a.clause : null;
}

/** The khoản whose words overlap the question most (accent-aware), for "khoản k Điều n". */
export function bestClause(text: string, q: AnalyzedQuery): string | null {
  const want = new Set([...q.terms, ...q.expansionTerms]);
  let best: string | null = null;
  let bestScore = 0;
  let current: string | null = null;
  let acc = 0;
  for (const line of clauseLines(text)) {
    if (line.clause) {
      if (current && acc > bestScore) {
        best = current;
        bestScore = acc;
      }
      current = line.clause;
      acc = 0;
    }
    for (const t of line.words) if (want.has(t)) acc += 1;
  }
  if (current && acc > bestScore) best = current;
  return best;
}

/**
 * A chunk's lines from its first khoản on (the heading line skipped), each with the khoản it
 * starts (if it does) and its distinct folded syllables. Every hit shown is read this way, and
 * members ask about the same articles over and over: a text is split once, not on every search.
 * Shared between calls, never changed; the bound keeps a few thousand articles (~10 MB at most).
 */
const clauseLines = memoByText((text: string): { clause: string | null; words: string[] }[] => {
  const out: { clause: string | null; words: string[] }[] = [];
  for (const line of text.split('\n').slice(1)) {
    const m = /^(\d+[a-zđ]?)\.\s/.exec(line);
    if (!m && !out.length) continue;
    out.push({ clause: m ? m[1]! : null, words: [...new Set(foldedSyllablesOf(line))] });
  }
  return out;
}, 3_000);

import type { Db } from '../../store/db.js';
import { toVectorLiteral } from '../../store/db.js';
import { EmbedderError, type Embedder } from '../../ingest/embed/embedder.js';
import { documentName } from '../../ingest/names.js';
import { fold, foldedSyllables, syllables } from '../../ingest/text/vietnamese.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import type { ArticleHit, Retriever, SearchOptions, SearchResult } from './retriever.js';
import { pairReadings } from './readings.js';
import { idf, termStats, type TermStats } from './stats.js';

/**
 * Hybrid retrieval: Postgres full-text over diacritic-folded text and pgvector kNN each propose
 * candidates in one SQL statement; candidates are scored with BM25 over syllables and adjacent
 * syllable pairs (IDF from ts_stat) plus an article-title boost, fused with the vector ranking by
 * reciprocal rank fusion, then grouped by article.
 */

const FTS_CANDIDATES = 60;
const VECTOR_CANDIDATES = 30;
// Candidate generation uses only the most informative terms: with every term ORed together
// nearly every chunk matches and ranking them all costs more than it tells.
const CANDIDATE_TERMS = 8;
const MAX_CANDIDATE_DF = 0.1;
// RRF constant from Cormack et al. (2009); 60 is the usual choice and we found no reason to move it.
const RRF_K = 60;
/**
 * Weight of the vector ranking in the fusion. A semantic embedder (a provider model) is a second,
 * independent view of meaning and gets full weight. The offline hashed embedder is a lexical view
 * that mostly repeats BM25; measured on the dev set, more than a tie-breaker's weight lowered
 * MRR (RRF drops BM25's score margins), so it breaks ties between near-equal lexical ranks.
 */
const SEMANTIC_VECTOR_WEIGHT = 1;
const LEXICAL_VECTOR_WEIGHT = 0.05;
const EXPANSION_WEIGHT = 0.45;
// Words of the earlier turn a follow-up leans on, relative to the follow-up's own.
const CONTEXT_WEIGHT = 0.5;
const PAIR_WEIGHT = 1;
// BM25F-style field boost: question words found in the article's title.
const TITLE_WEIGHT = 0.5;
const K1 = 1.2;
const B = 0.75;

interface Candidate {
  id: number;
  document_id: string;
  number: string | null;
  title: string;
  doc_type: string;
  issued: string | null;
  status: ArticleHit['document']['status'];
  binding: boolean;
  article: string | null;
  article_num: number | null;
  article_title: string | null;
  heading: string | null;
  clauses: string[];
  header: string;
  text: string;
  search_text: string;
  vrank: number | null;
}

export function createRetriever({ db, embedder }: { db: Db; embedder: Embedder }): Retriever {
  const vectorWeight = embedder.id.startsWith('hashed') ? LEXICAL_VECTOR_WEIGHT : SEMANTIC_VECTOR_WEIGHT;
  return {
    async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
      const k = Math.min(Math.max(opts.k ?? 10, 1), 50);
      const stats = await termStats(db);
      const readings = await pairReadings(db, stats.version);
      const own = analyzeQuery(query, readings);
      const context = opts.context ? analyzeQuery(opts.context, readings) : null;
      const q = context ? withContext(own, context) : own;
      const weights = weighTerms(own, stats);
      if (context) for (const [t, w] of weighTerms(context, stats)) if (!weights.has(t)) weights.set(t, CONTEXT_WEIGHT * w);
      const termWeights = Object.fromEntries([...weights].map(([t, w]) => [t, w * idf(stats, t)]));
      const base = { expanded: q.expanded, concepts: q.concepts, topics: q.topics, termWeights };
      if (weights.size === 0) return { ...base, coverage: 0, hits: [] };

      let vec: number[] | null = null;
      try {
        vec = (await embedder.embed([q.expanded]))[0] ?? null;
      } catch (err) {
        // Provider down at question time: full-text candidates alone still answer (health shows it).
        if (!(err instanceof EmbedderError)) throw err;
      }
      const candidates = await fetchCandidates(db, candidateTerms(weights, stats), vec, opts, q);
      const scored = scoreCandidates(candidates, weights, stats, vectorWeight);
      const hits = groupByArticle(scored, k, q);
      return { ...base, coverage: coverageOf(scored[0], q, stats), hits };
    },
  };
}

/** A follow-up with its context: the context's concepts and topics after the question's own. */
function withContext(own: AnalyzedQuery, context: AnalyzedQuery): AnalyzedQuery {
  return {
    ...own,
    concepts: [...new Set([...own.concepts, ...context.concepts])],
    topics: [...new Set([...own.topics, ...context.topics])],
    expansionTerms: [...new Set([...own.expansionTerms, ...context.expansionTerms])],
    expanded: `${own.expanded} ${context.expanded}`,
  };
}

/** Query term → weight: the question's own syllables count fully, vocabulary expansions less. */
function weighTerms(q: AnalyzedQuery, stats: TermStats): Map<string, number> {
  const w = new Map<string, number>();
  for (const t of q.terms) if (stats.df.has(t)) w.set(t, Math.min(2, (w.get(t) ?? 0) + 1));
  for (const t of q.pairs) if (stats.df.has(t)) w.set(t, Math.min(2, (w.get(t) ?? 0) + PAIR_WEIGHT));
  for (const t of q.expansionTerms) if (stats.df.has(t) && !w.has(t)) w.set(t, EXPANSION_WEIGHT * (q.expansionShare.get(t) ?? 1));
  return w;
}

/**
 * The terms that propose full-text candidates: the most informative ones, leaving out syllables
 * found in a large share of chunks ("người", "quy định"), which would match nearly everything.
 * BM25 still scores every query term on the candidates.
 */
function candidateTerms(weights: Map<string, number>, stats: TermStats): string[] {
  const ranked = [...weights.keys()].sort((a, b) => weights.get(b)! * idf(stats, b) - weights.get(a)! * idf(stats, a));
  const selective = ranked.filter((t) => (stats.df.get(t) ?? 0) <= stats.n * MAX_CANDIDATE_DF);
  return (selective.length ? selective : ranked.slice(0, 3)).slice(0, CANDIDATE_TERMS);
}

function statusFilter(opts: SearchOptions, q: AnalyzedQuery): string[] {
  // Historic questions ("luật cũ", "trước đây", "đã hết hiệu lực") may use replaced texts.
  // A bare "cũ" is not enough: "chồng cũ" is about an ex-husband, not an old law.
  const historic = /\b(truoc day|(luat|nghi dinh|quy dinh|van ban) cu|het hieu luc|da bi thay the|luc truoc)\b/.test(fold(q.tokens.join(' ')));
  return opts.includeExpired || historic ? ['in_force', 'partial', 'expired', 'replaced'] : ['in_force', 'partial'];
}

async function fetchCandidates(db: Db, terms: string[], vec: number[] | null, opts: SearchOptions, q: AnalyzedQuery): Promise<Candidate[]> {
  const tsq = terms.filter((t) => /^[a-z0-9]+$/.test(t)).join(' | ');
  const params: unknown[] = [tsq, vec ? toVectorLiteral(vec) : null, statusFilter(opts, q)];
  const filters: string[] = ['d.status = any($3)'];
  if (opts.types?.length) {
    params.push(opts.types);
    filters.push(`d.type = any($${params.length})`);
  }
  if (opts.topics?.length) {
    params.push(opts.topics);
    filters.push(`d.topics && $${params.length}::text[]`);
  }
  if (opts.binding !== undefined) {
    params.push(opts.binding);
    filters.push(`d.binding = $${params.length}`);
  }
  const where = filters.join(' and ');
  // One statement, one round trip: PGlite is a single connection, so request queries stay short.
  // One statement, one round trip: PGlite is a single connection, so request queries stay short.
  // The vector branch orders the whole table by distance so the HNSW index serves it (a join or a
  // filter inside would push the planner to a sequential scan); filters apply to its ids after.
  // hnsw.iterative_scan and ef_search are set per connection when the store opens.
  const sql = `
    with fts as (
      select c.id from chunks c join documents d on d.id = c.document_id
       where c.tsv @@ to_tsquery('simple', $1) and ${where}
       order by ts_rank(c.tsv, to_tsquery('simple', $1), 1) desc
       limit ${FTS_CANDIDATES}
    ), vec as (
      select id, row_number() over (order by dist) as vrank from (
        select c.id, c.embedding <=> $2::vector as dist from chunks c
         where $2::vector is not null and c.embedding is not null
         order by c.embedding <=> $2::vector
         limit ${VECTOR_CANDIDATES}) nn
    ), ids as (
      select id from fts union select id from vec
    )
    select c.id, c.document_id, d.number, d.title, d.type as doc_type, to_char(d.issued, 'YYYY-MM-DD') as issued,
           d.status, d.binding, c.article, c.article_num, c.article_title, c.heading, c.clauses, c.header, c.text,
           c.search_text, vec.vrank::int as vrank
      from ids join chunks c on c.id = ids.id join documents d on d.id = c.document_id
      left join vec on vec.id = c.id
     where ${where}`;
  return (await db.query<Candidate>(sql, params)).rows;
}

interface Scored extends Candidate {
  score: number;
  bm25: number;
}

function scoreCandidates(cands: Candidate[], weights: Map<string, number>, stats: TermStats, vectorWeight: number): Scored[] {
  const withBm25 = cands.map((c) => {
    // search_text is folded syllables and pairs separated by single spaces and one newline.
    const toks = c.search_text.split(/[ \n]/);
    const tf = new Map<string, number>();
    for (const t of toks) if (weights.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * toks.length) / stats.avgLen);
    let s = 0;
    for (const [t, w] of weights) {
      const f = tf.get(t);
      if (f) s += w * idf(stats, t) * ((f * (K1 + 1)) / (f + norm));
    }
    // Words of the question that name the article itself (its title) say more than words in its body.
    const title = new Set(foldedSyllables(`${c.article_title ?? ''} ${c.heading ?? ''}`));
    let t = 0;
    for (const [term, w] of weights) if (title.has(term)) t += w * idf(stats, term);
    s += TITLE_WEIGHT * t;
    return { ...c, bm25: s, score: 0 };
  });
  const byBm25 = [...withBm25].sort((a, b) => b.bm25 - a.bm25);
  byBm25.forEach((c, i) => {
    const lexical = c.bm25 > 0 ? 1 / (RRF_K + i + 1) : 0;
    const vector = c.vrank ? vectorWeight / (RRF_K + c.vrank) : 0;
    c.score = lexical + vector;
  });
  return byBm25.sort((a, b) => b.score - a.score);
}

/**
 * IDF mass of the question's own content syllables found in the best chunk. Words the library
 * has never seen ("tiktok", "bóng đá") count against it with the highest IDF.
 */
function coverageOf(best: Candidate | undefined, q: AnalyzedQuery, stats: TermStats): number {
  if (!best) return 0;
  const toks = new Set(best.search_text.split(/[ \n]/));
  const terms = [...new Set(q.terms)].filter((t) => t.length > 1 || /\d/.test(t));
  let total = 0;
  let found = 0;
  for (const t of terms) {
    const w = idf(stats, t);
    total += w;
    if (toks.has(t)) found += w;
  }
  return total ? Number((found / total).toFixed(3)) : 0;
}

function groupByArticle(scored: Scored[], k: number, q: AnalyzedQuery): ArticleHit[] {
  const seen = new Map<string, ArticleHit>();
  const out: ArticleHit[] = [];
  for (const c of scored) {
    if (c.score <= 0) continue;
    const key = `${c.document_id}#${c.article ?? c.heading ?? c.id}`;
    if (seen.has(key)) continue;
    const hit: ArticleHit = {
      document: {
        id: c.document_id,
        number: c.number,
        title: c.title,
        name: documentName({ title: c.title, number: c.number ?? undefined, issued: c.issued ?? undefined }),
        type: c.doc_type,
        status: c.status,
        binding: c.binding,
      },
      chunkId: Number(c.id),
      article: c.article,
      articleNum: c.article_num,
      articleTitle: c.article_title,
      heading: c.heading,
      clause: bestClause(c.text, q),
      clauses: c.clauses,
      header: c.header,
      text: c.text,
      score: Number(c.score.toFixed(6)),
    };
    seen.set(key, hit);
    out.push(hit);
    if (out.length >= k) break;
  }
  return out;
}

/** The khoản whose words overlap the question most (accent-aware), for "khoản k Điều n". */
export function bestClause(text: string, q: AnalyzedQuery): string | null {
  const want = new Set([...q.terms, ...q.expansionTerms]);
  let best: string | null = null;
  let bestScore = 0;
  let current: string | null = null;
  let acc = 0;
  const flush = () => {
    if (current && acc > bestScore) {
      best = current;
      bestScore = acc;
    }
  };
  for (const line of text.split('\n').slice(1)) {
    const m = /^(\d+[a-zđ]?)\.\s/.exec(line);
    if (m) {
      flush();
      current = m[1]!;
      acc = 0;
    }
    if (!current) continue;
    const toks = new Set(syllables(line).map(fold));
    for (const t of toks) if (want.has(t)) acc += 1;
  }
  flush();
  return best;
}

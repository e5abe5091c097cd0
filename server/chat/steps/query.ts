import { fold, nfc, syllables } from '../../../ingest/text/vietnamese.js';
import type { AlsoAsked, Turn } from '../../answer/answerer.js';
import { analyzeQuery } from '../../retrieval/query.js';
import { askedSeparately } from './questions.js';
import { enrichHits, preferCurrentPlans, type PastPlan } from '../../answer/provincial.js';
import { readTable } from '../../answer/templates.js';
import type { ArticleHit, SearchResult } from '../../retrieval/retriever.js';
import type { Services } from '../../services.js';
import type { HistoryMessage } from './conversation.js';

/** What to search for: the question, the earlier turn it leans on, and both as one text (stored). */
export interface Query {
  query: string;
  context?: string;
  resolved: string;
  /** The law's words for the danger her message shows (danger-search.ts), searched beside hers. */
  danger?: string;
}

/** Articles returned for a question: as many as an answer cites at most, plus "Xem thêm". */
const SEARCH_K = 6;
const FOLLOW_UP_RE = /^(the con|vay con|con neu|con truong hop|the neu|vay neu|truong hop|the thi|vay thi|the con neu)\b/;
/** A follow-up is short; a long message starting with "nếu" is a question of its own. */
const FOLLOW_UP_MAX_SYLLABLES = 10;

/**
 * Step 3a: a short message that leans on the previous turn ("thế còn nếu chồng không đồng ý thì
 * sao?") is made standalone by the LLM when one is configured; otherwise the previous question is
 * searched along with it as context, its words counting less than the new message's own.
 */
export async function resolveQuery(s: Pick<Services, 'followUpRewriter'>, message: string, history: readonly HistoryMessage[]): Promise<Query> {
  const alone = { query: message, resolved: message };
  const lastUser = [...history].reverse().find((m) => m.role === 'user');
  if (!lastUser) return alone;
  const folded = fold(message);
  const short = syllables(message).length <= FOLLOW_UP_MAX_SYLLABLES;
  if (!FOLLOW_UP_RE.test(folded) && !(short && /^neu\b|\b(thi sao|the nao)\b/.test(folded))) return alone;
  if (s.followUpRewriter) {
    const r = await s.followUpRewriter.rewrite(
      history.map((m) => ({ role: m.role as Turn['role'], content: m.content })),
      message,
    );
    if (r) return { query: nfc(r), resolved: nfc(r) };
  }
  const context = lastUser.resolved_query ?? lastUser.content;
  return { query: message, context, resolved: `${context} ${message}` };
}

/** The text scope is judged on: a follow-up with the question it leans on, as it was searched. */
export function scopeText(q: Query): string {
  return q.context ? q.resolved : q.query;
}

/** The library searched for the query, as it stands. */
export function search(s: Pick<Services, 'retriever'>, q: Query): Promise<SearchResult> {
  return s.retriever.search(q.danger ? `${q.query}; ${q.danger}` : q.query, { k: SEARCH_K, context: q.context });
}

/**
 * Her questions searched one by one when her message asks two or three (questions.ts), each with
 * the story she tells as context; none when it asks one.
 */
export async function searchEachAsked(s: Pick<Services, 'retriever'>, q: Query): Promise<AlsoAsked[]> {
  const asked = q.context ? null : askedSeparately(q.query);
  if (!asked) return [];
  // A question naming no subject of its own ("thủ tục nộp ở đâu?", "về muộn có sao không?") leans on
  // the others: the answer to the whole message is its answer.
  const own = asked.questions.filter((question) => analyzeQuery(question).subject.topics.length > 0);
  return Promise.all(
    own.map(async (question) => {
      // What she tells before her questions is each one's context; the other questions are not: "công ty
      // có được cho em nghỉ việc không?" after "nghỉ thai sản được mấy tháng?" asks about a dismissal.
      const r = await s.retriever.search(question, { k: SEARCH_K, ...(asked.story ? { context: asked.story } : {}) });
      return { question, hits: r.hits, termWeights: r.termWeights, termSpellings: r.termSpellings, topics: r.topics };
    }),
  );
}

export interface Found {
  search: SearchResult;
  /** Plans whose period is over, found for the question: noted after the current ones. */
  pastPlans: PastPlan[];
}

/**
 * Step 3b: retrieval, with what an answer needs beyond the text: sections and references of
 * documents without Điều, and plans whose period is over placed after current ones.
 */
export async function retrieve(s: Pick<Services, 'retriever' | 'db'>, q: Query): Promise<Found> {
  const found = await search(s, q);
  enrichHits((await s.retriever.current()).docs, found.hits);
  const current = await preferCurrentPlans(s.db, found.hits);
  return { search: { ...found, hits: current.hits }, pastPlans: current.past };
}

export interface NextSteps {
  hits: ArticleHit[];
  weights: Record<string, number>;
}

/** Only an article that really is about reporting/help; a loose match would cite the wrong thing. */
const NEXT_STEP_MIN_COVERAGE = 0.9;
/** The next-step search is the same for every question of a topic (derived data: an upload shows within the minute). */
const NEXT_STEP_TTL_MS = 60_000;
const nextStepCache = new Map<string, { at: number; retriever: Services['retriever']; result: SearchResult }>();
let nextStepQueries: Map<string, string> | null = null;

/** Where to report / who must help, for the first of the topics that has one (prompts/next-steps.tsv). */
export async function findNextSteps(s: Pick<Services, 'retriever'>, topics: string[], hits: ArticleHit[]): Promise<NextSteps> {
  const none = { hits: [], weights: {} };
  nextStepQueries ??= new Map(readTable('next-steps.tsv').map(([t, q]) => [t!, q!]));
  const query = topics.map((t) => nextStepQueries!.get(t)).find(Boolean);
  if (!query) return none;
  let cached = nextStepCache.get(query);
  if (!cached || cached.retriever !== s.retriever || Date.now() - cached.at > NEXT_STEP_TTL_MS) {
    cached = { at: Date.now(), retriever: s.retriever, result: await s.retriever.search(query, { k: 1 }) };
    nextStepCache.set(query, cached);
  }
  const r = cached.result;
  if (r.coverage < NEXT_STEP_MIN_COVERAGE) return none;
  return { hits: r.hits.filter((h) => !hits.some((x) => x.chunkId === h.chunkId)), weights: r.termWeights };
}

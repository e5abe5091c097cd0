import type { Citation } from '../../answer/answerer.js';
import { EMERGENCY_LEAD_HITS } from '../../answer/answerer.js';
import type { PastPlan } from '../../answer/provincial.js';
import { findOfficialAnswer } from '../../handover/match.js';
import { officialCitations } from '../../handover/reply.js';
import { noLongerInForce, successorsOf, type NoLongerInForce, type SuccessorArticle } from '../../library/successor.js';
import type { ArticleHit, SearchResult } from '../../retrieval/retriever.js';
import type { SafetyRead } from '../../safety/gate.js';
import type { Services } from '../../services.js';
import { lawSpeaksTo } from './danger-search.js';
import { findNextSteps, type NextSteps } from './query.js';
import type { Triage } from './triage.js';

/** Where the answer's substance comes from; the composer (compose.ts) turns each into text. */
export type Source =
  /** An answer officials wrote and approved for a similar question, with its citations. */
  | { type: 'official'; answer: string; citations: Citation[] }
  /** Nothing from the library: a refusal saying why and where to turn instead. */
  | { type: 'refusal'; refusal: SafetyRead }
  /** An emergency no law speaks to (self-harm, an illness): what to do now is all she is told. */
  | { type: 'now' }
  /** The law found for the question. */
  | {
      type: 'law';
      search: SearchResult;
      lawHits: ArticleHit[];
      next: NextSteps;
      pastPlans: PastPlan[];
      successors: SuccessorArticle[] | null;
      /** Texts she names that no longer apply: the answer says so first (server/answer/successor-part.ts). */
      named: NoLongerInForce[];
    };

/**
 * Step 4: official answer, refusal or the law. An approved official answer comes first — below
 * the helplines when the question is urgent; an emergency gets what to do now instead.
 */
export async function chooseSource(
  s: Pick<Services, 'db' | 'retriever'>,
  t: Triage,
  found: SearchResult | null,
  resolved: string,
  pastPlans: PastPlan[],
): Promise<Source> {
  const approved = t.kind === 'answer' && t.level !== 'emergency' ? await findOfficialAnswer(s.db, resolved) : null;
  if (approved) return { type: 'official', answer: approved.answer, citations: await officialCitations(s.db, approved.citations) };
  if (t.kind === 'out_of_scope' || !found) return { type: 'refusal', refusal: t.refusal };
  let search = found;
  if (t.kind === 'emergency' && !lawSpeaksTo(t.read)) return { type: 'now' };
  // She names a text no longer in force ("theo nghị định 144…"): what applies now leads the answer,
  // its articles found as if she had named nothing, before the old text's (compose.ts says why).
  // Not a text that was in force when the act she dates was done: it still decides that act.
  const then = new Set(search.inForceThen ?? []);
  const named = t.kind === 'answer' && search.cited ? (await noLongerInForce(s.db, search.cited.documents)).filter((n) => !then.has(n.document.id)) : [];
  const now = await inForceInstead(s, named, resolved, search);
  if (now.length) search = { ...search, hits: [...now, ...search.hits.filter((h) => !now.some((n) => n.chunkId === h.chunkId))] };
  const hits = search.hits;
  // Every article found goes to the answerer: an emergency answer states the law from its best
  // ones only (EMERGENCY_LEAD_HITS) but still names the others, so that she can find them.
  const lawHits = t.kind === 'emergency' ? hits.slice(0, EMERGENCY_LEAD_HITS) : hits;
  // The question's own topic first (a child in danger → the child-protection line), then the general emergency steps.
  const next = await findNextSteps(s, t.kind === 'emergency' ? [...search.topics.slice(0, 1), 'emergency'] : search.topics.slice(0, 1), hits);
  // Asked about an old text: what its replacement says now (server/library/successor.ts); already
  // leading when she named it and the replacement's own articles were found.
  const successors =
    t.kind === 'answer' && !now.length && hits.some((h) => h.document.status === 'replaced') ? await successorsOf(s.db, hits.slice(0, 3)) : null;
  return { type: 'law', search, lawHits, next, pastPlans, successors, named };
}

/** Articles the replacements of the texts she named hold on her question, best first (at most MAX_INSTEAD). */
const MAX_INSTEAD = 2;
async function inForceInstead(
  s: Pick<Services, 'retriever'>,
  named: readonly NoLongerInForce[],
  question: string,
  search: SearchResult,
): Promise<ArticleHit[]> {
  const ids = new Set(named.flatMap((n) => (n.replacement?.id ? [n.replacement.id] : [])));
  if (!ids.size) return [];
  // An article she named of the old text says what she asks about in its title ("Hành vi xâm hại sức
  // khỏe thành viên gia đình"): searched with her words, where "điều 52" alone says nothing.
  const old = new Set(named.map((n) => n.document.id));
  const titles = search.hits
    .filter((h) => old.has(h.document.id) && search.cited?.articles.some((a) => a.documentId === h.document.id && a.article === h.article))
    .map((h) => h.articleTitle ?? '');
  const now = await s.retriever.search([question, ...titles].join(' '), { k: Math.max(search.hits.length, 10), uncited: true });
  return now.hits.filter((h) => ids.has(h.document.id)).slice(0, MAX_INSTEAD);
}

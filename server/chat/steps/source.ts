import type { Citation } from '../../answer/answerer.js';
import { EMERGENCY_LEAD_HITS } from '../../answer/answerer.js';
import type { PastPlan } from '../../answer/provincial.js';
import { findOfficialAnswer } from '../../handover/match.js';
import { officialCitations } from '../../handover/reply.js';
import { successorsOf, type SuccessorArticle } from '../../library/successor.js';
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
  | { type: 'law'; search: SearchResult; lawHits: ArticleHit[]; next: NextSteps; pastPlans: PastPlan[]; successors: SuccessorArticle[] | null };

/**
 * Step 4: official answer, refusal or the law. An approved official answer comes first — below
 * the helplines when the question is urgent; an emergency gets what to do now instead.
 */
export async function chooseSource(
  s: Pick<Services, 'db' | 'retriever'>,
  t: Triage,
  search: SearchResult | null,
  resolved: string,
  pastPlans: PastPlan[],
): Promise<Source> {
  const approved = t.kind === 'answer' && t.level !== 'emergency' ? await findOfficialAnswer(s.db, resolved) : null;
  if (approved) return { type: 'official', answer: approved.answer, citations: await officialCitations(s.db, approved.citations) };
  if (t.kind === 'out_of_scope' || !search) return { type: 'refusal', refusal: t.refusal };
  if (t.kind === 'emergency' && !lawSpeaksTo(t.read)) return { type: 'now' };
  const hits = search.hits;
  // Every article found goes to the answerer: an emergency answer states the law from its best
  // ones only (EMERGENCY_LEAD_HITS) but still names the others, so that she can find them.
  const lawHits = t.kind === 'emergency' ? hits.slice(0, EMERGENCY_LEAD_HITS) : hits;
  // The question's own topic first (a child in danger → the child-protection line), then the general emergency steps.
  const next = await findNextSteps(s, t.kind === 'emergency' ? [...search.topics.slice(0, 1), 'emergency'] : search.topics.slice(0, 1), hits);
  // Asked about an old text: what its replacement says now (server/library/successor.ts).
  const successors = t.kind === 'answer' && hits.some((h) => h.document.status === 'replaced') ? await successorsOf(s.db, hits.slice(0, 3)) : null;
  return { type: 'law', search, lawHits, next, pastPlans, successors };
}

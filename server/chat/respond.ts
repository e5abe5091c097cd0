import { EMERGENCY_LEAD_HITS } from '../answer/answerer.js';
import { allNumbers } from '../safety/gate.js';
import { readTypingIn } from '../safety/typing.js';
import type { Services } from '../services.js';
import { effectiveNumbers } from '../settings/store.js';
import { compose } from './steps/compose.js';
import { openTurn } from './steps/conversation.js';
import { persistTurn } from './steps/persist.js';
import { resolveQuery, retrieve, scopeText, search, searchEachAsked } from './steps/query.js';
import { dangerSearch } from './steps/danger-search.js';
import { chooseSource } from './steps/source.js';
import { helplines, readDanger, refusesUpFront, triage } from './steps/triage.js';
import { suggestNext } from './suggest.js';
import type { ChatEvents, ChatRequest, ChatResult, EmergencyInfo } from './types.js';

export type { ChatEvents, ChatMeta, ChatRequest, ChatResult, EmergencyInfo } from './types.js';

/**
 * The chat use case: one question answered and stored, as a pipeline of small steps
 * (server/chat/steps/). It knows nothing of HTTP: it throws domain errors (server/errors.ts) that
 * the one mapper turns into a JSON response or the stream's `error` event, and RequestAborted when
 * she went away, which is nobody's failure.
 */
export async function respond(s: Services, req: ChatRequest, events: ChatEvents = {}): Promise<ChatResult> {
  const turn = await openTurn(s, req);
  const danger = readDanger(s, turn.message);
  // Her typing slips read back (safety/typing.ts), so that the answer reads her words as the search does.
  const typed = await readTypingIn(s.retriever, turn.message);
  // In danger, the law is also searched for the harm she tells of: what she is told of it is about that.
  const query = { ...(await resolveQuery(s, typed, turn.history)), danger: dangerSearch(danger.read, turn.message) ?? undefined };
  const found = refusesUpFront(danger) ? null : await retrieve(s, query);
  const t = await triage(danger, found?.search ?? null, scopeText(query));
  // Refused up front, then found urgent by the model: she gets an answer after all, from a plain search.
  const searched = found?.search ?? (t.kind === 'out_of_scope' ? null : await search(s, query));

  const dial = await effectiveNumbers(s.db, s.config);
  const help = helplines(dial, t);
  events.onMeta?.({ conversationId: turn.conversationId, kind: t.kind, ...help.meta });

  const source = await chooseSource(s, t, searched, query.resolved, found?.pastPlans ?? []);
  // Several questions in one message: each searched on its own too, so that each gets its rule.
  const alsoAsked = t.kind === 'answer' && source.type === 'law' ? await searchEachAsked(s, query) : [];
  const out = await compose(
    s,
    source,
    { message: turn.message, resolved: query.resolved, turns: turn.turns, triage: t, dial, numbers: help.numbers, alsoAsked, signal: req.signal },
    events.onToken,
  );
  const official = source.type === 'official';
  const topic = searched?.topics[0] ?? null;
  const suggestions =
    searched && t.kind !== 'out_of_scope' && source.type !== 'now'
      ? suggestNext((await s.retriever.current()).asks, {
          kind: t.kind,
          message: turn.message,
          hits: t.kind === 'emergency' ? searched.hits.slice(0, EMERGENCY_LEAD_HITS) : searched.hits,
        })
      : [];

  const messageId = await persistTurn(s, req, {
    conversationId: turn.conversationId,
    message: turn.message,
    resolved: query.resolved,
    kind: t.kind,
    topic,
    out,
    official,
    suggestions,
  });
  return {
    conversationId: turn.conversationId,
    messageId,
    kind: t.kind,
    ...help.meta,
    answer: out.answer,
    citations: out.citations,
    fallback: out.fallback,
    official,
    topic,
    suggestions,
    ...(out.fallbackReason ? { fallbackReason: out.fallbackReason } : {}),
    ...(out.droppedCitations ? { droppedCitations: out.droppedCitations } : {}),
  };
}

/** Numbers for an emergency answer, and for the Zalo Mini App's call screen (GET /api/emergency). */
export async function emergencyNumbers(s: Pick<Services, 'config' | 'db'>): Promise<EmergencyInfo['numbers']> {
  return allNumbers(await effectiveNumbers(s.db, s.config));
}

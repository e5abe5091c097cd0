import crypto from 'node:crypto';
import { fold, nfc, syllables } from '../../ingest/text/vietnamese.js';
import { openConversation, saveTurn } from '../../store/conversations.js';
import type { Channel } from './channel.js';
import type { AnswerKind, AnswerOutput, Citation, Turn } from '../answer/answerer.js';
import { allNumbers, readMessage, refusalText, refusedUpFront, safetyNumbers, safetyPreface, type SafetyNumber } from '../safety/gate.js';
import { raise } from '../safety/level.js';
import { judgeScope } from '../safety/scope.js';
import { EMERGENCY_LEAD_HITS } from '../answer/extractive.js';
import { disclaimer } from '../answer/disclaimer.js';
import { enrichHits, periodNotes, preferCurrentPlans, provincialPart, type PastPlan } from '../answer/provincial.js';
import { findOfficialAnswer } from '../handover/match.js';
import { successorsOf } from '../library/successor.js';
import { successorPart } from '../answer/successor-part.js';
import { officialCitations } from '../handover/reply.js';
import { readTable, render } from '../answer/templates.js';
import { AppError, RequestAborted } from '../errors.js';
import type { ArticleHit, SearchResult } from '../retrieval/retriever.js';
import type { Services } from '../services.js';
import { effectiveNumbers } from '../settings/store.js';
import { suggestNext, type Suggestion } from './suggest.js';

export interface ChatRequest {
  message: string;
  conversationId?: string;
  noHistory?: boolean;
  /** Opaque key (e.g. a hashed Zalo user id) the member chose to link her history to. */
  ownerKey?: string;
  /** Which client asked (for the officials' monthly report by channel); recorded with the first turn. */
  channel?: Channel;
  signal?: AbortSignal;
}

export interface EmergencyInfo {
  numbers: { label: string; number: string }[];
}

export interface ChatMeta {
  conversationId: string;
  kind: AnswerKind;
  emergency?: EmergencyInfo;
  /** Danger found in the message: emergency (kind "emergency") or urgent (an answer with helplines above it). */
  safety?: { level: 'emergency' | 'urgent'; numbers: SafetyNumber[] };
}

export interface ChatResult extends ChatMeta {
  messageId: number;
  answer: string;
  citations: Citation[];
  fallback: boolean;
  official?: boolean;
  topic: string | null;
  /** Two or three tappable next questions (server/chat/suggest.ts); none for out-of-scope answers. */
  suggestions: Suggestion[];
  /** For the route's log only (AnswerOutput): why a configured LLM was stood in for, invented citations removed. */
  fallbackReason?: string;
  droppedCitations?: number;
}

export interface ChatEvents {
  onMeta?: (meta: ChatMeta) => void;
  onToken?: (text: string) => void;
}

const HISTORY_TURNS = 6;
const NEXT_STEP_MIN_COVERAGE = 0.9;
const FOLLOW_UP_RE = /^(the con|vay con|con neu|con truong hop|the neu|vay neu|truong hop|the thi|vay thi|the con neu)\b/;

export async function respond(s: Services, req: ChatRequest, events: ChatEvents = {}): Promise<ChatResult> {
  const { db, config, retriever } = s;
  const message = nfc(req.message).trim();
  if (!message) throw new AppError(400, 'invalid:empty_message', 'Chị hãy nhập câu hỏi.');

  // One read for the conversation; a new one is written with its first turn (saveTurn, below).
  const open = req.conversationId ? await openConversation(db, req.conversationId, HISTORY_TURNS) : null;
  if (open && open.messages >= config.MAX_TURNS_PER_CONVERSATION * 2) {
    throw new AppError(400, 'invalid:conversation_full', 'Cuộc trò chuyện đã quá dài. Chị hãy bắt đầu cuộc trò chuyện mới.');
  }
  const conversationId = open ? req.conversationId! : crypto.randomBytes(18).toString('base64url');
  const history = open?.recent ?? [];
  const turns: Turn[] = history.map((m) => ({ role: m.role, content: m.content }));

  // Danger, refusals and scope: server/safety/ (README "How danger is recognised").
  const safety = readMessage(message);
  // A configured model reads the message while retrieval runs; it may only raise the level.
  const modelLevel = s.dangerClassifier && safety.level !== 'emergency' ? s.dangerClassifier.classify(message) : null;
  const followUp = await resolveFollowUp(s, message, history);
  const resolved = followUp.resolved;

  let kind: AnswerKind = 'answer';
  let search: SearchResult | null = null;
  let pastPlans: PastPlan[] = [];
  // What the refusal says: the request refused up front, or the off-topic subject scope found.
  let refusal = safety;
  if (refusedUpFront(safety)) kind = 'out_of_scope';
  else {
    search = await retriever.search(followUp.query, { k: 6, context: followUp.context });
    // Sections and references of documents without Điều; plans whose period is over go after current ones.
    await enrichHits(db, search.hits);
    const current = await preferCurrentPlans(db, search.hits);
    search = { ...search, hits: current.hits };
    pastPlans = current.past;
    // Scope follows the library (server/safety/scope.ts); a message showing danger is never refused.
    // A follow-up ("thế còn học nghề thì sao") is judged with the question it leans on, as it was searched.
    const scope = safety.level === 'ordinary' ? judgeScope(safety.request, search, followUp.context ? followUp.resolved : followUp.query) : null;
    if (scope?.refuse) [kind, refusal] = ['out_of_scope', { ...safety, request: scope.request }];
  }
  const level = raise(safety.level, await modelLevel);
  if (level === 'emergency') kind = 'emergency';
  else if (level === 'urgent' && kind === 'out_of_scope') kind = 'answer';
  if (kind !== 'out_of_scope' && !search) search = await retriever.search(followUp.query, { k: 6, context: followUp.context });

  // The hotline, legal aid and the province's child line as officials set them in the console.
  const dial = await effectiveNumbers(db, config);
  const numbers = kind === 'out_of_scope' ? [] : safetyNumbers(dial, safety, level);
  const emergency = kind === 'emergency' ? { numbers } : undefined;
  const alert = kind !== 'out_of_scope' && level !== 'ordinary' ? { level, numbers } : undefined;
  events.onMeta?.({ conversationId, kind, emergency, ...(alert ? { safety: alert } : {}) });

  let out: AnswerOutput;
  let official = false;
  const topic = search?.topics[0] ?? null;
  // An answer officials wrote and approved for a similar question comes first — below the
  // helplines when the question is urgent; an emergency gets what to do now instead.
  const approved = kind === 'answer' && level !== 'emergency' ? await findOfficialAnswer(db, resolved) : null;
  if (approved) {
    const citations = await officialCitations(db, approved.citations);
    const preface = level === 'urgent' ? safetyPreface(dial, safety, level, numbers) : '';
    const text = `${preface}${render('official-answer.vi.txt')}\n${approved.answer}\n${disclaimer(dial.LEGAL_AID_PHONE)}`;
    events.onToken?.(text);
    out = { answer: text, citations, fallback: false };
    official = true;
  } else if (kind === 'out_of_scope') {
    const text = await refusalText(refusal, retriever);
    events.onToken?.(text);
    out = { answer: text, citations: [], fallback: false };
  } else {
    // Every article found goes to the answerer: an emergency answer states the law from its best
    // ones only (EMERGENCY_LEAD_HITS) but still names the others, so that she can find them.
    const hits = search!.hits;
    const lawHits = kind === 'emergency' ? hits.slice(0, EMERGENCY_LEAD_HITS) : hits;
    // The question's own topic first (a child in danger → the child-protection line), then the general emergency steps.
    const next = await findNextSteps(s, kind === 'emergency' ? [...search!.topics.slice(0, 1), 'emergency'] : search!.topics.slice(0, 1), hits);
    // What to do now (emergency) or where to get help (urgent) comes before the law.
    const preface = safetyPreface(dial, safety, level, numbers);
    if (preface) events.onToken?.(preface);
    // The province's part (after the law's rule) and notes on past plans, placed before the
    // disclaimer unless the answerer already wrote them (server/answer/provincial.ts).
    const sources = [...hits, ...next.hits];
    const local = !s.answerer.writesProvincialPart ? provincialPart(lawHits, search!.termWeights, (h) => sources.indexOf(h) + 1) : null;
    // Asked about an old text: what its replacement says now (server/library/successor.ts).
    const later = kind === 'answer' && hits.some((h) => h.document.status === 'replaced') ? successorPart(await successorsOf(db, hits.slice(0, 3)), sources.length + 1) : null;
    const extra = [...(local?.lines ?? []), ...(later?.lines ?? []), ...periodNotes(pastPlans, lawHits.slice(0, 3))];
    const disc = disclaimer(dial.LEGAL_AID_PHONE);
    let streamed = '';
    let inserted: string[] | null = null;
    const insert = (text: string): string => {
      const at = text.lastIndexOf(disc);
      if (inserted !== null || at < 0) return text;
      // The province's sentence only where the answer has not quoted that section already.
      const quoted = local && `${streamed}${text.slice(0, at)}`.includes(local.citations[0]!.document.reference ?? '\u0000');
      inserted = extra.filter((l) => !streamed.includes(l) && !text.includes(l) && !(quoted && l === local!.lines[0]));
      return inserted.length ? `${text.slice(0, at)}${inserted.join('\n')}\n${text.slice(at)}` : text;
    };
    const onToken =
      events.onToken &&
      ((t: string) => {
        const u = insert(t);
        streamed += u;
        events.onToken!(u);
      });
    out = await s.answerer.answer(
      { question: message, resolvedQuestion: resolved, hits, termWeights: search!.termWeights, nextSteps: next.hits, nextStepWeights: next.weights, history: turns, kind, topics: search!.topics, legalAidPhone: dial.LEGAL_AID_PHONE, signal: req.signal },
      onToken,
    );
    let answer = out.answer;
    if (inserted === null) answer = insert(answer);
    else if ((inserted as string[]).some((l) => !answer.includes(l))) {
      const at = answer.lastIndexOf(disc);
      if (at >= 0) answer = `${answer.slice(0, at)}${(inserted as string[]).join('\n')}\n${answer.slice(at)}`;
    }
    const same = (a: Citation, b: Citation) => a.document.id === b.document.id && (a.section ?? []).join('.') === (b.section ?? []).join('.');
    const localCitations = local && answer.includes(local.lines[0]!) ? local.citations.filter((c) => !out.citations.some((o) => same(o, c))) : [];
    const laterCitations = (later?.cited(answer) ?? []).filter((c) => !out.citations.some((o) => o.document.id === c.document.id && o.article === c.article && o.clause === c.clause));
    out = { ...out, answer: preface + answer, citations: [...out.citations, ...localCitations, ...laterCitations] };
  }

  const suggestions = search && kind !== 'out_of_scope' ? await suggestNext(db, { kind, message, hits: kind === 'emergency' ? search.hits.slice(0, EMERGENCY_LEAD_HITS) : search.hits }) : [];

  // She closed the tab: the answer she will never see is not stored (nor any fallback made for it).
  if (req.signal?.aborted) throw new RequestAborted();
  // The question and its answer in one statement: a turn is stored whole or not at all.
  const messageId = await saveTurn(db, {
    conversationId,
    ownerKey: req.ownerKey,
    noHistory: req.noHistory,
    channel: req.channel,
    user: { content: message, resolvedQuery: resolved, topic },
    // Kept with the answer, so a reopened conversation shows the same next questions under it.
    assistant: { content: out.answer, kind, topic, citations: out.citations, fallback: out.fallback, official, suggestions },
  });
  return {
    conversationId, messageId, kind, emergency, ...(alert ? { safety: alert } : {}), answer: out.answer, citations: out.citations, fallback: out.fallback, official, topic, suggestions,
    ...(out.fallbackReason ? { fallbackReason: out.fallbackReason } : {}),
    ...(out.droppedCitations ? { droppedCitations: out.droppedCitations } : {}),
  };
}

/** Numbers for an emergency answer, and for the Zalo Mini App's call screen (GET /api/emergency). */
export async function emergencyNumbers(s: Pick<Services, 'config' | 'db'>): Promise<EmergencyInfo['numbers']> {
  return allNumbers(await effectiveNumbers(s.db, s.config));
}

/** What to search for: the question, the earlier turn it leans on, and both as one text (stored). */
interface FollowUp {
  query: string;
  context?: string;
  resolved: string;
}

/**
 * A short message that leans on the previous turn ("thế còn nếu chồng không đồng ý thì sao?")
 * is made standalone by the LLM when one is configured; otherwise the previous question is
 * searched along with it as context, its words counting less than the new message's own.
 */
async function resolveFollowUp(s: Services, message: string, history: { role: string; content: string; resolved_query: string | null }[]): Promise<FollowUp> {
  const alone = { query: message, resolved: message };
  const lastUser = [...history].reverse().find((m) => m.role === 'user');
  if (!lastUser) return alone;
  const folded = fold(message);
  const short = syllables(message).length <= 10;
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

let nextStepQueries: Map<string, string> | null = null;

/** Where to report / who must help, for the question's main topic (prompts/next-steps.tsv). */
async function findNextSteps(s: Services, topics: string[], hits: ArticleHit[]): Promise<{ hits: ArticleHit[]; weights: Record<string, number> }> {
  const none = { hits: [], weights: {} };
  nextStepQueries ??= new Map(readTable('next-steps.tsv').map(([t, q]) => [t!, q!]));
  const query = topics.map((t) => nextStepQueries!.get(t)).find(Boolean);
  if (!query) return none;
  // The next-step search is the same for every question of a topic: keep it for a minute
  // (derived data; an upload shows up in the next steps within that minute).
  let cached = nextStepCache.get(query);
  if (!cached || cached.retriever !== s.retriever || Date.now() - cached.at > NEXT_STEP_TTL_MS) {
    cached = { at: Date.now(), retriever: s.retriever, result: await s.retriever.search(query, { k: 1 }) };
    nextStepCache.set(query, cached);
  }
  const r = cached.result;
  // Only an article that really is about reporting/help; a loose match would cite the wrong thing.
  if (r.coverage < NEXT_STEP_MIN_COVERAGE) return none;
  return { hits: r.hits.filter((h) => !hits.some((x) => x.chunkId === h.chunkId)), weights: r.termWeights };
}

const NEXT_STEP_TTL_MS = 60_000;
const nextStepCache = new Map<string, { at: number; retriever: Services['retriever']; result: SearchResult }>();

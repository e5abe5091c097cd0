import type { AnswerKind } from '../../answer/answerer.js';
import type { Level } from '../../safety/assess.js';
import { readMessage, refusedUpFront, safetyNumbers, type Numbers, type SafetyNumber, type SafetyRead } from '../../safety/gate.js';
import { raise } from '../../safety/level.js';
import { judgeScope } from '../../safety/scope.js';
import type { SearchResult } from '../../retrieval/retriever.js';
import type { Services } from '../../services.js';
import type { ChatMeta } from '../types.js';

/** The offline reading of her message, and the model's if one is configured (still running). */
export interface Danger {
  read: SafetyRead;
  model: Promise<Level | null> | null;
}

/**
 * Step 2a: danger, refusals and scope are server/safety/'s (README "How danger is recognised").
 * The offline reading takes milliseconds; a configured model reads the message while retrieval
 * runs and may only raise the level (an emergency cannot be raised, so it is not asked).
 */
export function readDanger(s: Pick<Services, 'dangerClassifier'>, message: string): Danger {
  const read = readMessage(message);
  return { read, model: s.dangerClassifier && read.level !== 'emergency' ? s.dangerClassifier.classify(message) : null };
}

/** A steering attempt or an unlawful request is refused before anything is searched. */
export function refusesUpFront(d: Danger): boolean {
  return refusedUpFront(d.read);
}

export interface Triage {
  kind: AnswerKind;
  level: Level;
  read: SafetyRead;
  /** What a refusal says: the request refused up front, or the off-topic subject scope found. */
  refusal: SafetyRead;
}

/**
 * Step 2b: what kind of answer she gets. `search` is null only when the request was refused up
 * front; `question` is the text scope is judged on (a follow-up with the question it leans on).
 * Scope follows the library (server/safety/scope.ts); a message showing danger is never refused,
 * and a refusal the model finds urgent becomes an answer with helplines above it.
 */
export async function triage(d: Danger, search: SearchResult | null, question: string): Promise<Triage> {
  let kind: AnswerKind = 'answer';
  let refusal = d.read;
  if (!search || refusesUpFront(d)) kind = 'out_of_scope';
  else {
    const scope = d.read.level === 'ordinary' ? judgeScope(d.read.request, search, question) : null;
    if (scope?.refuse) [kind, refusal] = ['out_of_scope', { ...d.read, request: scope.request }];
  }
  const level = raise(d.read.level, await d.model);
  if (level === 'emergency') kind = 'emergency';
  else if (level === 'urgent' && kind === 'out_of_scope') kind = 'answer';
  return { kind, level, read: d.read, refusal };
}

export interface Helplines {
  numbers: SafetyNumber[];
  meta: Pick<ChatMeta, 'emergency' | 'safety'>;
}

/**
 * The numbers shown with the answer (the hotline, legal aid and the province's child line as
 * officials set them in the console): all of them for an emergency, the fitting ones for an
 * urgent answer, none with a refusal.
 */
export function helplines(dial: Numbers, t: Triage): Helplines {
  const numbers = t.kind === 'out_of_scope' ? [] : safetyNumbers(dial, t.read, t.level);
  const emergency = t.kind === 'emergency' ? { numbers } : undefined;
  const alert = t.kind !== 'out_of_scope' && t.level !== 'ordinary' ? { level: t.level as 'emergency' | 'urgent', numbers } : undefined;
  return { numbers, meta: { emergency, ...(alert ? { safety: alert } : {}) } };
}

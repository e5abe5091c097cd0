import { saveTurn } from '../../../store/conversations.js';
import type { AnswerKind, AnswerOutput } from '../../answer/answerer.js';
import { RequestAborted } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Suggestion } from '../suggest.js';
import type { ChatRequest } from '../types.js';

export interface AnsweredTurn {
  conversationId: string;
  message: string;
  resolved: string;
  kind: AnswerKind;
  topic: string | null;
  out: AnswerOutput;
  official: boolean;
  suggestions: Suggestion[];
}

/**
 * Step 6: the question and its answer in one statement (store/conversations.ts saveTurn), so a
 * turn is stored whole or not at all and a new conversation is created with it. Returns the
 * answer's message id (for 👍/👎 and hand-over).
 */
export async function persistTurn(s: Pick<Services, 'db'>, req: ChatRequest, t: AnsweredTurn): Promise<number> {
  // She closed the tab: the answer she will never see is not stored (nor any fallback made for it).
  if (req.signal?.aborted) throw new RequestAborted();
  return saveTurn(s.db, {
    conversationId: t.conversationId,
    ownerKey: req.ownerKey,
    noHistory: req.noHistory,
    channel: req.channel,
    user: { content: t.message, resolvedQuery: t.resolved, topic: t.topic },
    // Kept with the answer, so a reopened conversation shows the same next questions under it.
    assistant: {
      content: t.out.answer,
      kind: t.kind,
      topic: t.topic,
      citations: t.out.citations,
      fallback: t.out.fallback,
      official: t.official,
      suggestions: t.suggestions,
    },
  });
}

import crypto from 'node:crypto';
import { nfc } from '../../../ingest/text/vietnamese.js';
import { openConversation } from '../../../store/conversations.js';
import type { Turn } from '../../answer/answerer.js';
import { badRequest } from '../../errors.js';
import type { Services } from '../../services.js';
import type { ChatRequest } from '../types.js';

/** Turns of history the follow-up rewriter and the answerer see: enough for "thế còn…", little to send. */
const HISTORY_TURNS = 6;

export interface HistoryMessage {
  role: string;
  content: string;
  resolved_query: string | null;
}

/** The turn being answered: her message, cleaned, and the conversation it belongs to. */
export interface OpenTurn {
  message: string;
  conversationId: string;
  /** The last messages, oldest first, as stored (the resolved query lets a follow-up lean on it). */
  history: HistoryMessage[];
  turns: Turn[];
}

/**
 * Step 1: her message and its conversation, in one read. A conversation that does not exist (or
 * no longer does) gets a new id; it is written with its first turn (persist.ts), so an
 * abandoned question leaves no empty conversation behind.
 */
export async function openTurn(s: Pick<Services, 'db' | 'config'>, req: ChatRequest): Promise<OpenTurn> {
  const message = nfc(req.message).trim();
  if (!message) throw badRequest('empty_message', 'Chị hãy nhập câu hỏi.');
  const open = req.conversationId ? await openConversation(s.db, req.conversationId, HISTORY_TURNS) : null;
  if (open && open.messages >= s.config.MAX_TURNS_PER_CONVERSATION * 2) {
    throw badRequest('conversation_full', 'Cuộc trò chuyện đã quá dài. Chị hãy bắt đầu cuộc trò chuyện mới.');
  }
  const history = open?.recent ?? [];
  return {
    message,
    conversationId: open ? req.conversationId! : crypto.randomBytes(18).toString('base64url'),
    history,
    turns: history.map((m) => ({ role: m.role, content: m.content })),
  };
}

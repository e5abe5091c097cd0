import type { AnswerKind, Citation } from '../answer/answerer.js';
import type { SafetyNumber } from '../safety/gate.js';
import type { Channel } from './channel.js';
import type { Suggestion } from './suggest.js';

/** What the chat use case is asked: the same for the web chat, the widget, the Mini App and the OpenAI-compatible API. */
export interface ChatRequest {
  message: string;
  conversationId?: string;
  noHistory?: boolean;
  /** Opaque key (e.g. a hashed Zalo user id) the member chose to link her history to. */
  ownerKey?: string;
  /** Which client asked (for the officials' monthly report by channel); recorded with the first turn. */
  channel?: Channel;
  /** Aborted when she goes away (closed tab, lost connection): nothing is then stored. */
  signal?: AbortSignal;
}

export interface EmergencyInfo {
  numbers: { label: string; number: string }[];
}

/** Sent before the first token, so a client can show the helplines while the answer is made. */
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

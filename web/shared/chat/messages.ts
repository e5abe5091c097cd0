import type { AnswerKind, ChatResponse, Citation, ConversationMessage, EmergencyInfo, NextQuestion, SafetyAlert } from '../api.js';

/**
 * One message as every chat face shows it (web chat, widget, Zalo Mini App). The faces differ
 * only in look; what a message is, and how it changes while an answer streams, lives here.
 */
export interface ChatMessage {
  key: string;
  role: 'user' | 'assistant';
  text: string;
  /** The server's id of an assistant message: needed for 👍/👎, hand-over and share. */
  messageId?: number;
  kind?: AnswerKind | null;
  citations: Citation[];
  fallback?: boolean;
  official?: boolean;
  /** An official's reply to the question she handed over: her question, as officials saw it. */
  reply?: { question: string };
  emergency?: EmergencyInfo;
  safety?: SafetyAlert;
  /** Tappable next questions the server suggested with this answer. */
  suggestions?: NextQuestion[];
  status: 'streaming' | 'done' | 'error';
  error?: string;
  /** The question behind an answer that failed, to send again. */
  question?: string;
}

export type MessagePatch = Partial<ChatMessage> | ((m: ChatMessage) => Partial<ChatMessage>);

let seq = 0;
/** A key unique on this page, for messages not yet known to the server. */
export const nextKey = (): string => `m${Date.now().toString(36)}-${seq++}`;

/** A stored message as the conversation API returns it (reopening, official replies). */
export function fromServer(m: ConversationMessage): ChatMessage {
  return {
    key: `s${m.id}`,
    role: m.role,
    text: m.content,
    messageId: m.role === 'assistant' ? m.id : undefined,
    kind: m.kind ?? null,
    citations: m.citations ?? [],
    fallback: m.fallback,
    official: m.official,
    reply: m.reply,
    // A reopened emergency answer keeps its call buttons.
    emergency: m.emergency,
    suggestions: m.suggestions,
    status: 'done',
  };
}

/** The list with one message changed; the others keep their identity so React redraws only it. */
export function patchMessage(all: readonly ChatMessage[], key: string, patch: MessagePatch): ChatMessage[] {
  return all.map((m) => (m.key === key ? { ...m, ...(typeof patch === 'function' ? patch(m) : patch) } : m));
}

/**
 * The finished answer. The safety meta sent first (before any token) is kept when the final
 * reply leaves it out, so the call buttons never disappear at the end of the stream.
 */
export function finished(r: ChatResponse): (m: ChatMessage) => Partial<ChatMessage> {
  return (m) => ({
    text: r.answer,
    messageId: r.messageId,
    kind: r.kind,
    citations: r.citations,
    fallback: r.fallback,
    official: r.official,
    emergency: r.emergency ?? m.emergency,
    safety: r.safety ?? m.safety,
    suggestions: r.suggestions,
    status: 'done',
  });
}

/** What a screen reader hears when an answer is complete. */
export function answeredStatus(kind: AnswerKind | null | undefined): string {
  return kind === 'emergency' ? 'Đã trả lời. Có số điện thoại khẩn cấp ở đầu câu trả lời.' : 'Đã trả lời.';
}

/** The server refuses longer questions (MAX_MESSAGE_CHARS, served by GET /api/welcome): say so before sending. */
export function tooLong(question: string, maxChars: number): string | null {
  return question.length > maxChars ? `Câu hỏi dài quá ${maxChars} ký tự. Chị hãy rút gọn lại.` : null;
}

/** Scrolls a message to the top of the view: her question before a long answer, the call buttons in danger. */
export function scrollToMessage(key: string): void {
  requestAnimationFrame(() => document.querySelector(`[data-key="${key}"]`)?.scrollIntoView({ block: 'start' }));
}

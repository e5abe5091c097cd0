import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type AnswerKind, type Citation, type ConversationMessage, type EmergencyInfo, type SafetyAlert } from '../../../shared/api.js';
import { api } from '../api.js';
import { newestUnseenReply } from '../../../shared/replies.js';
import { forgetConversation, markReplySeen, saveConversation, seenReply } from '../storage.js';


export interface ChatMessage {
  key: string;
  role: 'user' | 'assistant';
  text: string;
  messageId?: number;
  kind?: AnswerKind | null;
  citations: Citation[];
  fallback?: boolean;
  official?: boolean;
  /** An official's reply to the question she handed over: her question, as officials saw it. */
  reply?: { question: string };
  emergency?: EmergencyInfo;
  safety?: SafetyAlert;
  status: 'streaming' | 'done' | 'error';
  error?: string;
  /** The question behind an answer that failed, to send again. */
  question?: string;
}

let seq = 0;
const nextKey = () => `m${Date.now().toString(36)}-${seq++}`;

function fromServer(m: ConversationMessage): ChatMessage {
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
    status: 'done',
  };
}

export interface ChatOptions {
  /** Her hashed Zalo id when she opted in: sent with each question and used to file the conversation on the phone. */
  ownerKey: string | null;
  /** Conversation to reopen (the last one she had, when she opted in). */
  resumeId: string | null;
  onEmergency: (e: EmergencyInfo) => void;
}

export function useChat({ ownerKey, resumeId, onEmergency }: ChatOptions) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [status, setStatus] = useState('');
  /** Set on reopening when an official replied since she last looked: that message's key. */
  const [newReply, setNewReply] = useState<string | null>(null);
  const conversationRef = useRef<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const ownerRef = useRef(ownerKey);
  ownerRef.current = ownerKey;
  const emergencyRef = useRef(onEmergency);
  emergencyRef.current = onEmergency;

  const remember = (id: string) => {
    conversationRef.current = id;
    if (ownerRef.current) saveConversation(ownerRef.current, id);
  };

  useEffect(() => {
    if (!resumeId) return;
    const ctrl = new AbortController();
    setRestoring(true);
    api
      .conversation(resumeId, ctrl.signal)
      .then(
        (c) => {
          conversationRef.current = c.id;
          setMessages(c.messages.map(fromServer));
          const owner = ownerRef.current;
          const unseen = owner ? newestUnseenReply(c.messages, seenReply(owner)) : null;
          if (owner && unseen !== null) {
            setNewReply(`s${unseen}`);
            markReplySeen(owner, unseen);
          }
        },
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          // Expired on the server: start afresh rather than show an error.
          if (err instanceof ApiError && err.status === 404 && ownerRef.current) forgetConversation(ownerRef.current, resumeId);
        },
      )
      .finally(() => setRestoring(false));
    return () => ctrl.abort();
  }, [resumeId]);

  const update = (key: string, patch: Partial<ChatMessage> | ((m: ChatMessage) => Partial<ChatMessage>)) =>
    setMessages((all) => all.map((m) => (m.key === key ? { ...m, ...(typeof patch === 'function' ? patch(m) : patch) } : m)));

  /**
   * `maxChars`: what the server accepts (GET /api/welcome, MAX_MESSAGE_CHARS), to say so before
   * sending; the topic list's own short questions need no check (the server checks again anyway).
   */
  const send = async (raw: string, maxChars = Number.POSITIVE_INFINITY): Promise<boolean> => {
    const question = raw.trim();
    if (!question || busy) return false;
    if (question.length > maxChars) {
      setStatus(`Câu hỏi dài quá ${maxChars} ký tự. Chị hãy rút gọn lại.`);
      return false;
    }
    const user: ChatMessage = { key: nextKey(), role: 'user', text: question, citations: [], status: 'done' };
    const answer: ChatMessage = { key: nextKey(), role: 'assistant', text: '', citations: [], status: 'streaming' };
    setMessages((all) => [...all, user, answer]);
    setBusy(true);
    setStatus('Đang trả lời…');
    requestAnimationFrame(() => document.querySelector(`[data-key="${user.key}"]`)?.scrollIntoView({ block: 'start' }));
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    try {
      const r = await api.chatStream(
        {
          message: question,
          channel: 'zalo',
          ...(conversationRef.current ? { conversationId: conversationRef.current } : {}),
          ...(ownerRef.current ? { ownerKey: ownerRef.current } : {}),
        },
        {
          onMeta: (meta) => {
            remember(meta.conversationId);
            update(answer.key, { kind: meta.kind, emergency: meta.emergency, safety: meta.safety });
            if (meta.emergency) emergencyRef.current(meta.emergency);
            // Danger now: the call buttons come before anything else she sees.
            if (meta.kind === 'emergency') requestAnimationFrame(() => document.querySelector(`[data-key="${answer.key}"]`)?.scrollIntoView({ block: 'start' }));
          },
          onToken: (t) => update(answer.key, (m) => ({ text: m.text + t })),
          onCitations: (citations) => update(answer.key, { citations }),
        },
        ctrl.signal,
      );
      remember(r.conversationId);
      if (r.emergency) emergencyRef.current(r.emergency);
      update(answer.key, (m) => ({
        text: r.answer,
        messageId: r.messageId,
        kind: r.kind,
        citations: r.citations,
        fallback: r.fallback,
        official: r.official,
        emergency: r.emergency ?? m.emergency,
        safety: r.safety ?? m.safety,
        status: 'done',
      }));
      setStatus(r.kind === 'emergency' ? 'Đã trả lời. Có số điện thoại khẩn cấp ở đầu câu trả lời.' : 'Đã trả lời.');
    } catch (err) {
      if (ctrl.signal.aborted) return true;
      const message = err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Chị hãy thử lại.';
      update(answer.key, { status: 'error', error: message, question });
      setStatus(message);
    } finally {
      if (abortRef.current === ctrl) {
        abortRef.current = null;
        setBusy(false);
      }
    }
    return true;
  };

  const reset = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    conversationRef.current = null;
    setBusy(false);
    setMessages([]);
    setStatus('Đã bắt đầu cuộc trò chuyện mới.');
  }, []);

  /** The conversation under way, if any (filed on the phone when she opts in mid-conversation). */
  const currentId = useCallback(() => conversationRef.current, []);

  const dismissReply = useCallback(() => setNewReply(null), []);

  return { messages, busy, restoring, status, send, reset, currentId, newReply, dismissReply };
}

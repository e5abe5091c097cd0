import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Api, type ChatRequest, type EmergencyInfo } from '../api.js';
import { newestUnseenReply } from '../replies.js';
import { answeredStatus, finished, fromServer, nextKey, patchMessage, scrollToMessage, tooLong, type ChatMessage, type MessagePatch } from './messages.js';

/**
 * The chat core every face uses (web chat, widget, Zalo Mini App): the conversation, sending a
 * question and streaming its answer with abort, the emergency meta that comes before any
 * token, reopening a conversation with the officials' replies in it, and a new conversation.
 * What is kept on the phone, and where, stays with each face (web: scope and private mode;
 * Zalo: only after opt-in, per Zalo account), passed in as callbacks.
 */
export interface ChatCoreOptions {
  api: Pick<Api, 'chatStream' | 'conversation'>;
  channel: NonNullable<ChatRequest['channel']>;
  /** A conversation to reopen (a reload, or the Mini App's remembered one); null starts empty. */
  resumeId: string | null;
  /** Fields sent with each question besides the text (noHistory, ownerKey); read at send time. */
  extras?: () => Partial<ChatRequest>;
  /** The server named the conversation: the face keeps its id where it keeps things. */
  onConversation?: (id: string) => void;
  /** Danger found: the face may put the numbers on its call screen too. */
  onEmergency?: (e: EmergencyInfo) => void;
  /** Whether the server was reached (a request went through) or not (the network failed). */
  onNetwork?: (reachable: boolean) => void;
  /** The officials' replies she was already told about on this phone; null: tell nothing. */
  replies?: () => { seen: number; mark: (messageId: number) => void } | null;
  /** Reopening: the server no longer has the conversation (expired or deleted). */
  onExpired?: (id: string) => void;
  /** Reopening with no network: a copy kept on the phone after her last answer, if any. */
  offlineCopy?: () => Promise<{ conversationId: string; messages: ChatMessage[] } | null>;
}

export interface SendOptions {
  /** What the server accepts (GET /api/welcome); longer questions are refused here first. */
  maxChars?: number;
  /**
   * The network went before the answer began: called instead of showing an error, after her
   * question's bubbles are removed, so the face can keep the question to send later.
   */
  onOffline?: (question: string) => void;
}

/** sent: the server answered or refused; rejected: not sent at all (empty, too long, busy); offline: see onOffline. */
export type SendResult = 'sent' | 'rejected' | 'offline' | 'aborted';

export function useChatCore(options: ChatCoreOptions) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [status, setStatus] = useState('');
  /** Set on reopening when an official replied since she last looked: that message's key. */
  const [newReply, setNewReply] = useState<string | null>(null);
  const conversationRef = useRef<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  // The callbacks change every render; the latest ones are read when they are needed.
  const opts = useRef(options);
  opts.current = options;

  const adopt = useCallback((id: string | null) => {
    conversationRef.current = id;
    setConversationId(id);
  }, []);

  const remember = (id: string) => {
    adopt(id);
    opts.current.onConversation?.(id);
  };

  const { resumeId } = options;
  useEffect(() => {
    if (!resumeId) return;
    const ctrl = new AbortController();
    const o = opts.current;
    setRestoring(true);
    const fromPhone = async () => {
      const kept = await o.offlineCopy?.();
      if (ctrl.signal.aborted || !kept || kept.conversationId !== resumeId) return;
      adopt(resumeId);
      setMessages(kept.messages);
      setStatus('Máy đang không có mạng: đây là cuộc trò chuyện đã lưu trên máy.');
    };
    if (o.offlineCopy && navigator.onLine === false) {
      void fromPhone().finally(() => setRestoring(false));
      return () => ctrl.abort();
    }
    o.api
      .conversation(resumeId, ctrl.signal)
      .then(
        (c) => {
          o.onNetwork?.(true);
          adopt(c.id);
          setMessages(c.messages.map(fromServer));
          const replies = opts.current.replies?.();
          const unseen = replies ? newestUnseenReply(c.messages, replies.seen) : null;
          if (replies && unseen !== null) {
            setNewReply(`s${unseen}`);
            replies.mark(unseen);
          }
        },
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          // Expired or deleted on the server: start afresh rather than show an error.
          if (err instanceof ApiError && err.status === 404) o.onExpired?.(resumeId);
          if (err instanceof ApiError && err.code === 'network') {
            o.onNetwork?.(false);
            return fromPhone();
          }
        },
      )
      .finally(() => setRestoring(false));
    return () => ctrl.abort();
  }, [resumeId, adopt]);

  const update = (key: string, patch: MessagePatch) => setMessages((all) => patchMessage(all, key, patch));

  const send = async (raw: string, { maxChars = Number.POSITIVE_INFINITY, onOffline }: SendOptions = {}): Promise<SendResult> => {
    const question = raw.trim();
    if (!question || abortRef.current) return 'rejected';
    const refusal = tooLong(question, maxChars);
    if (refusal) {
      setStatus(refusal);
      return 'rejected';
    }
    const o = opts.current;
    const user: ChatMessage = { key: nextKey(), role: 'user', text: question, citations: [], status: 'done' };
    const answer: ChatMessage = { key: nextKey(), role: 'assistant', text: '', citations: [], status: 'streaming' };
    setMessages((all) => [...all, user, answer]);
    setBusy(true);
    setStatus('Đang trả lời…');
    // Bring her question to the top: a long answer is then read from its beginning.
    scrollToMessage(user.key);
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    try {
      const r = await o.api.chatStream(
        {
          message: question,
          channel: o.channel,
          ...(conversationRef.current ? { conversationId: conversationRef.current } : {}),
          ...o.extras?.(),
        },
        {
          onMeta: (meta) => {
            o.onNetwork?.(true);
            remember(meta.conversationId);
            update(answer.key, { kind: meta.kind, emergency: meta.emergency, safety: meta.safety });
            if (meta.emergency) opts.current.onEmergency?.(meta.emergency);
            // Danger now: the call buttons come before anything else she sees.
            if (meta.kind === 'emergency') scrollToMessage(answer.key);
          },
          onToken: (t) => update(answer.key, (m) => ({ text: m.text + t })),
          onCitations: (citations) => update(answer.key, { citations }),
        },
        ctrl.signal,
      );
      remember(r.conversationId);
      if (r.emergency) opts.current.onEmergency?.(r.emergency);
      update(answer.key, finished(r));
      setStatus(answeredStatus(r.kind));
      return 'sent';
    } catch (err) {
      if (ctrl.signal.aborted) return 'aborted';
      // The network went before the answer began: the face may keep the question instead of losing it.
      if (onOffline && err instanceof ApiError && err.code === 'network') {
        setMessages((all) => all.filter((m) => m.key !== user.key && m.key !== answer.key));
        o.onNetwork?.(false);
        onOffline(question);
        setStatus('Không kết nối được tới máy chủ. Câu hỏi đang chờ gửi và sẽ tự gửi khi có mạng lại.');
        return 'offline';
      }
      const message = err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Chị hãy thử lại.';
      update(answer.key, { status: 'error', error: message, question });
      setStatus(message);
      return 'sent';
    } finally {
      if (abortRef.current === ctrl) {
        abortRef.current = null;
        setBusy(false);
      }
    }
  };

  /** A new conversation: the answer under way is stopped and the list emptied (storage is the face's). */
  const reset = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    adopt(null);
    setBusy(false);
    setMessages([]);
    setStatus('Đã bắt đầu cuộc trò chuyện mới.');
  }, [adopt]);

  /** The conversation under way, if any, read without waiting for a render. */
  const currentId = useCallback(() => conversationRef.current, []);
  /** "Xem câu trả lời": the official's reply at the top of the view, and the notice gone. */
  const openReply = useCallback(() => {
    if (newReply) scrollToMessage(newReply);
    setNewReply(null);
  }, [newReply]);

  return { messages, conversationId, busy, restoring, status, setStatus, send, reset, currentId, newReply, openReply };
}

export type ChatCore = ReturnType<typeof useChatCore>;

import { useState, type FormEvent } from 'react';
import { ApiError, type createApi } from './api.js';

type Api = Pick<ReturnType<typeof createApi>, 'feedback' | 'handover'>;

export interface AnswerRef {
  messageId: number;
  conversationId: string;
  kind?: string | null;
  official?: boolean;
}

/**
 * 👍/👎 with an optional comment and the hand-over of a question to the union's officials, for
 * every chat face (each draws its own buttons). A hand-over is offered after 👎 or when the
 * library had no answer, never on an answer officials already wrote.
 */
export function useAnswerActions(api: Api, ref: AnswerRef) {
  const [rating, setRating] = useState<1 | -1 | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const fail = (err: unknown) => setNotice({ text: err instanceof ApiError ? err.message : 'Không gửi được. Chị hãy thử lại.', error: true });

  /** Resolves true when the server took it. */
  const rate = async (r: 1 | -1, comment?: string): Promise<boolean> => {
    setSending(true);
    try {
      await api.feedback({ messageId: ref.messageId, conversationId: ref.conversationId, rating: r, ...(comment?.trim() ? { comment: comment.trim() } : {}) });
      setRating(r);
      setNotice({ text: r === 1 ? 'Cảm ơn chị đã đánh giá.' : 'Cảm ơn chị đã góp ý. Chị có thể gửi câu hỏi cho cán bộ Hội để được trả lời kỹ hơn.' });
      return true;
    } catch (err) {
      fail(err);
      return false;
    } finally {
      setSending(false);
    }
  };

  const handover = async (note?: string): Promise<boolean> => {
    setSending(true);
    try {
      const r = await api.handover({ messageId: ref.messageId, conversationId: ref.conversationId, ...(note?.trim() ? { note: note.trim() } : {}) });
      setHandedOver(r.message);
      return true;
    } catch (err) {
      fail(err);
      return false;
    } finally {
      setSending(false);
    }
  };

  const canHandOver = (ref.kind === 'out_of_scope' || rating === -1) && !ref.official && !handedOver;

  // The two small forms under an answer: what she writes, whether each is open, and sending it.
  const [commentOpen, setCommentOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [handoverOpen, setHandoverOpen] = useState(false);
  const [note, setNote] = useState('');
  const submitComment = async (e: FormEvent) => {
    e.preventDefault();
    if (await rate(-1, comment)) setCommentOpen(false);
  };
  const submitHandover = async (e: FormEvent) => {
    e.preventDefault();
    if (await handover(note)) setHandoverOpen(false);
  };

  return {
    rating,
    notice,
    handedOver,
    sending,
    rate,
    handover,
    canHandOver,
    comment: { open: commentOpen, setOpen: setCommentOpen, text: comment, setText: setComment, submit: submitComment },
    handoverForm: { open: handoverOpen && canHandOver, setOpen: setHandoverOpen, text: note, setText: setNote, submit: submitHandover },
  };
}

/** In plain words how she hears back, shown before she sends a question to the officials. */
export const HANDOVER_HOW =
  'Cán bộ Hội sẽ đọc câu hỏi (không kèm tên hay số điện thoại của chị). Khi cán bộ trả lời, câu trả lời hiện ngay trong cuộc trò chuyện này: chị mở lại Hiểu Luật là thấy.';

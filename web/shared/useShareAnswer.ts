import { useState } from 'react';
import { ApiError, type createApi, type ShareCreated } from './api.js';

type Api = Pick<ReturnType<typeof createApi>, 'share'>;

/** How a face hands the link on: the phone's share sheet, Zalo's, or the clipboard. */
export type SendLink = (s: ShareCreated) => Promise<{ text: string; error?: boolean } | null>;

/**
 * "Chia sẻ" for every chat face: makes a public page of one answer (/a/<id>) — by default naming
 * the topic, her words only when she ticks it, never her conversation — then hands the link on
 * the face's own way (web: navigator.share or the clipboard; Zalo Mini App: Zalo's share sheet).
 */
export function useShareAnswer(api: Api, ref: { messageId: number; conversationId: string }, sendLink: SendLink) {
  const [withQuestion, setWithQuestion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<ShareCreated | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const send = async (s: ShareCreated) => {
    const n = await sendLink(s);
    if (n) setNotice(n);
  };

  const create = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const s = await api.share({ conversationId: ref.conversationId, messageId: ref.messageId, ...(withQuestion ? { includeQuestion: true } : {}) });
      setMade(s);
      await send(s);
    } catch (err) {
      setNotice({ text: err instanceof ApiError ? err.message : 'Không tạo được liên kết. Chị hãy thử lại.', error: true });
    } finally {
      setBusy(false);
    }
  };

  return { withQuestion, setWithQuestion, busy, made, notice, create, resend: () => (made ? send(made) : Promise.resolve()) };
}

/** What the share panel says before the link is made, the same on every face. */
export const SHARE_WHAT = 'Tạo một trang chỉ có câu trả lời này và căn cứ pháp lý, để gửi vào nhóm Zalo. Cuộc trò chuyện của chị không được gửi đi.';
export const SHARE_WITH_QUESTION = 'Kèm câu hỏi của tôi (mọi người sẽ đọc được lời chị hỏi). Không đánh dấu thì trang chỉ ghi chủ đề.';
export const shareExpiry = (s: ShareCreated) =>
  `Liên kết hết hạn ngày ${new Date(s.expiresAt).toLocaleDateString('vi-VN')}. Cán bộ Hội có thể thu hồi nếu cần.`;

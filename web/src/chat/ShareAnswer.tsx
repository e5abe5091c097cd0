import { useState } from 'react';
import { ApiError, type ShareCreated } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { ShareIcon } from '../lib/icons.js';
import './features.css';

interface Props {
  messageId: number;
  conversationId: string;
}

/**
 * "Chia sẻ": makes a public page of this one answer (/a/<id>) for the village Zalo group. Only
 * what she chooses leaves the phone: by default the page names the topic, not her words; her
 * conversation is never on it. Then the phone's share sheet (Zalo, Messenger…) gets the link, or
 * the link is copied where there is no share sheet.
 *
 * Rendered inside the answer's row of actions: the panel takes a whole line of its own.
 */
export function ShareAnswer({ messageId, conversationId }: Props) {
  const [open, setOpen] = useState(false);
  const [withQuestion, setWithQuestion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<ShareCreated | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const create = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const s = await api.share({ conversationId, messageId, ...(withQuestion ? { includeQuestion: true } : {}) });
      setMade(s);
      await send(s);
    } catch (err) {
      setNotice({ text: err instanceof ApiError ? err.message : 'Không tạo được liên kết. Chị hãy thử lại.', error: true });
    } finally {
      setBusy(false);
    }
  };

  const send = async (s: ShareCreated) => {
    const nav = navigator as Navigator & { share?: (d: { title?: string; text?: string; url?: string }) => Promise<void> };
    if (typeof nav.share === 'function') {
      try {
        await nav.share({ title: 'Hiểu Luật', text: s.title ?? 'Hỏi đáp pháp luật', url: s.url });
        setNotice({ text: 'Đã mở phần chia sẻ của điện thoại.' });
        return;
      } catch (err) {
        if ((err as { name?: string }).name === 'AbortError') return;
      }
    }
    setNotice((await copyText(s.url)) ? { text: 'Đã sao chép liên kết. Chị dán vào nhóm Zalo để gửi.' } : { text: 'Chị hãy chép liên kết bên dưới.', error: true });
  };

  return (
    <>
      <button type="button" className="btn btn-ghost" aria-expanded={open} aria-controls={`share-${messageId}`} onClick={() => setOpen((o) => !o)}>
        <ShareIcon /> Chia sẻ
      </button>
      {open && (
        <div className="share-panel" id={`share-${messageId}`} data-testid="share-panel">
          {!made ? (
            <>
              <p>Tạo một trang chỉ có câu trả lời này và căn cứ pháp lý, để gửi vào nhóm Zalo. Cuộc trò chuyện của chị không được gửi đi.</p>
              <label>
                <input type="checkbox" checked={withQuestion} onChange={(e) => setWithQuestion(e.target.checked)} />
                <span>Kèm câu hỏi của tôi (mọi người sẽ đọc được lời chị hỏi). Không đánh dấu thì trang chỉ ghi chủ đề.</span>
              </label>
              <div className="row">
                <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => void create()}>
                  Tạo liên kết chia sẻ
                </button>
                <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
                  Huỷ
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                Liên kết:{' '}
                <a className="share-link" href={made.url} target="_blank" rel="noopener noreferrer" data-testid="share-link">
                  {made.url}
                </a>
              </p>
              <p>Liên kết hết hạn ngày {new Date(made.expiresAt).toLocaleDateString('vi-VN')}. Cán bộ Hội có thể thu hồi nếu cần.</p>
              <div className="row">
                <button type="button" className="btn btn-small" onClick={() => void send(made)}>
                  Gửi lại liên kết
                </button>
              </div>
            </>
          )}
          {notice && (
            <p className={`note${notice.error ? ' note-error' : ''}`} role="status">
              {notice.text}
            </p>
          )}
        </div>
      )}
    </>
  );
}

import { useState } from 'react';
import { SHARE_WHAT, SHARE_WITH_QUESTION, shareExpiry, useShareAnswer, type SendLink } from '../../shared/useShareAnswer.js';
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
/** The phone's share sheet (Zalo, Messenger…) where there is one, else the clipboard. */
const sendLink: SendLink = async (s) => {
  const nav = navigator as Navigator & { share?: (d: { title?: string; text?: string; url?: string }) => Promise<void> };
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title: 'Hiểu Luật', text: s.title ?? 'Hỏi đáp pháp luật', url: s.url });
      return { text: 'Đã mở phần chia sẻ của điện thoại.' };
    } catch (err) {
      if ((err as { name?: string }).name === 'AbortError') return null;
    }
  }
  return (await copyText(s.url)) ? { text: 'Đã sao chép liên kết. Chị dán vào nhóm Zalo để gửi.' } : { text: 'Chị hãy chép liên kết bên dưới.', error: true };
};

export function ShareAnswer({ messageId, conversationId }: Props) {
  const [open, setOpen] = useState(false);
  const { withQuestion, setWithQuestion, busy, made, notice, create, resend } = useShareAnswer(api, { messageId, conversationId }, sendLink);

  return (
    <>
      <button type="button" className="btn btn-ghost" aria-expanded={open} aria-controls={`share-${messageId}`} onClick={() => setOpen((o) => !o)}>
        <ShareIcon /> Chia sẻ
      </button>
      {open && (
        <div className="share-panel" id={`share-${messageId}`} data-testid="share-panel">
          {!made ? (
            <>
              <p>{SHARE_WHAT}</p>
              <label>
                <input type="checkbox" checked={withQuestion} onChange={(e) => setWithQuestion(e.target.checked)} />
                <span>{SHARE_WITH_QUESTION}</span>
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
              <p>{shareExpiry(made)}</p>
              <div className="row">
                <button type="button" className="btn btn-small" onClick={() => void resend()}>
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

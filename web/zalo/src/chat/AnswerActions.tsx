import { useState } from 'react';
import { Button } from 'zmp-ui';
import { HANDOVER_HOW, useAnswerActions } from '../../../shared/useAnswerActions.js';
import { SHARE_WHAT, SHARE_WITH_QUESTION, shareExpiry, useShareAnswer, type SendLink } from '../../../shared/useShareAnswer.js';
import { api } from '../api.js';
import { shareLink } from '../zalo.js';
import { handoverApi } from '../notify.js';
import type { ChatMessage } from '../../../shared/chat/messages.js';

/** Zalo's share sheet first: the village group is in Zalo. */
const sendLink: SendLink = async (s) => {
  const how = await shareLink(s.url);
  if (how === 'cancelled') return null;
  if (how === 'zalo') return { text: 'Đã gửi liên kết qua Zalo.' };
  return how === 'copied' ? { text: 'Đã sao chép liên kết. Chị dán vào nhóm Zalo để gửi.' } : { text: 'Chị hãy chép liên kết bên dưới.', error: true };
};

/**
 * 👍/👎, "Chia sẻ" and "send to the union's officials" under an answer, in zmp-ui buttons; the logic is the
 * web chat's (web/shared/useAnswerActions.ts). How she hears back depends on whether the Mini
 * App remembers her conversations, so the form says which.
 */
export function AnswerActions({ m, conversationId, remembering }: { m: ChatMessage; conversationId: string; remembering: boolean }) {
  // Zalo may ask whether she wants to be told when the official answers (web/zalo/src/notify.ts).
  const a = useAnswerActions(handoverApi(remembering), { messageId: m.messageId!, conversationId, kind: m.kind, official: m.official });
  const [shareOpen, setShareOpen] = useState(false);
  const share = useShareAnswer(api, { messageId: m.messageId!, conversationId }, sendLink);

  return (
    <div className="hl-actions-wrap">
      <div className="hl-actions" role="group" aria-label="Thao tác với câu trả lời">
        <Button size="small" variant="tertiary" type="neutral" aria-pressed={a.rating === 1} disabled={a.sending} onClick={() => void a.rate(1)}>
          <span aria-hidden="true">👍</span> Hữu ích
        </Button>
        <Button
          size="small"
          variant="tertiary"
          type="neutral"
          aria-pressed={a.rating === -1 || a.comment.open}
          aria-expanded={a.comment.open}
          disabled={a.sending}
          onClick={() => a.comment.setOpen((o) => !o)}
        >
          <span aria-hidden="true">👎</span> Chưa đúng
        </Button>
        {m.kind !== 'emergency' && (
          <Button size="small" variant="tertiary" type="neutral" aria-expanded={shareOpen} onClick={() => setShareOpen((o) => !o)}>
            Chia sẻ
          </Button>
        )}
        {a.canHandOver && (
          <Button size="small" variant="tertiary" type="neutral" aria-expanded={a.handoverForm.open} onClick={() => a.handoverForm.setOpen((o) => !o)}>
            Gửi cho cán bộ Hội
          </Button>
        )}
      </div>

      {a.comment.open && (
        <form className="hl-inline-form" onSubmit={(e) => void a.comment.submit(e)}>
          <label htmlFor={`hl-comment-${m.key}`}>Câu trả lời chưa đúng ở đâu? (không bắt buộc)</label>
          <textarea id={`hl-comment-${m.key}`} value={a.comment.text} maxLength={1000} onChange={(e) => a.comment.setText(e.target.value)} />
          <Button size="small" htmlType="submit" disabled={a.sending}>
            Gửi góp ý
          </Button>
        </form>
      )}

      {shareOpen && (
        <div className="hl-inline-form" data-testid="share-panel">
          {!share.made ? (
            <>
              <p className="hl-muted">{SHARE_WHAT}</p>
              <label className="hl-check">
                <input type="checkbox" checked={share.withQuestion} onChange={(e) => share.setWithQuestion(e.target.checked)} /> {SHARE_WITH_QUESTION}
              </label>
              <Button size="small" disabled={share.busy} onClick={() => void share.create()}>
                Chia sẻ qua Zalo
              </Button>
            </>
          ) : (
            <>
              <p className="hl-muted">
                Liên kết: <span data-testid="share-link">{share.made.url}</span>
              </p>
              <p className="hl-muted">{shareExpiry(share.made)}</p>
              <Button size="small" variant="secondary" onClick={() => void share.resend()}>
                Gửi lại liên kết
              </Button>
            </>
          )}
          {share.notice && (
            <p className={share.notice.error ? 'hl-error' : 'hl-note'} role="status">
              {share.notice.text}
            </p>
          )}
        </div>
      )}

      {a.handoverForm.open && (
        <form className="hl-inline-form" onSubmit={(e) => void a.handoverForm.submit(e)}>
          <p className="hl-muted" data-testid="handover-how">
            {HANDOVER_HOW}{' '}
            {remembering
              ? 'Hiểu Luật đang ghi nhớ cuộc trò chuyện bằng tài khoản Zalo của chị, nên chị mở lại Mini App là thấy.'
              : 'Để thấy câu trả lời khi mở lại Mini App, chị bật “Ghi nhớ bằng tài khoản Zalo” ở mục Giới thiệu trước khi đóng.'}
          </p>
          <label htmlFor={`hl-note-${m.key}`}>Chị muốn nhắn thêm gì cho cán bộ Hội? (không bắt buộc, đừng ghi tên, số điện thoại)</label>
          <textarea id={`hl-note-${m.key}`} value={a.handoverForm.text} maxLength={1000} onChange={(e) => a.handoverForm.setText(e.target.value)} />
          <Button size="small" htmlType="submit" disabled={a.sending}>
            Gửi câu hỏi cho cán bộ Hội
          </Button>
        </form>
      )}

      {a.handedOver && (
        <p className="hl-note" role="status">
          {a.handedOver}
        </p>
      )}
      {a.notice && (
        <p className={a.notice.error ? 'hl-error' : 'hl-note'} role="status">
          {a.notice.text}
        </p>
      )}
    </div>
  );
}

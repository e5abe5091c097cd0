import { useState } from 'react';
import { Button } from 'zmp-ui';
import { HANDOVER_HOW, useAnswerActions } from '../../../shared/useAnswerActions.js';
import { api } from '../api.js';
import type { ChatMessage } from './useChat.js';

/**
 * 👍/👎 and "send to the union's officials" under an answer, in zmp-ui buttons; the logic is the
 * web chat's (web/shared/useAnswerActions.ts). How she hears back depends on whether the Mini
 * App remembers her conversations, so the form says which.
 */
export function AnswerActions({ m, conversationId, remembering }: { m: ChatMessage; conversationId: string; remembering: boolean }) {
  const a = useAnswerActions(api, { messageId: m.messageId!, conversationId, kind: m.kind, official: m.official });
  const [commentOpen, setCommentOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [handoverOpen, setHandoverOpen] = useState(false);
  const [note, setNote] = useState('');

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
          aria-pressed={a.rating === -1 || commentOpen}
          aria-expanded={commentOpen}
          disabled={a.sending}
          onClick={() => setCommentOpen((o) => !o)}
        >
          <span aria-hidden="true">👎</span> Chưa đúng
        </Button>
        {a.canHandOver && (
          <Button size="small" variant="tertiary" type="neutral" aria-expanded={handoverOpen} onClick={() => setHandoverOpen((o) => !o)}>
            Gửi cho cán bộ Hội
          </Button>
        )}
      </div>

      {commentOpen && (
        <form
          className="hl-inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await a.rate(-1, comment)) setCommentOpen(false);
          }}
        >
          <label htmlFor={`hl-comment-${m.key}`}>Câu trả lời chưa đúng ở đâu? (không bắt buộc)</label>
          <textarea id={`hl-comment-${m.key}`} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
          <Button size="small" htmlType="submit" disabled={a.sending}>
            Gửi góp ý
          </Button>
        </form>
      )}

      {handoverOpen && a.canHandOver && (
        <form
          className="hl-inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await a.handover(note)) setHandoverOpen(false);
          }}
        >
          <p className="hl-muted" data-testid="handover-how">
            {HANDOVER_HOW}{' '}
            {remembering
              ? 'Hiểu Luật đang ghi nhớ cuộc trò chuyện bằng tài khoản Zalo của chị, nên chị mở lại Mini App là thấy.'
              : 'Để thấy câu trả lời khi mở lại Mini App, chị bật “Ghi nhớ bằng tài khoản Zalo” ở mục Giới thiệu trước khi đóng.'}
          </p>
          <label htmlFor={`hl-note-${m.key}`}>Chị muốn nhắn thêm gì cho cán bộ Hội? (không bắt buộc, đừng ghi tên, số điện thoại)</label>
          <textarea id={`hl-note-${m.key}`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
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

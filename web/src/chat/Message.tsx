import { useState } from 'react';
import { answerAsText, type Citation, type EmergencyNumber } from '../../shared/api.js';
import { AssistantMessage as SharedAssistantMessage } from '../../shared/chat/AnswerBody.js';
import type { ChatMessage } from '../../shared/chat/messages.js';
import { NextQuestions } from '../../shared/chat/NextQuestions.js';
import { HANDOVER_HOW, useAnswerActions } from '../../shared/useAnswerActions.js';
import { api } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { CopyIcon, ThumbDown, ThumbUp } from '../lib/icons.js';
import { ShareAnswer } from './ShareAnswer.js';
import { ListenButton } from './Speech.js';
import './features.css';

export type { ChatMessage } from '../../shared/chat/messages.js';

const SHARE_FOOTER = 'Nguồn: Hiểu Luật — thông tin pháp luật tham khảo.';

function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+*#]/g, '')}`;
}

/**
 * Tap-to-call numbers, as the server sent them for this answer (never a number of our own).
 * Emergency: an alert above everything. Urgent: the same buttons, calmer, above the answer.
 */
function EmergencyBanner({ numbers, id, urgent = false }: { numbers: EmergencyNumber[]; id: string; urgent?: boolean }) {
  return (
    <section
      className={urgent ? 'emergency emergency-urgent' : 'emergency'}
      role={urgent ? 'note' : 'alert'}
      aria-labelledby={id}
      data-testid={urgent ? 'urgent' : 'emergency'}
    >
      <h2 id={id}>{urgent ? 'Cần người giúp? Chị có thể gọi:' : 'Chị đang gặp nguy hiểm? Gọi ngay:'}</h2>
      <ul>
        {numbers.map((n) => (
          <li key={`${n.label}-${n.number}`}>
            <a href={telHref(n.number)}>
              <span className="em-number">{n.number}</span>
              <small>{n.label}</small>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export { UserMessage } from '../../shared/chat/AnswerBody.js';

/** A question waiting for the network (web/src/chat/queue.ts): hers, marked, and she can take it back. */
export function QueuedMessage({ text, onCancel }: { text: string; onCancel: () => void }) {
  return (
    <div className="msg msg-user msg-queued" data-testid="queued">
      <span className="visually-hidden">Chị hỏi (chưa gửi):</span>
      <div className="bubble">{text}</div>
      <p className="queued-status">
        <span>Đang chờ gửi — có mạng lại là tự gửi</span>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          Huỷ
        </button>
      </p>
    </div>
  );
}

interface AssistantProps {
  m: ChatMessage;
  conversationId: string | null;
  onSource: (c: Citation) => void;
  onRetry: (question: string) => void;
}

export function AssistantMessage({ m, conversationId, onSource, onRetry }: AssistantProps) {
  return (
    <SharedAssistantMessage
      m={m}
      onSource={onSource}
      banner={(numbers, urgent) => <EmergencyBanner numbers={numbers} id={`em-${m.key}`} urgent={urgent} />}
      retry={(q) => (
        <button type="button" className="btn btn-small" onClick={() => onRetry(q)}>
          Gửi lại câu hỏi
        </button>
      )}
    >
      {m.status === 'done' && m.messageId !== undefined && conversationId && <AnswerActions m={m} conversationId={conversationId} />}
      {m.status === 'done' && m.suggestions?.length ? <NextQuestions questions={m.suggestions} onAsk={onRetry} /> : null}
    </SharedAssistantMessage>
  );
}

/** 👍/👎, hand-over (web/shared/useAnswerActions.ts), copy, listen and share, in the web chat's buttons. */
function AnswerActions({ m, conversationId }: { m: ChatMessage; conversationId: string }) {
  const messageId = m.messageId!;
  const a = useAnswerActions(api, { messageId, conversationId, kind: m.kind, official: m.official });
  /** Copying is the web chat's own (the Mini App shares through Zalo instead). */
  const [copied, setCopied] = useState<string | null>(null);
  const full = answerAsText(m.text, m.citations, SHARE_FOOTER);

  return (
    <>
      <div className="actions" role="group" aria-label="Thao tác với câu trả lời">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={async () => setCopied((await copyText(full)) ? 'Đã sao chép câu trả lời.' : 'Không sao chép được.')}
        >
          <CopyIcon /> Sao chép
        </button>
        <ListenButton text={m.text} citations={m.citations} />
        {/* A public page of this answer only; an emergency answer stays on her phone (server/share). */}
        {m.kind !== 'emergency' && m.kind !== 'out_of_scope' && <ShareAnswer messageId={messageId} conversationId={conversationId} />}
        <button type="button" className="btn btn-ghost" aria-pressed={a.rating === 1} disabled={a.sending} onClick={() => void a.rate(1)}>
          <ThumbUp /> Hữu ích
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          aria-pressed={a.rating === -1 || a.comment.open}
          aria-expanded={a.comment.open}
          disabled={a.sending}
          onClick={() => a.comment.setOpen((o) => !o)}
        >
          <ThumbDown /> Chưa đúng
        </button>
        {a.canHandOver && (
          <button type="button" className="btn btn-ghost" aria-expanded={a.handoverForm.open} onClick={() => a.handoverForm.setOpen((o) => !o)}>
            Gửi cho cán bộ Hội
          </button>
        )}
      </div>

      {a.comment.open && (
        <form className="inline-form" onSubmit={(e) => void a.comment.submit(e)}>
          <label htmlFor={`comment-${m.key}`}>Câu trả lời chưa đúng ở đâu? (không bắt buộc)</label>
          <textarea id={`comment-${m.key}`} value={a.comment.text} maxLength={1000} onChange={(e) => a.comment.setText(e.target.value)} />
          <div className="row">
            <button type="submit" className="btn btn-primary btn-small" disabled={a.sending}>
              Gửi góp ý
            </button>
            <button type="button" className="btn btn-small" onClick={() => a.comment.setOpen(false)}>
              Huỷ
            </button>
          </div>
        </form>
      )}

      {a.handoverForm.open && (
        <form className="inline-form" onSubmit={(e) => void a.handoverForm.submit(e)}>
          <p className="hint" id={`how-${m.key}`} data-testid="handover-how">
            {HANDOVER_HOW} Chị nhớ mở lại trên chính máy và trình duyệt này.
          </p>
          <label htmlFor={`note-${m.key}`}>Chị muốn nhắn thêm gì cho cán bộ Hội? (không bắt buộc, đừng ghi tên, số điện thoại)</label>
          <textarea id={`note-${m.key}`} value={a.handoverForm.text} maxLength={1000} onChange={(e) => a.handoverForm.setText(e.target.value)} />
          <div className="row">
            <button type="submit" className="btn btn-primary btn-small" disabled={a.sending}>
              Gửi câu hỏi cho cán bộ Hội
            </button>
            <button type="button" className="btn btn-small" onClick={() => a.handoverForm.setOpen(false)}>
              Huỷ
            </button>
          </div>
        </form>
      )}

      {a.handedOver && (
        <p className="note note-ok" role="status">
          {a.handedOver}
        </p>
      )}
      {copied && (
        <p className="note" role="status">
          {copied}
        </p>
      )}
      {a.notice && (
        <p className={`note${a.notice.error ? ' note-error' : ''}`} role="status">
          {a.notice.text}
        </p>
      )}
    </>
  );
}

import { Button } from 'zmp-ui';
import { citationPlace, documentLabel, uniqueCitations, type Citation } from '../../../shared/api.js';
import { AnswerText } from '../../../shared/chat/AnswerText.js';
import { NextQuestions } from '../../../shared/chat/NextQuestions.js';
import { CallButtons } from '../CallButtons.js';
import { AnswerActions } from './AnswerActions.js';
import type { ChatMessage } from '../../../shared/chat/messages.js';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function UserMessage({ m }: { m: ChatMessage }) {
  return (
    <div className="hl-msg hl-msg-user" data-key={m.key}>
      <span className="hl-visually-hidden">Chị hỏi:</span>
      <div className="hl-bubble">{m.text}</div>
    </div>
  );
}

interface AssistantProps {
  m: ChatMessage;
  onSource: (c: Citation) => void;
  onRetry: (question: string) => void;
  /** Sends one of the suggested next questions (web/shared/chat/NextQuestions.tsx). */
  onAsk: (question: string) => void;
  busy?: boolean;
  /** Absent until the server has named the conversation (no 👍/👎 before that). */
  conversationId?: string | null;
  remembering?: boolean;
}

export function AssistantMessage({ m, onSource, onRetry, onAsk, busy = false, conversationId, remembering = false }: AssistantProps) {
  const citations = uniqueCitations(m.citations);
  return (
    <article
      className={`hl-msg hl-msg-assistant${m.kind === 'emergency' ? ' hl-msg-emergency' : ''}`}
      aria-label="Câu trả lời của Hiểu Luật"
      data-kind={m.kind ?? undefined}
      data-status={m.status}
      data-key={m.key}
    >
      {m.kind === 'emergency' && m.emergency?.numbers.length ? (
        <section className="hl-emergency" role="alert" aria-label="Số điện thoại khẩn cấp" data-testid="emergency">
          <h2>Chị đang gặp nguy hiểm? Gọi ngay:</h2>
          <CallButtons numbers={m.emergency.numbers} />
        </section>
      ) : null}
      {m.kind !== 'emergency' && m.safety?.level === 'urgent' && m.safety.numbers.length ? (
        <section className="hl-emergency hl-emergency-urgent" role="note" aria-label="Số điện thoại hỗ trợ" data-testid="urgent">
          <h2>Cần người giúp? Chị có thể gọi:</h2>
          <CallButtons numbers={m.safety.numbers} />
        </section>
      ) : null}
      <div className="hl-bubble">
        {m.official && (
          <p className="hl-badge hl-badge-official" data-testid="official">
            <span aria-hidden="true">✓</span> Cán bộ Hội đã trả lời
          </p>
        )}
        {m.reply && (
          <p className="hl-reply-to" data-testid="reply-to">
            Trả lời câu chị gửi cán bộ Hội: “{m.reply.question}”
          </p>
        )}
        {m.fallback && <p className="hl-badge">Trả lời ở chế độ ngoại tuyến: trích nguyên văn điều luật, chưa được diễn giải</p>}
        {m.kind === 'out_of_scope' && m.status === 'done' && <p className="hl-badge">Ngoài phạm vi thư viện luật</p>}

        {m.text ? (
          <AnswerText text={m.text} citations={m.citations} onSource={onSource} />
        ) : m.status === 'streaming' ? (
          <span className="hl-typing" aria-label="Đang soạn câu trả lời">
            <span />
            <span />
            <span />
          </span>
        ) : null}

        {m.status === 'error' && (
          <div className="hl-error-box" role="alert">
            <p className="hl-error">{m.error}</p>
            {m.question && (
              <Button size="small" variant="secondary" onClick={() => onRetry(m.question!)}>
                Gửi lại câu hỏi
              </Button>
            )}
          </div>
        )}

        {citations.length > 0 && (
          <div className="hl-citations">
            <h2>Căn cứ pháp lý — chạm để xem nguyên văn</h2>
            <ul className="hl-chips">
              {citations.map((c) => (
                <li key={`${c.document.id}-${c.article}-${c.clause}-${c.point}`}>
                  <button type="button" className="hl-chip" onClick={() => onSource(c)} data-testid="citation">
                    <strong>{capitalise(citationPlace(c))}</strong>
                    <span>{documentLabel(c.document)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {m.status === 'done' && m.messageId && conversationId && m.kind !== 'emergency' && (
          <AnswerActions m={m} conversationId={conversationId} remembering={remembering} />
        )}
        {m.status === 'done' && m.suggestions?.length ? (
          <NextQuestions className="hl-next-questions" questions={m.suggestions} onAsk={onAsk} disabled={busy} />
        ) : null}
      </div>
    </article>
  );
}

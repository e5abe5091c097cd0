import { Button } from 'zmp-ui';
import type { Citation } from '../../../shared/api.js';
import { AnswerBody, UserMessage as SharedUserMessage } from '../../../shared/chat/AnswerBody.js';
import type { ClassNames } from '../../../shared/chat/SourceBody.js';
import { NextQuestions } from '../../../shared/chat/NextQuestions.js';
import { CallButtons } from '../CallButtons.js';
import { AnswerActions } from './AnswerActions.js';
import type { ChatMessage } from '../../../shared/chat/messages.js';

/** The Mini App's class names for the shared answer body (styles.css). */
const cls: ClassNames = (name) => (name === 'error-text' ? 'hl-error' : `hl-${name}`);

/** Her question, in the Mini App's classes. */
export const UserMessage = ({ m }: { m: ChatMessage }) => <SharedUserMessage m={m} cls={cls} />;

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
        <AnswerBody
          m={m}
          onSource={onSource}
          cls={cls}
          retry={(q) => (
            <Button size="small" variant="secondary" onClick={() => onRetry(q)}>
              Gửi lại câu hỏi
            </Button>
          )}
        />
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

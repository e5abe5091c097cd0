import { Button } from 'zmp-ui';
import type { Citation } from '../../../shared/api.js';
import { AssistantMessage as SharedAssistantMessage, UserMessage as SharedUserMessage } from '../../../shared/chat/AnswerBody.js';
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
    <SharedAssistantMessage
      m={m}
      onSource={onSource}
      cls={cls}
      banner={(numbers, urgent) =>
        urgent ? (
          <section className="hl-emergency hl-emergency-urgent" role="note" aria-label="Số điện thoại hỗ trợ" data-testid="urgent">
            <h2>Cần người giúp? Chị có thể gọi:</h2>
            <CallButtons numbers={numbers} />
          </section>
        ) : (
          <section className="hl-emergency" role="alert" aria-label="Số điện thoại khẩn cấp" data-testid="emergency">
            <h2>Chị đang gặp nguy hiểm? Gọi ngay:</h2>
            <CallButtons numbers={numbers} />
          </section>
        )
      }
      retry={(q) => (
        <Button size="small" variant="secondary" onClick={() => onRetry(q)}>
          Gửi lại câu hỏi
        </Button>
      )}
    >
      {m.status === 'done' && m.messageId && conversationId && m.kind !== 'emergency' && (
        <AnswerActions m={m} conversationId={conversationId} remembering={remembering} />
      )}
      {m.status === 'done' && m.suggestions?.length ? (
        <NextQuestions className="hl-next-questions" questions={m.suggestions} onAsk={onAsk} disabled={busy} />
      ) : null}
    </SharedAssistantMessage>
  );
}

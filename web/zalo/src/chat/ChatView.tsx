import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Input } from 'zmp-ui';
import type { Citation } from '../../../shared/api.js';
import type { Topic } from '../../../shared/chat/topics.js';
import { ConversationLog } from '../../../shared/chat/AnswerBody.js';
import type { ClassNames } from '../../../shared/chat/SourceBody.js';
import { autoGrow, isSendKey } from '../../../shared/chat/composer.js';
import { StarterQuestions } from '../../../shared/chat/StarterQuestions.js';
import { REPLY_NOTICE } from '../../../shared/replies.js';
import { useWelcome } from '../../../shared/useWelcome.js';
import { api } from '../api.js';
import { AssistantMessage } from './Messages.js';
import type { ChatMessage } from '../../../shared/chat/messages.js';

/** The Mini App's class names for the shared conversation log (styles.css). */
const cls: ClassNames = (name) => (name === 'spinner' ? 'hl-muted' : `hl-${name}`);

interface Props {
  messages: ChatMessage[];
  busy: boolean;
  restoring: boolean;
  status: string;
  /** A few questions to start with, from the first topic. */
  starter: Topic;
  send: (q: string, maxChars: number) => Promise<boolean>;
  onSource: (c: Citation) => void;
  onTopics: () => void;
  /** The key of an official's reply she has not seen yet, and how to open it (the core's openReply). */
  newReply?: string | null;
  onReplySeen?: () => void;
  /** For 👍/👎 and the hand-over under each answer. */
  conversationId?: string | null;
  remembering?: boolean;
}

export function ChatView({ messages, busy, restoring, status, starter, send, onSource, onTopics, conversationId, remembering, newReply, onReplySeen }: Props) {
  const [input, setInput] = useState('');
  // Officials may replace the welcome line and the suggested questions in the console.
  const official = useWelcome(api);
  const maxChars = official.limits.messageChars;

  const submit = async () => {
    const q = input;
    if (await send(q, maxChars)) {
      setInput('');
      const box = document.getElementById('hl-question');
      if (box) box.style.height = '';
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendKey(e)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <>
      {newReply && (
        <div className="hl-reply-notice" role="status" data-testid="reply-notice">
          <p>{REPLY_NOTICE}</p>
          <Button size="small" onClick={onReplySeen}>
            Xem câu trả lời
          </Button>
        </div>
      )}
      <ConversationLog
        cls={cls}
        messages={messages}
        busy={busy}
        restoring={restoring}
        assistant={(m) => (
          <AssistantMessage
            m={m}
            onSource={onSource}
            onRetry={(q) => void send(q, maxChars)}
            onAsk={(q) => void send(q, maxChars)}
            busy={busy}
            conversationId={conversationId}
            remembering={remembering}
          />
        )}
        before={
          messages.length === 0 &&
          !restoring && (
            <section className="hl-welcome" aria-labelledby="hl-welcome-title">
              <h2 id="hl-welcome-title">Chị cần hỏi gì về pháp luật?</h2>
              {official.welcome ? (
                <p className="hl-official-welcome" data-testid="welcome-lines">
                  {official.welcome}
                </p>
              ) : (
                <p data-testid="welcome-lines">
                  Hỏi bằng lời của chị, gõ không dấu cũng được. Mỗi câu trả lời đều ghi rõ điều, khoản của luật để chị kiểm tra.
                </p>
              )}
              <StarterQuestions className="hl-suggestions" official={official} topic={starter} onAsk={(q) => void send(q, maxChars)} disabled={busy} />
              <Button variant="tertiary" size="small" onClick={onTopics}>
                Xem câu hỏi theo chủ đề
              </Button>
            </section>
          )
        }
      />

      <p className="hl-visually-hidden" role="status" aria-live="polite">
        {status}
      </p>

      <form className="hl-composer" onSubmit={onSubmit}>
        <label htmlFor="hl-question" className="hl-visually-hidden">
          Câu hỏi của chị
        </label>
        <Input.TextArea
          id="hl-question"
          value={input}
          maxLength={maxChars}
          placeholder="Chị muốn hỏi gì?"
          rows={1}
          onChange={(e) => {
            setInput(e.target.value);
            autoGrow(e.target);
          }}
          onKeyDown={onKeyDown}
        />
        <Button htmlType="submit" disabled={busy || !input.trim()} loading={busy}>
          Gửi
        </Button>
      </form>
    </>
  );
}

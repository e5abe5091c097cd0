import { Fragment, type ReactNode } from 'react';
import { citationPlace, documentLabel, uniqueCitations, type Citation, type EmergencyNumber } from '../api.js';
import { AnswerText } from './AnswerText.js';
import type { ChatMessage } from './messages.js';
import type { ClassNames } from './SourceBody.js';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The names a face gives its classes, joined: web "badge badge-official", Zalo "hl-badge hl-badge-official". */
const classes = (cls: ClassNames, ...names: string[]) => names.map(cls).join(' ');

/** Her question, as she typed it (text only, never markup). */
export function UserMessage({ m, cls = (n) => n }: { m: ChatMessage; cls?: ClassNames }) {
  return (
    <div className={classes(cls, 'msg', 'msg-user')} data-key={m.key}>
      <span className={cls('visually-hidden')}>Chị hỏi:</span>
      <div className={cls('bubble')}>{m.text}</div>
    </div>
  );
}

interface Props {
  m: ChatMessage;
  onSource: (c: Citation) => void;
  /** The face's own "Gửi lại câu hỏi" button for an answer that failed. */
  retry: (question: string) => ReactNode;
  cls?: ClassNames;
}

/**
 * Inside an answer's bubble, the same in every face: whose answer it is (an official's, a reply
 * to her handed-over question, the offline extract, outside the library), the text with its [n]
 * marks, the error with a retry, and one chip per cited khoản (duplicates merged) that opens it.
 */
export function AnswerBody({ m, onSource, retry, cls = (n) => n }: Props) {
  const citations = uniqueCitations(m.citations);
  return (
    <>
      {m.official && (
        <p className={classes(cls, 'badge', 'badge-official')} data-testid="official">
          <span aria-hidden="true">✓</span> Cán bộ Hội đã trả lời
        </p>
      )}
      {m.reply && (
        <p className={cls('reply-to')} data-testid="reply-to">
          Trả lời câu chị gửi cán bộ Hội: “{m.reply.question}”
        </p>
      )}
      {m.fallback && (
        <p className={classes(cls, 'badge', 'badge-fallback')} data-testid="fallback">
          Trả lời ở chế độ ngoại tuyến: trích nguyên văn điều luật, chưa được diễn giải
        </p>
      )}
      {m.kind === 'out_of_scope' && m.status === 'done' && <p className={classes(cls, 'badge', 'badge-scope')}>Ngoài phạm vi thư viện luật</p>}

      {m.text ? (
        <AnswerText text={m.text} citations={m.citations} onSource={onSource} />
      ) : m.status === 'streaming' ? (
        <span className={cls('typing')} aria-label="Đang soạn câu trả lời">
          <span />
          <span />
          <span />
        </span>
      ) : null}

      {m.status === 'error' && (
        <div className={cls('error-box')} role="alert">
          <p className={cls('error-text')}>{m.error}</p>
          {m.question && retry(m.question)}
        </div>
      )}

      {citations.length > 0 && (
        <div className={cls('citations')}>
          <h2>Căn cứ pháp lý — chạm để xem nguyên văn</h2>
          <ul className={cls('chips')}>
            {citations.map((c) => (
              <li key={`${c.document.id}-${c.article}-${(c.section ?? []).join('.')}-${c.clause}-${c.point}`}>
                <button type="button" className={cls('chip')} onClick={() => onSource(c)} data-testid="citation">
                  <strong>{capitalise(citationPlace(c))}</strong>
                  {/* A plan is named as officials cite it: "Kế hoạch số 123/KH-UBND ngày … của UBND tỉnh …". */}
                  <span>{c.section?.length && c.document.reference ? c.document.reference : documentLabel(c.document)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface FrameProps extends Props {
  /** The face's tap-to-call block: `urgent` is the calmer one above an answer with helplines. */
  banner: (numbers: EmergencyNumber[], urgent: boolean) => ReactNode;
  /** What the face puts under the answer (its actions, the next questions). */
  children?: ReactNode;
}

/**
 * An answer in every face: danger first (the call numbers the server sent for this answer,
 * never a number of our own: an emergency above everything, helplines above an urgent answer),
 * then the bubble.
 */
export function AssistantMessage({ m, banner, children, cls = (n) => n, ...body }: FrameProps) {
  const numbers = m.kind === 'emergency' ? m.emergency?.numbers : m.safety?.level === 'urgent' ? m.safety.numbers : undefined;
  return (
    <article
      className={`${classes(cls, 'msg', 'msg-assistant')}${m.kind === 'emergency' ? ` ${cls('msg-emergency')}` : ''}`}
      aria-label="Câu trả lời của Hiểu Luật"
      data-kind={m.kind ?? undefined}
      data-status={m.status}
      data-key={m.key}
    >
      {numbers?.length ? banner(numbers, m.kind !== 'emergency') : null}
      <div className={cls('bubble')}>
        <AnswerBody m={m} cls={cls} {...body} />
        {children}
      </div>
    </article>
  );
}

interface LogProps {
  messages: ChatMessage[];
  busy: boolean;
  restoring: boolean;
  /** Her answers, drawn by the face (its actions, its call buttons). */
  assistant: (m: ChatMessage) => ReactNode;
  /** The welcome, shown by the face when there is nothing yet. */
  before?: ReactNode;
  /** After the messages: the web chat's questions waiting for the network. */
  after?: ReactNode;
  cls?: ClassNames;
}

/** The conversation, read out as it grows (a polite live log), in every face. */
export function ConversationLog({ messages, busy, restoring, assistant, before, after, cls = (n) => n }: LogProps) {
  return (
    <div className={cls('log')} role="log" aria-live="polite" aria-busy={busy} aria-label="Cuộc trò chuyện">
      {before}
      {restoring && (
        <p className={cls('spinner')} role="status">
          Đang mở lại cuộc trò chuyện…
        </p>
      )}
      {messages.map((m) => (m.role === 'user' ? <UserMessage key={m.key} m={m} cls={cls} /> : <Fragment key={m.key}>{assistant(m)}</Fragment>))}
      {after}
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Citation } from '../../shared/api.js';
import { autoGrow, isSendKey } from '../../shared/chat/composer.js';
import { ConversationLog } from '../../shared/chat/AnswerBody.js';
import { tooLong } from '../../shared/chat/messages.js';
import { StarterQuestions } from '../../shared/chat/StarterQuestions.js';
import { useChatCore } from '../../shared/chat/useChatCore.js';
import { api } from '../lib/api.js';
import { EmergencyScreen, OfflineNotice, useEmergencyNumbers } from './Emergency.js';
import { AssistantMessage, QueuedMessage } from './Message.js';
import { dropKeptConversation, keepConversation, keptConversation, reportNetwork, useConnectivity } from './offline.js';
import { loadQueue, MAX_QUEUED, newQueued, saveQueue, type QueuedQuestion } from './queue.js';
import { quickExit, useEscapeTwiceToExit } from './quickExit.js';
import { SourceViewer, type SourceRef } from './SourceViewer.js';
import { SpeakButton } from './Speech.js';
import { forgetConversation, isPrivateMode, markReplySeen, saveConversation, savedConversation, seenReply, setPrivateMode } from './storage.js';
import { TOPICS } from '../../shared/chat/topics.js';
import { useWelcome } from './useWelcome.js';

export interface ChatAppProps {
  variant?: 'page' | 'embed';
  /** Header title (the widget passes the host site's data-title). */
  title?: string;
  /** Embed only: ask the host page to close the panel. */
  onClose?: () => void;
}

export function ChatApp({ variant = 'page', title, onClose }: ChatAppProps) {
  const scope = variant;
  const [privateMode, setPrivate] = useState(isPrivateMode);
  const [input, setInput] = useState('');
  const [source, setSource] = useState<SourceRef | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [topic, setTopic] = useState(TOPICS[0]!.id);
  // Officials may replace the welcome lines and the suggested questions in the console.
  const official = useWelcome();
  // The server refuses longer questions (MAX_MESSAGE_CHARS, served by GET /api/welcome): say so before sending.
  const maxChars = official.limits.messageChars;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const { online, phoneOnline } = useConnectivity();
  const numbers = useEmergencyNumbers(online);
  // The home-screen shortcut "Khẩn cấp" opens the chat at #khan-cap.
  const [emergencyOpen, setEmergencyOpen] = useState(() => variant === 'page' && location.hash === '#khan-cap');
  /** Questions waiting for the network (web/src/chat/queue.ts), oldest first. */
  const [queue, setQueue] = useState<QueuedQuestion[]>(() => loadQueue(scope));
  const flushingRef = useRef(false);

  useEscapeTwiceToExit(quickExit);

  // A reload brings the conversation back (unless she chose not to keep history).
  const [resumeId] = useState(() => (isPrivateMode() ? null : savedConversation(scope)));
  const chat = useChatCore({
    api,
    channel: variant === 'embed' ? 'widget' : 'web',
    resumeId,
    extras: () => (privateMode ? { noHistory: true } : {}),
    onConversation: (id) => {
      if (!privateMode) saveConversation(scope, id);
    },
    onNetwork: reportNetwork,
    replies: () => (privateMode ? null : { seen: seenReply(scope), mark: (id) => markReplySeen(scope, id) }),
    onExpired: () => {
      forgetConversation(scope);
      void dropKeptConversation(scope);
    },
    // No network: the copy kept on the phone after her last answer (web/src/chat/offline.ts).
    offlineCopy: () => keptConversation(scope),
  });
  const { messages, conversationId, busy, restoring, status, setStatus, newReply } = chat;

  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (e: MouseEvent) => {
      if (menuRef.current && !menuRef.current.contains(e.target as Node)) setMenuOpen(false);
    };
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  /** Puts a question in the queue (first when it was already waiting and failed again). */
  const enqueue = (item: QueuedQuestion, first = false) => {
    setQueue((q) => (q.some((x) => x.id === item.id) ? q : first ? [item, ...q] : [...q, item]).slice(0, MAX_QUEUED));
  };

  const send = async (raw: string, queued?: QueuedQuestion) => {
    const question = raw.trim();
    if (!question) return;
    const refusal = tooLong(question, maxChars);
    if (refusal) {
      setStatus(refusal);
      return;
    }
    // No network, or others still waiting: it waits too, in order, and goes when the network returns.
    if (!queued && (!online || queue.length > 0)) {
      if (queue.length >= MAX_QUEUED) {
        setStatus(`Đã có ${MAX_QUEUED} câu hỏi đang chờ gửi. Chị đợi có mạng rồi hỏi tiếp.`);
        return;
      }
      enqueue(newQueued(question));
      setInput('');
      if (inputRef.current) inputRef.current.style.height = '';
      setStatus('Chưa có mạng. Câu hỏi đang chờ gửi và sẽ tự gửi khi có mạng lại.');
      return;
    }
    if (chat.busy) return;
    const sent = chat.send(question, { onOffline: () => enqueue(queued ?? newQueued(question), true) });
    setInput('');
    if (inputRef.current) inputRef.current.style.height = '';
    await sent;
  };

  // The queue is kept on the phone (not in "không lưu lịch sử"), so a closed tab loses nothing.
  useEffect(() => saveQueue(scope, queue), [scope, queue, privateMode]);

  // Send the waiting questions one by one, oldest first, once the server is known to be reachable
  // again (the phone's "online" event, or useConnectivity's light check every RETRY_MS): a question
  // is never retried blind, so her bubble does not come and go while the signal is still out.
  useEffect(() => {
    if (!online || busy || restoring || !queue.length || flushingRef.current) return;
    const next = queue[0]!;
    flushingRef.current = true;
    setQueue((q) => q.filter((x) => x.id !== next.id));
    void send(next.text, next).finally(() => {
      flushingRef.current = false;
    });
    // send is a new function each render; the queue and the flags decide when to run.
  }, [online, busy, restoring, queue]);

  // After each answer, the conversation so far is kept on the phone for a reopening with no signal.
  useEffect(() => {
    if (privateMode || !conversationId || !messages.length || messages.some((m) => m.status === 'streaming')) return;
    void keepConversation(scope, conversationId, messages);
  }, [scope, conversationId, messages, privateMode]);

  const newConversation = () => {
    chat.reset();
    forgetConversation(scope);
    void dropKeptConversation(scope);
    setMenuOpen(false);
    inputRef.current?.focus();
  };

  const togglePrivate = (on: boolean) => {
    setPrivateMode(on);
    setPrivate(on);
    if (on) void dropKeptConversation(scope);
    const current = chat.currentId();
    if (!on && current) saveConversation(scope, current);
    setStatus(on ? 'Đã bật chế độ không lưu lịch sử.' : 'Đã tắt chế độ không lưu lịch sử.');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(input);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendKey(e)) {
      e.preventDefault();
      void send(input);
    }
  };

  const openSource = (c: Citation) =>
    setSource({ documentId: c.document.id, article: c.article, clause: c.clause, point: c.point, section: c.section ?? null, heading: c.heading ?? null });

  const currentTopic = TOPICS.find((t) => t.id === topic) ?? TOPICS[0]!;
  const heading = title?.trim() || 'Hiểu Luật';

  return (
    <div className="chat" data-variant={variant}>
      <a className="skip-link" href="#composer-input">
        Đến ô nhập câu hỏi
      </a>
      <header className="chat-header">
        <h1>
          {heading}
          <small>Hỏi đáp pháp luật cho phụ nữ</small>
        </h1>
        <div className="menu" ref={menuRef}>
          <button
            type="button"
            className="btn btn-header"
            aria-haspopup="true"
            aria-expanded={menuOpen}
            aria-controls="chat-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true">☰</span>
            <span className="visually-hidden">Tùy chọn</span>
          </button>
          {menuOpen && (
            <div className="menu-panel" id="chat-menu">
              <button type="button" className="btn btn-ghost" onClick={newConversation}>
                Cuộc trò chuyện mới
              </button>
              <label className="switch">
                <input type="checkbox" checked={privateMode} onChange={(e) => togglePrivate(e.target.checked)} />
                <span>
                  Không lưu lịch sử
                  <small>Không giữ cuộc trò chuyện trên máy này; tải lại trang sẽ xoá hết.</small>
                </span>
              </label>
            </div>
          )}
        </div>
        <button type="button" className="btn btn-header btn-sos" onClick={() => setEmergencyOpen(true)} data-testid="open-emergency">
          <span aria-hidden="true">☎</span>
          <span className="sos-label">Khẩn cấp</span>
        </button>
        {onClose && (
          <button type="button" className="btn btn-header" onClick={onClose}>
            Đóng
          </button>
        )}
        <button type="button" className="btn btn-exit" onClick={quickExit} title="Thoát ngay (hoặc bấm Esc hai lần)">
          Thoát nhanh
        </button>
      </header>

      {newReply && (
        <div className="reply-notice" role="status" data-testid="reply-notice">
          <p>Cán bộ Hội đã trả lời câu hỏi chị gửi.</p>
          <button type="button" className="btn btn-small btn-primary" onClick={chat.openReply}>
            Xem câu trả lời
          </button>
        </div>
      )}
      {!online && (
        <OfflineNotice numbers={numbers} queued={queue.length} privateMode={privateMode} phoneOffline={!phoneOnline} onOpen={() => setEmergencyOpen(true)} />
      )}
      {privateMode && <p className="private-note">Chế độ không lưu lịch sử đang bật: cuộc trò chuyện không được lưu trên máy này.</p>}

      <main id="main" className="messages">
        <ConversationLog
          messages={messages}
          busy={busy}
          restoring={restoring}
          assistant={(m) => <AssistantMessage m={m} conversationId={conversationId} onSource={openSource} onRetry={(q) => void send(q)} />}
          before={
            messages.length === 0 &&
            queue.length === 0 &&
            !restoring && (
              <section className="welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">Chị cần hỏi gì về pháp luật?</h2>
                {/* Three lines: what she can ask, that it is free, that it is private. */}
                {official.welcome ? (
                  <p className="welcome-lines official-welcome" data-testid="welcome-lines">
                    {official.welcome}
                  </p>
                ) : (
                  <p className="welcome-lines" data-testid="welcome-lines">
                    Chị hỏi về hôn nhân, ly hôn, nuôi con, bạo lực gia đình, đất đai, thừa kế, việc làm, bảo hiểm — bằng lời của chị, gõ không dấu cũng được.
                    <br />
                    Miễn phí. Mỗi câu trả lời ghi rõ điều, khoản của luật để chị kiểm tra.
                    <br />
                    Riêng tư: không cần tên hay số điện thoại; nút Thoát nhanh xoá hết trên máy này.
                  </p>
                )}
                {official.suggestions.length === 0 && (
                  <ul className="topics" aria-label="Chủ đề">
                    {TOPICS.map((t) => (
                      <li key={t.id}>
                        <button type="button" className="btn" aria-pressed={t.id === topic} onClick={() => setTopic(t.id)}>
                          {t.label}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <StarterQuestions className="suggestions" official={official} topic={currentTopic} onAsk={(q) => void send(q)} disabled={busy} />
              </section>
            )
          }
          after={queue.map((q) => (
            <QueuedMessage
              key={q.id}
              text={q.text}
              onCancel={() => {
                setQueue((all) => all.filter((x) => x.id !== q.id));
                setStatus('Đã huỷ câu hỏi đang chờ gửi.');
              }}
            />
          ))}
        />
      </main>

      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>

      <footer className="composer">
        <form onSubmit={onSubmit}>
          <label htmlFor="composer-input" className="visually-hidden">
            Câu hỏi của chị
          </label>
          <textarea
            id="composer-input"
            ref={inputRef}
            rows={1}
            value={input}
            maxLength={maxChars}
            placeholder="Chị muốn hỏi gì?"
            onChange={(e) => {
              setInput(e.target.value);
              autoGrow(e.target);
            }}
            onKeyDown={onKeyDown}
            aria-describedby="disclaimer"
          />
          <SpeakButton disabled={busy} onText={(t) => setInput((v) => (v.trim() ? `${v.trim()} ${t}` : t))} />
          <button type="submit" className="btn btn-primary" disabled={(busy && online) || !input.trim()}>
            Gửi
          </button>
        </form>
        <p className="disclaimer" id="disclaimer">
          Thông tin pháp luật để tham khảo, không thay thế tư vấn của luật sư.
          {/* A phone has no Esc key: the hint shows only where there is a keyboard and a mouse. */}
          <span className="esc-hint"> Bấm Esc hai lần để thoát nhanh.</span>
        </p>
      </footer>

      {source && <SourceViewer source={source} onClose={() => setSource(null)} />}
      {emergencyOpen && (
        <EmergencyScreen
          numbers={numbers}
          onClose={() => {
            setEmergencyOpen(false);
            if (location.hash === '#khan-cap') history.replaceState(null, '', location.pathname + location.search);
          }}
        />
      )}
    </div>
  );
}

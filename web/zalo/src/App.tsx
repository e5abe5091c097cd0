import { useCallback, useEffect, useState } from 'react';
import { App, BottomNavigation, Button, Header, Page, ZMPRouter } from 'zmp-ui';
import type { Citation, EmergencyInfo, EmergencyNumber } from '../../shared/api.js';
import { TOPICS } from '../../shared/chat/topics.js';
import { AboutView } from './AboutView.js';
import { api } from './api.js';
import { ChatView } from './chat/ChatView.js';
import { SourceSheet, type SourceRef } from './chat/SourceSheet.js';
import { sourceOf } from '../../shared/source.js';
import { useChatCore } from '../../shared/chat/useChatCore.js';
import { EmergencyView } from './EmergencyView.js';
import { ChatIcon, InfoIcon, PhoneIcon, TopicsIcon } from './icons.js';
import { forgetConversation, markReplySeen, remembering, saveConversation, savedConversations, seenReply, setRemembering, wipeEverything } from './storage.js';
import { TopicsView } from './TopicsView.js';
import { leaveApp, zaloOwnerKey } from './zalo.js';

type TabKey = 'chat' | 'topics' | 'emergency' | 'about';

const TITLES: Record<TabKey, string> = {
  chat: 'Hiểu Luật',
  topics: 'Chủ đề',
  emergency: 'Gọi khẩn cấp',
  about: 'Giới thiệu',
};

export function HieuLuatApp() {
  return (
    <App>
      {/* A memory router: the Mini App has one screen with tabs, and Zalo owns the URL. */}
      <ZMPRouter memoryRouter>
        <Main />
      </ZMPRouter>
    </App>
  );
}

function Main() {
  const [tab, setTab] = useState<TabKey>('chat');
  const [gone, setGone] = useState(false);
  const [remember, setRemember] = useState(remembering);
  const [rememberBusy, setRememberBusy] = useState(false);
  const [rememberNote, setRememberNote] = useState('');
  const [ownerKey, setOwnerKey] = useState<string | null>(null);
  const [resumeId, setResumeId] = useState<string | null>(null);
  const [numbers, setNumbers] = useState<EmergencyNumber[]>([]);
  const [numbersLoading, setNumbersLoading] = useState(true);
  const [source, setSource] = useState<SourceRef | null>(null);

  const onEmergency = useCallback((e: EmergencyInfo) => {
    if (e.numbers.length) setNumbers(e.numbers);
  }, []);
  // Nothing is kept on the phone unless she opted in: then under her hashed Zalo id (./storage.ts).
  const chat = useChatCore({
    api,
    channel: 'zalo',
    resumeId,
    extras: () => (ownerKey ? { ownerKey } : {}),
    onConversation: (id) => {
      if (ownerKey) saveConversation(ownerKey, id);
    },
    onEmergency,
    replies: () => (ownerKey ? { seen: seenReply(ownerKey), mark: (id) => markReplySeen(ownerKey, id) } : null),
    onExpired: (id) => {
      if (ownerKey) forgetConversation(ownerKey, id);
    },
  });

  // The call screen works before any question: the server's configured numbers.
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .emergency(ctrl.signal)
      .then(
        (r) => setNumbers((cur) => (cur.length ? cur : r.numbers)),
        () => undefined,
      )
      .finally(() => setNumbersLoading(false));
    return () => ctrl.abort();
  }, []);

  // She opted in earlier: find her key again and reopen her last conversation.
  useEffect(() => {
    if (!remembering()) return;
    let live = true;
    void zaloOwnerKey().then((key) => {
      if (!live) return;
      if (!key) {
        setRemember(false);
        return;
      }
      setOwnerKey(key);
      setResumeId(savedConversations(key)[0]?.id ?? null);
    });
    return () => {
      live = false;
    };
  }, []);

  const toggleRemember = async (on: boolean) => {
    setRememberNote('');
    if (!on) {
      setRemembering(false);
      setRemember(false);
      setOwnerKey(null);
      setRememberNote('Đã tắt. Ứng dụng đã xoá lịch sử trên máy này.');
      return;
    }
    setRememberBusy(true);
    const key = await zaloOwnerKey();
    setRememberBusy(false);
    if (!key) {
      setRememberNote('Không lấy được tài khoản Zalo. Chức năng này chỉ dùng được khi mở trong Zalo.');
      return;
    }
    setRemembering(true);
    setRemember(true);
    setOwnerKey(key);
    const current = chat.currentId();
    if (current) saveConversation(key, current);
    setRememberNote('Đã bật. Các câu hỏi từ nay sẽ được ghi nhớ cho tài khoản Zalo này.');
  };

  const quickExit = () => {
    wipeEverything();
    // Hide the conversation at once, even if Zalo is slow to close us.
    setGone(true);
    document.title = 'Zalo';
    void leaveApp();
  };

  const ask = (q: string) => {
    setTab('chat');
    void chat.send(q);
  };

  const newConversation = () => {
    chat.reset();
    setResumeId(null);
    setTab('chat');
  };

  // Plan citations (no Điều, a section) open the part of the plan through the sections API.
  const openSource = (c: Citation) => setSource(sourceOf(c));

  if (gone) return <Page className="hl-gone" />;

  return (
    <Page className={`hl-page hl-tab-${tab}`} hideScrollbar>
      <header>
        <Header className="hl-header" title={TITLES[tab]} showBackIcon={false} />
        {/* Left of the title: Zalo keeps the right end of the header for its own menu and close buttons. */}
        <Button className="hl-exit" type="danger" size="small" onClick={quickExit}>
          Thoát nhanh
        </Button>
      </header>
      <main className="hl-main">
        <h1 className="hl-visually-hidden">Hiểu Luật — hỏi đáp pháp luật cho phụ nữ</h1>
        <div hidden={tab !== 'chat'}>
          <ChatView
            messages={chat.messages}
            busy={chat.busy}
            restoring={chat.restoring}
            status={chat.status}
            starter={TOPICS[0]!}
            send={async (q, maxChars) => (await chat.send(q, { maxChars })) !== 'rejected'}
            onSource={openSource}
            onTopics={() => setTab('topics')}
            conversationId={chat.conversationId}
            newReply={chat.newReply}
            onReplySeen={chat.openReply}
            remembering={remember}
          />
        </div>
        {tab === 'topics' && <TopicsView ask={ask} busy={chat.busy} />}
        {tab === 'emergency' && <EmergencyView numbers={numbers} loading={numbersLoading} />}
        {tab === 'about' && (
          <AboutView
            remember={remember}
            rememberBusy={rememberBusy}
            rememberNote={rememberNote}
            onRemember={(on) => void toggleRemember(on)}
            onNewConversation={newConversation}
            onQuickExit={quickExit}
          />
        )}
      </main>
      <SourceSheet source={source} onClose={() => setSource(null)} />
      <nav aria-label="Chuyển màn hình">
        <BottomNavigation fixed activeKey={tab} onChange={(k) => setTab(k as TabKey)} id="hl-nav">
          <BottomNavigation.Item key="chat" itemKey="chat" label="Hỏi đáp" icon={<ChatIcon />} />
          <BottomNavigation.Item key="topics" itemKey="topics" label="Chủ đề" icon={<TopicsIcon />} />
          <BottomNavigation.Item key="emergency" itemKey="emergency" label="Khẩn cấp" className="hl-nav-emergency" icon={<PhoneIcon />} />
          <BottomNavigation.Item key="about" itemKey="about" label="Giới thiệu" icon={<InfoIcon />} />
        </BottomNavigation>
      </nav>
    </Page>
  );
}

import { useCallback, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { User } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { messageOf, type SectionProps } from './common.js';
import { Audit } from './Audit.js';
import { Documents } from './Documents.js';
import { Handover } from './Handover.js';
import { Insights } from './Insights.js';
import { TryQuestion } from './TryQuestion.js';
import { Gaps } from './Gaps.js';
import { ApiKeys } from './ApiKeys.js';
import { Reports } from './Reports.js';
import { Compare } from './Compare.js';
import { Origins } from './Origins.js';
import { MemberSettings } from './MemberSettings.js';
import { Shares } from './Shares.js';
import { Tabs } from './Tabs.js';
import { Upload } from './Upload.js';
import { Users } from './Users.js';

interface Tab {
  id: string;
  label: string;
  adminOnly?: boolean;
  render: (p: SectionProps) => ReactElement;
}

const TABS: Tab[] = [
  { id: 'tai-len', label: 'Tải văn bản', render: (p) => <Upload {...p} /> },
  { id: 'van-ban', label: 'Thư viện văn bản', render: (p) => <Documents {...p} /> },
  { id: 'cau-hoi', label: 'Câu hỏi của hội viên', render: (p) => <Insights {...p} /> },
  { id: 'chua-giai-dap', label: 'Chưa được giải đáp', render: (p) => <Gaps {...p} /> },
  { id: 'so-sanh', label: 'So sánh văn bản', render: (p) => <Compare {...p} /> },
  { id: 'bao-cao', label: 'Báo cáo', render: (p) => <Reports {...p} /> },
  { id: 'thu-cau-hoi', label: 'Thử câu hỏi', render: (p) => <TryQuestion {...p} /> },
  { id: 'chuyen-can-bo', label: 'Chuyển cán bộ', render: (p) => <Handover {...p} /> },
  { id: 'chia-se', label: 'Trang chia sẻ', render: (p) => <Shares {...p} /> },
  { id: 'hoi-vien-thay', label: 'Số điện thoại, lời chào', render: (p) => <MemberSettings {...p} /> },
  { id: 'nhat-ky', label: 'Nhật ký', adminOnly: true, render: (p) => <Audit {...p} /> },
  { id: 'tai-khoan', label: 'Tài khoản', adminOnly: true, render: (p) => <Users {...p} /> },
  { id: 'trang-nhung', label: 'Trang nhúng', adminOnly: true, render: (p) => <Origins {...p} /> },
  { id: 'khoa-api', label: 'Khoá API', adminOnly: true, render: (p) => <ApiKeys {...p} /> },
];

const ROLE_LABEL: Record<string, string> = { admin: 'Quản trị viên', editor: 'Biên tập viên' };

function tabFromHash(): string {
  return location.hash.replace(/^#\/?/, '') || TABS[0]!.id;
}

export function AdminApp() {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  const [expired, setExpired] = useState(false);
  const [tab, setTab] = useState(tabFromHash);

  useEffect(() => {
    api.auth
      .me()
      .then(
        (r) => setUser(r?.user ?? null),
        () => setUser(null),
      )
      .finally(() => setChecking(false));
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onExpired = useCallback(() => {
    setUser(null);
    setExpired(true);
  }, []);

  const logout = async () => {
    try {
      await api.auth.logout();
    } finally {
      setUser(null);
    }
  };

  if (checking) return <p className="muted center">Đang kiểm tra phiên đăng nhập…</p>;
  if (!user)
    return (
      <Login
        expired={expired}
        onLogin={(u) => {
          setExpired(false);
          setUser(u);
        }}
      />
    );

  const tabs = TABS.filter((t) => !t.adminOnly || user.role === 'admin');
  const current = tabs.find((t) => t.id === tab) ?? tabs[0]!;

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        Đến nội dung chính
      </a>
      <header className="console-header">
        <h1 className="brand">
          <strong>Hiểu Luật</strong>
          <span>Trang quản trị cán bộ Hội</span>
        </h1>
        <div className="who">
          <span>
            {user.email} · {ROLE_LABEL[user.role] ?? user.role}
          </span>
          <button type="button" className="btn btn-small btn-header" onClick={logout}>
            Đăng xuất
          </button>
        </div>
      </header>
      <Tabs tabs={tabs} current={current.id} />
      <main id="console-main" className="console-main" tabIndex={-1}>
        {current.render({ user, onExpired })}
      </main>
    </div>
  );
}

function Login({ onLogin, expired }: { onLogin: (u: User) => void; expired: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const r = await api.auth.login(email.trim(), password);
      onLogin(r.user);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <main className="login">
      <form className="panel login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Đăng nhập cán bộ Hội</h1>
        <p className="muted">Trang quản trị thư viện văn bản và câu hỏi của hội viên Hiểu Luật.</p>
        {expired && (
          <p className="notice notice-error" role="status">
            Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.
          </p>
        )}
        <label htmlFor="login-email">Email</label>
        <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="login-password">Mật khẩu</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
        <p className="muted small">
          <a href="/">← Về trang hỏi đáp</a>
        </p>
      </form>
    </main>
  );
}

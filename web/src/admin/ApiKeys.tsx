import { useState, type FormEvent } from 'react';
import type { ApiKeyInfo } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { ErrorText, formatDateTime, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

const SCOPE_LABEL: Record<ApiKeyInfo['scopes'][number], string> = {
  chat: 'Hỏi đáp (/v1, như một mô hình OpenAI)',
  library: 'Tra cứu thư viện (/mcp)',
};

/** Keys other systems (Open WebUI, LibreChat, an MCP client) use; a key is shown once. */
export function ApiKeys({ onExpired }: SectionProps) {
  const keys = useLoad(() => api.admin.apiKeys(), onExpired);
  const action = useAction(onExpired);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyInfo['scopes']>(['chat']);
  const [created, setCreated] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.admin.createApiKey(name.trim(), scopes), 'Đã tạo khoá. Hãy sao chép ngay: khoá chỉ hiện một lần.');
    if (r) {
      setCreated(r.key);
      setName('');
      void keys.reload();
    }
  };
  const revoke = async (k: ApiKeyInfo) => {
    if (!window.confirm(`Thu hồi khoá “${k.name}”? Hệ thống đang dùng khoá này sẽ không gọi được nữa.`)) return;
    if (await action.run(() => api.admin.revokeApiKey(k.id), 'Đã thu hồi khoá.')) void keys.reload();
  };

  return (
    <Section title="Khoá API cho hệ thống khác">
      <p className="muted small">
        Cho phép Open WebUI, LibreChat hay chương trình dùng thư viện OpenAI gọi Hiểu Luật như một mô hình (địa chỉ <code>/v1</code>), hoặc trợ lý dùng MCP tra
        cứu thư viện. Chỉ lưu mã băm của khoá; mỗi khoá có giới hạn lượt gọi mỗi phút.
      </p>
      <form className="upload-form" onSubmit={create}>
        <label htmlFor="key-name">Tên (hệ thống nào dùng)</label>
        <input id="key-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <fieldset>
          <legend>Được dùng cho</legend>
          {(Object.keys(SCOPE_LABEL) as ApiKeyInfo['scopes']).map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((xs) => (e.target.checked ? [...xs, s] : xs.filter((x) => x !== s)))}
              />{' '}
              {SCOPE_LABEL[s]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={action.pending || !name.trim() || scopes.length === 0}>
          Tạo khoá
        </button>
      </form>
      <Notice message={action.message} />
      {created && (
        <p className="notice notice-ok">
          Khoá mới: <code data-testid="new-api-key">{created}</code>
        </p>
      )}
      <ErrorText error={keys.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Khoá</th>
              <th>Dùng cho</th>
              <th>Dùng lần cuối</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{formatDateTime(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    `Đã thu hồi ${formatDateTime(k.revokedAt)}`
                  ) : (
                    <button type="button" className="btn btn-small btn-danger-outline" onClick={() => void revoke(k)}>
                      Thu hồi
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

import { useState, type FormEvent } from 'react';
import { api } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { ErrorText, formatDateTime, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

/** Sites allowed to embed the chat widget (CSP frame-ancestors and CORS both follow this list). */
export function Origins({ onExpired }: SectionProps) {
  const origins = useLoad(() => api.admin.origins(), onExpired);
  const action = useAction(onExpired);
  const [origin, setOrigin] = useState('');
  const [note, setNote] = useState('');
  const snippet = `<script src="${location.origin}/widget.js" data-title="Hỏi đáp pháp luật" async></script>`;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(
      () => api.admin.addOrigin(origin.trim(), note.trim() || undefined),
      (x) => `Đã cho phép ${x.origin.origin}.`,
    );
    if (r) {
      setOrigin('');
      setNote('');
      await origins.reload();
    }
  };

  const remove = async (id: number, o: string) => {
    if (!window.confirm(`Không cho ${o} nhúng trợ lý nữa?`)) return;
    if (await action.run(() => api.admin.removeOrigin(id), `Đã bỏ ${o}.`)) await origins.reload();
  };

  const d = origins.data;
  return (
    <>
      <Section title="Trang web được nhúng trợ lý">
        <p className="muted small">Chỉ những trang web trong danh sách này mới hiển thị được khung hỏi đáp. Thay đổi có hiệu lực trong vài giây.</p>
        <Notice message={action.message} />
        <ErrorText error={origins.error} />
        <ul className="origin-list" aria-label="Trang được phép">
          {d?.origins.map((o) => (
            <li key={o.id}>
              <code>{o.origin}</code>
              {o.note && <span className="muted"> — {o.note}</span>}
              <span className="muted small">
                {' '}
                {o.createdBy ? `thêm bởi ${o.createdBy}, ` : ''}
                {formatDateTime(o.createdAt)}
              </span>
              <button type="button" className="btn btn-small btn-danger-outline" disabled={action.pending} onClick={() => void remove(o.id, o.origin)}>
                Bỏ
              </button>
            </li>
          ))}
          {d && d.origins.length === 0 && <li className="muted">Chưa có trang nào.</li>}
        </ul>
        {d?.fromConfig?.length ? <p className="muted small">Cấu hình máy chủ (CORS_ORIGINS): {d.fromConfig.join(', ')}</p> : null}
        {d?.builtIn?.length ? <p className="muted small">Luôn được phép (Zalo Mini App): {d.builtIn.join(', ')}</p> : null}
        <form className="grid" onSubmit={add}>
          <div className="field">
            <label htmlFor="origin-url">Địa chỉ trang web</label>
            <input id="origin-url" required placeholder="https://hoiphunu-thanhhoa.vn" value={origin} onChange={(e) => setOrigin(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="origin-note">Ghi chú</label>
            <input id="origin-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="field end">
            <button type="submit" className="btn btn-primary" disabled={action.pending}>
              Cho phép
            </button>
          </div>
        </form>
      </Section>
      <Section title="Mã nhúng">
        <p className="muted small">Dán đoạn mã này vào trang web đã được cho phép (trước thẻ đóng &lt;/body&gt;):</p>
        <pre className="snippet">{snippet}</pre>
        <button
          type="button"
          className="btn btn-small"
          onClick={async () =>
            action.setMessage((await copyText(snippet)) ? { text: 'Đã sao chép mã nhúng.', error: false } : { text: 'Không sao chép được.', error: true })
          }
        >
          Sao chép mã nhúng
        </button>
      </Section>
    </>
  );
}

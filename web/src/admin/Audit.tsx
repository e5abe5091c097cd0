import { useState } from 'react';
import type { AuditEntry } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { ErrorText, formatDateTime, Section, useAction, useLoad, type SectionProps } from './common.js';

const ACTION_LABEL: Record<string, string> = {
  login: 'Đăng nhập',
  'login.failed': 'Đăng nhập sai',
  logout: 'Đăng xuất',
  'document.upload': 'Tải văn bản lên',
  'document.upload_failed': 'Tải lên lỗi',
  'document.edit': 'Sửa thông tin văn bản',
  'document.retire': 'Đánh dấu hết hiệu lực',
  'document.delete': 'Xoá văn bản',
  'document.reindex': 'Lập chỉ mục lại',
  'handover.answer': 'Trả lời câu hỏi chuyển cán bộ',
  'handover.approve': 'Duyệt câu trả lời',
  'origin.add': 'Cho phép trang nhúng',
  'origin.remove': 'Bỏ trang nhúng',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.delete': 'Xoá tài khoản',
  'user.password_change': 'Đổi mật khẩu',
  'user.bootstrap_admin': 'Tạo quản trị viên đầu tiên',
};

export function Audit({ onExpired }: SectionProps) {
  const first = useLoad(() => api.admin.audit({ limit: 50 }), onExpired);
  const more = useAction(onExpired);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const entries = [...(first.data?.entries ?? []), ...older];
  const nextBefore = next === undefined ? first.data?.nextBefore : next;

  const loadMore = async () => {
    if (!nextBefore) return;
    const r = await more.run(() => api.admin.audit({ limit: 50, before: nextBefore }));
    if (r) {
      setOlder((o) => [...o, ...r.entries]);
      setNext(r.nextBefore);
    }
  };

  return (
    <Section
      title="Nhật ký thao tác"
      actions={
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setOlder([]);
            setNext(undefined);
            void first.reload();
          }}
        >
          Làm mới
        </button>
      }
    >
      <ErrorText error={first.error} />
      <div className="table-wrap">
        <table className="table" aria-label="Nhật ký thao tác">
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Đối tượng</th>
              <th scope="col">Chi tiết</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actorEmail ?? 'hệ thống'}</td>
                <td>{ACTION_LABEL[e.action] ?? e.action}</td>
                <td>{e.targetType ? `${e.targetType}: ${e.targetId ?? ''}` : '—'}</td>
                <td>
                  <code className="details">{e.details && Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore ? (
        <button type="button" className="btn btn-small" disabled={more.pending} onClick={() => void loadMore()}>
          Xem cũ hơn
        </button>
      ) : null}
    </Section>
  );
}

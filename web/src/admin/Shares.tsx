import type { SharedAnswerItem } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { ErrorText, formatDate, formatDateTime, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

/**
 * Answers members shared as public pages (/a/<id>, server/share): what each page is about, when it
 * was made and when it expires. Withdrawing erases the page's text at once (the link answers
 * "đã thu hồi") and is written to the audit log. The member's words appear only where she chose
 * to share them, and the conversation never.
 */
export function Shares({ onExpired }: SectionProps) {
  const shares = useLoad(() => api.admin.shares(200), onExpired);
  const action = useAction(onExpired);

  const withdraw = async (s: SharedAnswerItem) => {
    if (!window.confirm(`Thu hồi trang chia sẻ “${s.title}”? Người mở liên kết sẽ chỉ thấy “đã thu hồi”.`)) return;
    if (await action.run(() => api.admin.withdrawShare(s.id), 'Đã thu hồi trang chia sẻ.')) await shares.reload();
  };

  const items = shares.data?.items ?? [];
  return (
    <Section title="Câu trả lời hội viên đã chia sẻ">
      <p className="muted small">
        Mỗi trang chỉ có một câu trả lời với căn cứ pháp lý; câu hỏi của hội viên chỉ có khi chị ấy chọn kèm theo. Trang tự hết hạn theo thời hạn lưu trữ. Thu
        hồi khi câu trả lời không còn đúng hoặc bị dùng sai.
      </p>
      <Notice message={action.message} />
      <ErrorText error={shares.error} />
      {shares.data && items.length === 0 && <p className="muted">Chưa có câu trả lời nào được chia sẻ.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Trang chia sẻ">
            <thead>
              <tr>
                <th>Trang</th>
                <th>Chủ đề</th>
                <th>Kèm câu hỏi</th>
                <th>Tạo lúc</th>
                <th>Hết hạn</th>
                <th>Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-testid="share-row">
                  <td>
                    {s.withdrawn ? (
                      s.title
                    ) : (
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        {s.title}
                      </a>
                    )}
                  </td>
                  <td>{s.topic ?? '—'}</td>
                  <td>{s.withQuestion ? 'Có' : 'Không'}</td>
                  <td className="nowrap">{formatDateTime(s.createdAt)}</td>
                  <td className="nowrap">{formatDate(s.expiresAt)}</td>
                  <td>
                    {s.withdrawn ? (
                      'Đã thu hồi'
                    ) : (
                      <button type="button" className="btn btn-small btn-danger-outline" disabled={action.pending} onClick={() => void withdraw(s)}>
                        Thu hồi
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

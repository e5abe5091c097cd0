import { useState } from 'react';
import type { GapGroup, GapReason } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { topicLabel } from './Insights.js';
import { ErrorText, formatDate, Section, useLoad, type SectionProps } from './common.js';

const REASON_LABEL: Record<GapReason, string> = {
  refused: 'bị từ chối (ngoài phạm vi)',
  low_coverage: 'trả lời chưa đủ ý',
  handover: 'chuyển cán bộ',
  disliked: 'bị đánh giá 👎',
};
const ACTION_LABEL: Record<GapGroup['action']['kind'], string> = {
  upload: 'Cần tải văn bản',
  review_phrasings: 'Cần thêm cách hỏi',
  review_answers: 'Kiểm tra câu trả lời',
};

/**
 * "Chưa được giải đáp": what members asked and did not get answered, grouped by the law it comes
 * closest to today, with what to do. Searched again against today's library on every load.
 */
export function Gaps({ onExpired }: SectionProps) {
  const [days, setDays] = useState(90);
  const data = useLoad(() => api.admin.gaps(days), onExpired, [days]);
  const d = data.data;
  return (
    <Section
      title="Hội viên chưa được giải đáp"
      actions={
        <div className="field inline">
          <label htmlFor="gap-days">Trong</label>
          <select id="gap-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={30}>30 ngày</option>
            <option value={90}>90 ngày</option>
            <option value={365}>1 năm</option>
          </select>
        </div>
      }
    >
      <p className="muted small">
        Câu hỏi bị từ chối, trả lời chưa đủ ý, chuyển cán bộ hoặc bị đánh giá 👎, được tìm lại với thư viện hôm nay và gom theo điều luật gần nhất. Đã xoá số
        điện thoại, tên, địa chỉ.
      </p>
      <ErrorText error={data.error} />
      {data.loading && !d && <p className="muted">Đang tìm lại các câu hỏi…</p>}
      {d && (
        <ul className="stats">
          {(Object.keys(REASON_LABEL) as GapReason[]).map((r) => (
            <li key={r}>
              <strong>{d.totals[r]}</strong> {REASON_LABEL[r]}
            </li>
          ))}
        </ul>
      )}
      {d && d.groups.length === 0 && <p className="muted">Không có câu hỏi nào chưa được giải đáp trong thời gian này.</p>}
      <ul className="handover-list">
        {d?.groups.map((g, i) => (
          <li key={i} data-testid="gap-group">
            <GapCard group={g} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function GapCard({ group: g }: { group: GapGroup }) {
  const max = Math.max(1, ...g.months.map((m) => m.count));
  return (
    <div className="card">
      <div className="card-head">
        <strong>
          {g.closest
            ? `${g.closest.article ? `Điều ${g.closest.article}` : (g.closest.articleTitle ?? '')} — ${g.closest.name}`
            : `Chưa có văn bản${g.topic ? ` · ${topicLabel(g.topic)}` : ''}`}
        </strong>
        <span className="muted small">
          {g.count} câu
          {g.closest?.uploadedAt ? ` · văn bản tải lên ${formatDate(g.closest.uploadedAt)}` : ''}
        </span>
      </div>
      <p className={`notice ${g.action.kind === 'review_answers' ? 'notice-ok' : 'notice-error'}`}>
        <strong>{ACTION_LABEL[g.action.kind]}:</strong> {g.action.text}
      </p>
      <p className="small">
        {(Object.keys(REASON_LABEL) as GapReason[])
          .filter((r) => g.reasons[r] > 0)
          .map((r) => `${g.reasons[r]} ${REASON_LABEL[r]}`)
          .join(' · ')}
        {g.closest && ` · hôm nay: ${g.answeredNow} được trả lời, ${g.stillRefused} vẫn bị từ chối`}
        {g.outranked > 0 && ` · ${g.outranked} câu vẫn được trả lời bằng ${g.outrankedBy}`}
      </p>
      <ul className="bars">
        {g.months.map((m) => (
          <li key={m.month}>
            <span className="bar-label">
              {m.month.slice(5)}/{m.month.slice(0, 4)}
            </span>
            <span className="bar">
              <span className="bar-fill" style={{ width: `${(m.count / max) * 100}%` }} />
            </span>
            <span className="bar-count">{m.count}</span>
          </li>
        ))}
      </ul>
      <ul className="qlist small">
        {g.examples.map((e) => (
          <li key={e}>“{e}”</li>
        ))}
      </ul>
    </div>
  );
}

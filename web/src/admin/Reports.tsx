import { useState } from 'react';
import { api } from '../lib/api.js';
import { topicLabel } from './Insights.js';
import { ErrorText, Section, useLoad, type SectionProps } from './common.js';

const CHANNEL_NAMES: Record<string, string> = {
  web: 'Trang web',
  widget: 'Khung chat trên trang đối tác',
  zalo: 'Zalo Mini App',
  api: 'Hệ thống khác (API)',
  unknown: 'Không rõ',
};

/** The monthly figures officials report upwards, on screen and as CSV/XLSX. */
export function Reports({ onExpired }: SectionProps) {
  const [months, setMonths] = useState(12);
  const data = useLoad(() => api.admin.reports(months), onExpired, [months]);
  const d = data.data;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  return (
    <Section
      title="Báo cáo theo tháng"
      actions={
        <div className="field inline">
          <label htmlFor="report-months">Số tháng</label>
          <select id="report-months" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            <option value={3}>3</option>
            <option value={6}>6</option>
            <option value={12}>12</option>
            <option value={24}>24</option>
          </select>
          <a className="btn btn-small" href={api.admin.reportUrl(months, 'xlsx')} download>
            Tải Excel
          </a>
          <a className="btn btn-small" href={api.admin.reportUrl(months, 'csv')} download>
            Tải CSV
          </a>
        </div>
      }
    >
      <ErrorText error={data.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Tháng</th>
              <th>Câu hỏi</th>
              <th>Ngoài phạm vi</th>
              <th>👍 / 👎</th>
              <th>Tỉ lệ hữu ích</th>
              <th>Chuyển cán bộ (đã trả lời)</th>
              <th>Thời gian trả lời (giờ)</th>
            </tr>
          </thead>
          <tbody>
            {d?.months.map((m) => (
              <tr key={m.month}>
                <td>{m.month}</td>
                <td>{m.questions}</td>
                <td>{m.outOfScope}</td>
                <td>
                  {m.helpful} / {m.notHelpful}
                </td>
                <td>{pct(m.helpfulRatio)}</td>
                <td>
                  {m.handovers} ({m.handoversAnswered})
                </td>
                <td>{m.medianHoursToAnswer ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Theo chủ đề</h3>
      {d && d.topics.length === 0 && <p className="muted">Chưa có câu hỏi nào được xếp chủ đề.</p>}
      <ul className="small">
        {d?.topics.map((t) => (
          <li key={`${t.month}-${t.topic}`}>
            {t.month}: {topicLabel(t.topic)} — {t.count}
          </li>
        ))}
      </ul>
      <h3>Theo kênh</h3>
      {d && d.channels.length === 0 && <p className="muted">Chưa có câu hỏi nào.</p>}
      <ul className="small">
        {d?.channels.map((c) => (
          <li key={`${c.month}-${c.channel}`}>
            {c.month}: {CHANNEL_NAMES[c.channel] ?? c.channel} — {c.count}
          </li>
        ))}
      </ul>
    </Section>
  );
}

import { useState } from 'react';
import { api } from '../lib/api.js';
import { ErrorText, formatDateTime, Section, useLoad, type SectionProps } from './common.js';

/** Topic codes of server/retrieval/data/vocabulary.tsv, as officials name them. */
const TOPIC_LABEL: Record<string, string> = {
  bao_luc_gia_dinh: 'Bạo lực gia đình',
  hon_nhan: 'Hôn nhân',
  ly_hon: 'Ly hôn',
  con_cai: 'Con cái',
  cap_duong: 'Cấp dưỡng',
  thai_san: 'Thai sản',
  lao_dong_nu: 'Lao động nữ',
  tre_em: 'Trẻ em',
  binh_dang_gioi: 'Bình đẳng giới',
  mua_ban_nguoi: 'Mua bán người',
  xam_hai_tinh_duc: 'Xâm hại tình dục',
  thua_ke: 'Thừa kế',
  tai_san: 'Tài sản',
};

export const topicLabel = (t: string | null | undefined) => (t ? (TOPIC_LABEL[t] ?? t.replace(/_/g, ' ')) : '');

/** What members ask and where the assistant falls short: topics, refused questions, 👎 answers. */
export function Insights({ onExpired }: SectionProps) {
  const [days, setDays] = useState(30);
  const data = useLoad(() => api.admin.insights(days), onExpired, [days]);
  const d = data.data;
  const max = Math.max(1, ...(d?.topics ?? []).map((t) => t.count));
  const disliked = d?.disliked ?? d?.negative?.map((n) => ({ ...n, answerExcerpt: n.answer, at: n.createdAt })) ?? [];

  return (
    <>
      <Section
        title="Câu hỏi của hội viên"
        actions={
          <div className="field inline">
            <label htmlFor="insight-days">Trong</label>
            <select id="insight-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={7}>7 ngày</option>
              <option value={30}>30 ngày</option>
              <option value={90}>90 ngày</option>
              <option value={365}>1 năm</option>
            </select>
          </div>
        }
      >
        <ErrorText error={data.error} />
        {d?.totals && (
          <ul className="stats">
            <li>
              <strong>{d.totals.questions}</strong> câu hỏi
            </li>
            <li>
              <strong>{d.totals.outOfScope}</strong> ngoài phạm vi
            </li>
            <li>
              <strong>{d.totals.helpful}</strong> hữu ích
            </li>
            <li>
              <strong>{d.totals.notHelpful}</strong> chưa đúng
            </li>
            <li>
              <strong>{d.totals.handoverPending}</strong> chờ cán bộ trả lời
            </li>
          </ul>
        )}
        <h3>Chủ đề được hỏi nhiều</h3>
        {d && d.topics.length === 0 && <p className="muted">Chưa có câu hỏi nào trong thời gian này.</p>}
        <ul className="bars">
          {d?.topics.map((t) => (
            <li key={t.topic}>
              <span className="bar-label">{topicLabel(t.topic)}</span>
              <span className="bar">
                <span className="bar-fill" style={{ width: `${(t.count / max) * 100}%` }} />
              </span>
              <span className="bar-count">{t.count}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Câu hỏi ngoài phạm vi thư viện">
        <p className="muted small">Hội viên hỏi nhưng thư viện chưa có văn bản phù hợp: gợi ý văn bản nên bổ sung.</p>
        {d && d.outOfScope.length === 0 && <p className="muted">Không có.</p>}
        <ul className="qlist">
          {d?.outOfScope.map((q, i) => (
            <li key={i}>
              <q>{q.question}</q> <span className="muted small">{formatDateTime(q.at ?? q.createdAt)}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Câu trả lời bị đánh giá chưa đúng">
        {d && disliked.length === 0 && <p className="muted">Không có.</p>}
        <ul className="qlist">
          {disliked.map((q, i) => (
            <li key={i} data-testid="disliked">
              <div>
                <strong>Hỏi:</strong> {q.question ?? '—'}
              </div>
              {q.answerExcerpt && (
                <div className="muted small">
                  <strong>Trả lời:</strong> {q.answerExcerpt}
                </div>
              )}
              {q.comment && (
                <div>
                  <strong>Góp ý:</strong> {q.comment}
                </div>
              )}
              <div className="muted small">{formatDateTime(q.at)}</div>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

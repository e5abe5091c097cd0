import { useState, type FormEvent } from 'react';
import type { DocumentSummary, HandoverItem, HandoverState } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { topicLabel } from './Insights.js';
import { ErrorText, formatDateTime, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

const STATE_LABEL: Record<HandoverState, string> = { pending: 'Chờ trả lời', answered: 'Đã trả lời, chờ duyệt', approved: 'Đã duyệt' };
const REASON_LABEL: Record<string, string> = {
  refused: 'Trợ lý không trả lời được',
  disliked: 'Hội viên đánh giá chưa đúng',
  member_request: 'Hội viên gửi nhờ cán bộ',
};

/** Questions members sent to officials: write a cited answer, an admin approves it for reuse. */
export function Handover({ user, onExpired }: SectionProps) {
  const [state, setState] = useState<HandoverState | ''>('');
  const items = useLoad(() => api.admin.handover(state || undefined), onExpired, [state]);
  const docs = useLoad(() => api.documents(), onExpired);

  return (
    <Section
      title="Câu hỏi chuyển cán bộ Hội"
      actions={
        <div className="field inline">
          <label htmlFor="handover-state">Lọc</label>
          <select id="handover-state" value={state} onChange={(e) => setState(e.target.value as HandoverState | '')}>
            <option value="">Tất cả</option>
            <option value="pending">{STATE_LABEL.pending}</option>
            <option value="answered">{STATE_LABEL.answered}</option>
            <option value="approved">{STATE_LABEL.approved}</option>
          </select>
        </div>
      }
    >
      <p className="muted small">
        Câu trả lời của cán bộ phải dẫn điều luật có trong thư viện. Sau khi quản trị viên duyệt, câu trả lời được dùng lại cho các câu hỏi tương tự (hội viên
        thấy “Cán bộ Hội đã trả lời”).
      </p>
      <ErrorText error={items.error} />
      {items.data && items.data.items.length === 0 && <p className="muted">Không có câu hỏi nào.</p>}
      <ul className="handover-list">
        {items.data?.items.map((it) => (
          <li key={it.id}>
            <HandoverCard
              item={it}
              isAdmin={user.role === 'admin'}
              documents={docs.data?.documents ?? []}
              onExpired={onExpired}
              onChanged={() => void items.reload()}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

interface CitationRow {
  documentId: string;
  article: string;
  clause: string;
}

function HandoverCard({
  item,
  isAdmin,
  documents,
  onExpired,
  onChanged,
}: {
  item: HandoverItem;
  isAdmin: boolean;
  documents: DocumentSummary[];
  onExpired: () => void;
  onChanged: () => void;
}) {
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [rows, setRows] = useState<CitationRow[]>(
    item.citations?.length
      ? item.citations.map((c) => ({ documentId: c.documentId, article: c.article, clause: c.clause ?? '' }))
      : [{ documentId: '', article: '', clause: '' }],
  );
  const [open, setOpen] = useState(item.state === 'pending');
  const action = useAction(onExpired);

  const setRow = (i: number, k: keyof CitationRow, v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const citations = rows
      .filter((r) => r.documentId && r.article.trim())
      .map((r) => ({ documentId: r.documentId, article: r.article.trim(), clause: r.clause.trim() || null }));
    const r = await action.run(() => api.admin.answerHandover(item.id, answer.trim(), citations), 'Đã lưu câu trả lời.');
    if (r) onChanged();
  };

  const approve = async () => {
    const r = await action.run(() => api.admin.approveHandover(item.id), 'Đã duyệt câu trả lời.');
    if (r) onChanged();
  };

  const idBase = `ho-${item.id}`;
  return (
    <article className="card" aria-labelledby={`${idBase}-q`} data-state={item.state}>
      <div className="card-head">
        <span className={`state state-${item.state}`}>{STATE_LABEL[item.state]}</span>
        <span className="muted small">
          {formatDateTime(item.createdAt)}
          {item.reason ? ` · ${REASON_LABEL[item.reason] ?? item.reason}` : ''}
          {item.topic ? ` · ${topicLabel(item.topic)}` : ''}
        </span>
      </div>
      <p id={`${idBase}-q`} className="question">
        {item.question}
      </p>
      {item.note && (
        <p className="muted">
          <strong>Hội viên nhắn:</strong> {item.note}
        </p>
      )}
      {item.answer && !open && (
        <div className="official-answer">
          <p>{item.answer}</p>
          {item.citations?.length ? (
            <p className="muted small">
              Căn cứ: {item.citations.map((c) => `${c.clause ? `khoản ${c.clause} ` : ''}Điều ${c.article} ${c.documentName ?? c.documentId}`).join('; ')}
            </p>
          ) : null}
          <p className="muted small">
            {item.answeredBy ? `Trả lời bởi ${item.answeredBy}` : ''}
            {item.approvedBy ? ` · duyệt bởi ${item.approvedBy}` : ''}
          </p>
        </div>
      )}
      <div className="row">
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Thu gọn' : item.answer ? 'Sửa câu trả lời' : 'Trả lời'}
        </button>
        {isAdmin && item.state === 'answered' && (
          <button type="button" className="btn btn-small btn-primary" disabled={action.pending} onClick={() => void approve()}>
            Duyệt
          </button>
        )}
      </div>
      {open && (
        <form className="stack" onSubmit={save}>
          <div className="field">
            <label htmlFor={`${idBase}-answer`}>Câu trả lời của cán bộ Hội</label>
            <textarea id={`${idBase}-answer`} required rows={5} maxLength={8000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          </div>
          <fieldset>
            <legend>Điều luật được dẫn</legend>
            {rows.map((r, i) => (
              <div className="citation-row" key={i}>
                <div className="field">
                  <label htmlFor={`${idBase}-doc-${i}`}>Văn bản</label>
                  <select id={`${idBase}-doc-${i}`} value={r.documentId} onChange={(e) => setRow(i, 'documentId', e.target.value)}>
                    <option value="">— chọn văn bản —</option>
                    {documents.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field narrow">
                  <label htmlFor={`${idBase}-art-${i}`}>Điều</label>
                  <input id={`${idBase}-art-${i}`} inputMode="numeric" value={r.article} onChange={(e) => setRow(i, 'article', e.target.value)} />
                </div>
                <div className="field narrow">
                  <label htmlFor={`${idBase}-cl-${i}`}>Khoản</label>
                  <input id={`${idBase}-cl-${i}`} inputMode="numeric" value={r.clause} onChange={(e) => setRow(i, 'clause', e.target.value)} />
                </div>
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    aria-label={`Bỏ dòng dẫn ${i + 1}`}
                  >
                    Bỏ
                  </button>
                )}
              </div>
            ))}
            <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, { documentId: '', article: '', clause: '' }])}>
              Thêm điều luật
            </button>
          </fieldset>
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={action.pending || !answer.trim()}>
              Lưu câu trả lời
            </button>
          </div>
        </form>
      )}
      <Notice message={action.message} />
    </article>
  );
}

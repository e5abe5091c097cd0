import { useState } from 'react';
import type { DocumentComparison } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { ErrorText, Section, useAction, useLoad, Notice, type SectionProps } from './common.js';

/** What changed between a replaced law and its replacement, article by article, word by word. */
export function Compare({ onExpired }: SectionProps) {
  const docs = useLoad(() => api.admin.documents(), onExpired);
  const [oldId, setOldId] = useState('');
  const [withId, setWithId] = useState('');
  const [result, setResult] = useState<DocumentComparison | null>(null);
  const action = useAction(onExpired);
  const all = docs.data?.documents ?? [];
  const replaced = all.filter((d) => d.status === 'replaced' || d.status === 'expired');

  const run = async () => {
    const r = await action.run(() => api.admin.compareDocument(oldId, withId || undefined));
    if (r) setResult(r);
  };

  return (
    <Section title="So sánh hai phiên bản văn bản">
      <ErrorText error={docs.error} />
      <div className="row">
        <div className="field">
          <label htmlFor="cmp-old">Văn bản cũ</label>
          <select id="cmp-old" value={oldId} onChange={(e) => setOldId(e.target.value)}>
            <option value="">— chọn —</option>
            {(replaced.length ? replaced : all).map((d) => (
              <option key={d.id} value={d.id}>
                {d.number ? `${d.number} — ` : ''}
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-new">Văn bản mới (để trống: văn bản thay thế đã ghi)</label>
          <select id="cmp-new" value={withId} onChange={(e) => setWithId(e.target.value)}>
            <option value="">— văn bản thay thế —</option>
            {all.map((d) => (
              <option key={d.id} value={d.id}>
                {d.number ? `${d.number} — ` : ''}
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn-primary" disabled={!oldId || action.pending} onClick={() => void run()}>
          So sánh
        </button>
      </div>
      <Notice message={action.message} />
      {result && (
        <div data-testid="comparison">
          <p>
            {result.changed.length} điều thay đổi, {result.added.length} điều mới, {result.removed.length} điều bị bỏ, {result.unchanged} điều giữ nguyên.
          </p>
          {result.answersToReview.length > 0 && (
            <div className="notice notice-error">
              <strong>Câu trả lời của cán bộ cần xem lại:</strong>
              <ul>
                {result.answersToReview.map((a) => (
                  <li key={`${a.handoverId}-${a.article}`}>
                    “{a.question}” — Điều {a.article}: {a.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.added.length > 0 && (
            <p className="small">Điều mới: {result.added.map((a) => `Điều ${a.article}${a.title ? ` (${a.title})` : ''}`).join(', ')}</p>
          )}
          {result.removed.length > 0 && (
            <p className="small">Điều bị bỏ: {result.removed.map((a) => `Điều ${a.article}${a.title ? ` (${a.title})` : ''}`).join(', ')}</p>
          )}
          {result.changed.map((c) => (
            <div className="card" key={c.old.article}>
              <div className="card-head">
                <strong>
                  Điều {c.old.article}
                  {c.new.article !== c.old.article ? ` → Điều ${c.new.article}` : ''}
                  {c.new.title ? `. ${c.new.title}` : ''}
                </strong>
              </div>
              {c.clauses.map((k) => (
                <p key={k.clause} className="small">
                  <span className="muted">
                    {k.clause ? `Khoản ${k.clause}` : 'Phần đầu'} ({k.change === 'added' ? 'mới' : k.change === 'removed' ? 'bỏ' : 'sửa'}):{' '}
                  </span>
                  {k.diff.map((d, i) =>
                    d.op === 'same' ? <span key={i}>{d.text} </span> : d.op === 'add' ? <ins key={i}>{d.text} </ins> : <del key={i}>{d.text} </del>,
                  )}
                </p>
              ))}
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import type { ArticleNoteInput, ArticleNotes, TryHit, TryResponse } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { topicLabel } from './Insights.js';
import { Notice, Section, useAction, type SectionProps } from './common.js';

const FIELD_LABEL: Record<string, string> = { body: 'nội dung', title: 'tên điều', member: 'cách hội viên hỏi' };
const ORIGIN_LABEL: Record<string, string> = { bundled: 'có sẵn', generated: 'do máy gợi ý', official: 'cán bộ sửa' };

/**
 * "Thử câu hỏi": the articles a question finds, with scores and why, and the article's member
 * phrasings (hỏi) and plain-language sentences (nghĩa) to edit — saved at once, used from the
 * next question.
 */
export function TryQuestion({ onExpired }: SectionProps) {
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<TryResponse | null>(null);
  const [editing, setEditing] = useState<{ documentId: string; article: string } | null>(null);
  const action = useAction(onExpired);

  const ask = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!question.trim()) return;
    const r = await action.run(() => api.admin.tryQuestion(question));
    if (r) setResult(r);
  };

  return (
    <>
      <Section title="Thử câu hỏi">
        <form className="stack" onSubmit={ask}>
          <label htmlFor="try-question">Gõ câu hỏi như hội viên hỏi (có dấu hay không dấu)</label>
          <textarea id="try-question" rows={2} maxLength={500} value={question} onChange={(e) => setQuestion(e.target.value)} />
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={action.pending || !question.trim()}>
              {action.pending ? 'Đang tìm…' : 'Tìm điều luật'}
            </button>
          </div>
        </form>
        <Notice message={action.message} />
        {result && <TryResult result={result} onEdit={(documentId, article) => setEditing({ documentId, article })} />}
      </Section>
      {editing && (
        <NotesEditor
          key={`${editing.documentId}/${editing.article}`}
          documentId={editing.documentId}
          article={editing.article}
          onExpired={onExpired}
          onClose={() => setEditing(null)}
          onSaved={() => void ask()}
        />
      )}
    </>
  );
}

function TryResult({ result, onEdit }: { result: TryResponse; onEdit: (documentId: string, article: string) => void }) {
  return (
    <div className="try-result" data-testid="try-result">
      <p className="notice notice-ok" data-testid="try-why">
        {result.why}
      </p>
      <p className="small muted">
        Độ phủ của kết quả đầu: {Math.round(result.coverage * 100)}% từ của câu hỏi.{' '}
        {result.topics.length > 0 && <>Chủ đề: {result.topics.map(topicLabel).join(', ')}.</>}
      </p>
      {result.vocabulary.length > 0 && (
        <>
          <h3>Từ điển đã hiểu câu hỏi thế nào</h3>
          <ul className="small">
            {result.vocabulary.map((v) => (
              <li key={v.line}>
                “{v.phrases.join('”, “')}” → {v.concepts.length ? v.concepts.join('; ') : `chủ đề ${topicLabel(v.topic)}`}{' '}
                <span className="muted">(vocabulary.tsv, dòng {v.line})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Các điều tìm được</h3>
      {result.hits.length === 0 && <p className="muted">Không tìm thấy điều nào: hội viên sẽ nhận câu trả lời “ngoài phạm vi”.</p>}
      <ol className="qlist">
        {result.hits.map((h) => (
          <li key={`${h.document.id}/${h.article ?? h.heading}`} data-testid="try-hit">
            <HitCard hit={h} onEdit={onEdit} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function HitCard({ hit, onEdit }: { hit: TryHit; onEdit: (documentId: string, article: string) => void }) {
  const place = hit.article ? `Điều ${hit.article}${hit.articleTitle ? `. ${hit.articleTitle}` : ''}` : (hit.heading ?? '');
  return (
    <div className="card">
      <div className="card-head">
        <strong>
          {hit.rank}. {place}
        </strong>
        <span className="muted small">
          {hit.document.name} · điểm {hit.score.toFixed(3)}
        </span>
      </div>
      <p className="small">
        Từ được tính nhiều nhất:{' '}
        {hit.terms.slice(0, 8).map((t, i) => (
          <span key={t.term}>
            {i > 0 && ', '}
            <code>{t.term}</code> {t.score.toFixed(2)} <span className="muted">({t.fields.map((f) => FIELD_LABEL[f] ?? f).join(', ')})</span>
          </span>
        ))}
      </p>
      {hit.phrasings.length > 0 && (
        <p className="small">
          Gần nhất với cách hỏi: “{hit.phrasings[0]!.text}”
          {hit.phrasings[0]!.shared.length > 0 && <span className="muted"> (chung: {hit.phrasings[0]!.shared.join(' ')})</span>}
        </p>
      )}
      {hit.missing.length > 0 && <p className="small muted">Điều này không có các từ: {hit.missing.join(', ')}</p>}
      {hit.meaning && <p className="small">Giải thích dễ hiểu: {hit.meaning}</p>}
      {(hit.article ?? hit.heading) && (
        <div className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => onEdit(hit.document.id, (hit.article ?? hit.heading)!)}>
            Sửa cách hỏi và giải thích ({hit.asks} cách hỏi)
          </button>
        </div>
      )}
    </div>
  );
}

interface Row extends ArticleNoteInput {
  origin?: string;
}

/** The article's notes as editable rows: kind, khoản, text. Saving replaces them all. */
function NotesEditor({
  documentId,
  article,
  onExpired,
  onClose,
  onSaved,
}: {
  documentId: string;
  article: string;
  onExpired: () => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [data, setData] = useState<ArticleNotes | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const load = useAction(onExpired);
  const save = useAction(onExpired);
  useEffect(() => {
    void load
      .run(() => api.admin.articleNotes(documentId, article))
      .then((r) => {
        if (!r) return;
        setData(r);
        setRows(r.notes.map((n) => ({ kind: n.kind, clause: n.clause ?? '', point: n.point ?? '', text: n.text, origin: n.origin })));
      });
    // The editor is keyed by document and article: it loads once.
  }, []);
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const notes = rows.filter((r) => r.text.trim()).map((r) => ({ kind: r.kind, clause: r.clause || null, point: r.point || null, text: r.text.trim() }));
    const r = await save.run(
      () => api.admin.saveArticleNotes(documentId, article, notes),
      (x) => `Đã lưu ${x.saved} dòng. Câu hỏi tiếp theo sẽ dùng ngay.`,
    );
    if (r) onSaved();
  };

  return (
    <Section
      title={`Cách hỏi và giải thích — Điều ${article}`}
      actions={
        <button type="button" className="btn btn-small" onClick={onClose}>
          Đóng
        </button>
      }
    >
      <Notice message={load.message} />
      {data && (
        <form className="stack" onSubmit={submit} data-testid="notes-editor">
          <p className="small muted">
            {data.documentTitle}
            {data.title ? ` — ${data.title}` : ''}. “Cách hỏi”: lời hội viên hay gõ (3–8 cách mỗi điều); “Giải thích”: một câu dễ hiểu cho cả điều hoặc cho một
            khoản.
          </p>
          <details>
            <summary>Xem nguyên văn</summary>
            <pre className="snippet">{data.text}</pre>
          </details>
          <table className="table">
            <thead>
              <tr>
                <th>Loại</th>
                <th>Khoản</th>
                <th>Nội dung</th>
                <th>Nguồn</th>
                <th>Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label="Loại" value={r.kind} onChange={(e) => set(i, { kind: e.target.value as Row['kind'] })}>
                      <option value="ask">Cách hỏi</option>
                      <option value="meaning">Giải thích</option>
                    </select>
                  </td>
                  <td>
                    <select aria-label="Khoản" value={r.clause ?? ''} onChange={(e) => set(i, { clause: e.target.value })}>
                      <option value="">Cả điều</option>
                      {data.clauses.map((c) => (
                        <option key={c} value={c}>
                          Khoản {c}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label="Nội dung" maxLength={300} value={r.text} onChange={(e) => set(i, { text: e.target.value })} />
                  </td>
                  <td className="small muted">{r.origin ? (ORIGIN_LABEL[r.origin] ?? r.origin) : 'mới'}</td>
                  <td>
                    <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                      Xoá
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, { kind: 'ask', clause: '', text: '' }])}>
              Thêm cách hỏi
            </button>
            <button type="submit" className="btn btn-primary" disabled={save.pending}>
              {save.pending ? 'Đang lưu…' : 'Lưu'}
            </button>
            <a className="btn btn-small" href={api.admin.notesExportUrl(documentId)} download>
              Tải tệp TSV của văn bản
            </a>
          </div>
          <Notice message={save.message} />
        </form>
      )}
    </Section>
  );
}

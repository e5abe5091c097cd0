import { useEffect, useRef, useState } from 'react';
import { ApiError, citationPlace, documentLabel, type ArticleView } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';

export interface SourceRef {
  documentId: string;
  article: string;
  clause?: string | null;
  point?: string | null;
}

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The cited article in full, inside the app: the law's name, số hiệu and validity first, then
 * the whole Điều with the cited khoản (and điểm) highlighted and scrolled into view.
 */
export function SourceViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const [view, setView] = useState<ArticleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const citedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.article(source.documentId, source.article, source.clause, ctrl.signal).then(setView, (err: unknown) => {
      if (ctrl.signal.aborted) return;
      setError(err instanceof ApiError ? err.message : 'Không tải được điều luật. Chị hãy thử lại.');
    });
    return () => ctrl.abort();
  }, [source.documentId, source.article, source.clause]);

  useEffect(() => {
    if (view && citedRef.current) citedRef.current.scrollIntoView({ block: 'nearest' });
  }, [view]);

  const title = view ? documentLabel(view.document) : `Điều ${source.article}`;
  const place = citationPlace({ article: source.article, clause: source.clause ?? null, point: source.point ?? null });
  const d = view?.document;

  return (
    <Modal title={title} onClose={onClose} closeLabel="Đóng">
      <div className="source-view" data-testid="source-viewer">
        {!view && !error && <p className="spinner" role="status">Đang tải {place}…</p>}
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        {view && d && (
          <>
            <dl className="doc-meta">
              <dt>Văn bản</dt>
              <dd>{d.title}</dd>
              <dt>Số hiệu</dt>
              <dd>{d.number ?? 'không có'}</dd>
              <dt>Loại</dt>
              <dd>{d.type}</dd>
              <dt>Hiệu lực</dt>
              <dd className={`status-${d.status}`}>
                {d.statusLabel}
                {d.effective ? ` (từ ${formatDate(d.effective)})` : ''}
              </dd>
            </dl>
            {(d.status === 'expired' || d.status === 'replaced') && (
              <p className="callout" role="note">
                Văn bản này {d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực'}
                {d.replacedBy ? ` bởi ${d.replacedBy}` : ''}. Chị nên hỏi cán bộ Hội hoặc Trung tâm trợ giúp pháp lý về quy định hiện hành.
              </p>
            )}
            {d.status === 'partial' && <p className="callout">Văn bản này chỉ còn hiệu lực một phần; một số điều có thể đã được sửa đổi.</p>}
            {!d.binding && <p className="callout">Đây là văn bản hướng dẫn, tham khảo (không phải quy phạm pháp luật bắt buộc).</p>}
            {view.path.length > 0 && <p className="article-path">{view.path.join(' › ')}</p>}
            <h3 className="article-title">{`Điều ${view.article}${view.title ? `. ${view.title}` : ''}`}</h3>
            <div className="article-text">
              {view.intro.map((line, i) => (
                <p key={`i${i}`}>{line}</p>
              ))}
              {view.clauses.map((c) => {
                const cited = c.cited;
                return (
                  <div
                    key={c.label}
                    ref={cited ? citedRef : undefined}
                    className={`clause${cited ? ' cited' : ''}`}
                    data-clause={c.label}
                    aria-label={cited ? `Khoản ${c.label}, được trích dẫn` : undefined}
                    role={cited ? 'region' : undefined}
                  >
                    {cited && <span className="cited-label">Khoản được trích dẫn</span>}
                    <p>{c.text}</p>
                    {c.points.length > 0 && (
                      <ol>
                        {c.points.map((p) => (
                          <li key={p.label} className={cited && source.point === p.label ? 'cited' : undefined}>
                            {p.text}
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                );
              })}
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}

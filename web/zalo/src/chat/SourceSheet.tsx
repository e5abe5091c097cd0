import { useEffect, useRef, useState } from 'react';
import { Button, Sheet } from 'zmp-ui';
import { ApiError, citationPlace, documentLabel, type ArticleView } from '../../../shared/api.js';
import { api } from '../api.js';

export interface SourceRef {
  documentId: string;
  article: string;
  clause?: string | null;
  point?: string | null;
}

function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The cited article inside the Mini App (a Zalo bottom sheet, never a link out): the law's
 * name, số hiệu and validity, then the whole Điều with the cited khoản highlighted and
 * scrolled into view. Every piece of server text is rendered as text.
 */
export function SourceSheet({ source, onClose }: { source: SourceRef | null; onClose: () => void }) {
  const [view, setView] = useState<ArticleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const citedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setView(null);
    setError(null);
    if (!source) return;
    const ctrl = new AbortController();
    api.article(source.documentId, source.article, source.clause, ctrl.signal).then(setView, (err: unknown) => {
      if (ctrl.signal.aborted) return;
      setError(err instanceof ApiError ? err.message : 'Không tải được điều luật. Chị hãy thử lại.');
    });
    return () => ctrl.abort();
  }, [source?.documentId, source?.article, source?.clause]);

  useEffect(() => {
    if (view && citedRef.current) citedRef.current.scrollIntoView({ block: 'center' });
  }, [view]);

  const d = view?.document;
  const place = source ? citationPlace({ article: source.article, clause: source.clause ?? null, point: source.point ?? null }) : '';
  const title = d ? documentLabel(d) : place;

  return (
    <Sheet visible={!!source} onClose={onClose} maskClosable swipeToClose autoHeight unmountOnClose>
      <div className="hl-source" role="dialog" aria-modal="true" aria-labelledby="hl-source-title" data-testid="source-viewer">
        <div className="hl-source-head">
          <h2 id="hl-source-title">{title}</h2>
          <Button size="small" variant="secondary" type="neutral" onClick={onClose}>
            Đóng
          </Button>
        </div>
        {/* Focusable so the article scrolls from the keyboard too. */}
        <div className="hl-source-body" tabIndex={0} aria-label="Nguyên văn điều luật">
          {!view && !error && (
            <p className="hl-muted" role="status">
              Đang tải {place}…
            </p>
          )}
          {error && (
            <p className="hl-error" role="alert">
              {error}
            </p>
          )}
          {view && d && (
            <>
              <dl className="hl-doc-meta">
                <dt>Văn bản</dt>
                <dd>{d.title}</dd>
                <dt>Số hiệu</dt>
                <dd>{d.number ?? 'không có'}</dd>
                <dt>Hiệu lực</dt>
                <dd className={`hl-status-${d.status}`}>
                  {d.statusLabel}
                  {d.effective ? ` (từ ${formatDate(d.effective)})` : ''}
                </dd>
              </dl>
              {(d.status === 'expired' || d.status === 'replaced') && (
                <p className="hl-callout" role="note">
                  Văn bản này {d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực'}
                  {d.replacedBy ? ` bởi ${d.replacedBy}` : ''}. Chị nên hỏi cán bộ Hội hoặc Trung tâm trợ giúp pháp lý về quy định hiện hành.
                </p>
              )}
              {d.status === 'partial' && <p className="hl-callout">Văn bản này chỉ còn hiệu lực một phần; một số điều có thể đã được sửa đổi.</p>}
              {view.path.length > 0 && <p className="hl-article-path">{view.path.join(' › ')}</p>}
              <h3 className="hl-article-title">{`Điều ${view.article}${view.title ? `. ${view.title}` : ''}`}</h3>
              <div className="hl-article-text">
                {view.intro.map((line, i) => (
                  <p key={`i${i}`}>{line}</p>
                ))}
                {view.clauses.map((c) => (
                  <div
                    key={c.label}
                    ref={c.cited ? citedRef : undefined}
                    className={`hl-clause${c.cited ? ' cited' : ''}`}
                    data-clause={c.label}
                    role={c.cited ? 'region' : undefined}
                    aria-label={c.cited ? `Khoản ${c.label}, được trích dẫn` : undefined}
                  >
                    {c.cited && <span className="hl-cited-label">Khoản được trích dẫn</span>}
                    <p>{c.text}</p>
                    {c.points.length > 0 && (
                      <ol>
                        {c.points.map((p) => (
                          <li key={p.label} className={c.cited && source?.point === p.label ? 'cited' : undefined}>
                            {p.text}
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                ))}
              </div>
            </>
          )}
        </div>
      </div>
    </Sheet>
  );
}

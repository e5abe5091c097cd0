import { useEffect, useRef, useState } from 'react';
import { Button, Sheet } from 'zmp-ui';
import { ApiError, citationPlace, documentLabel } from '../../../shared/api.js';
import { loadSource, sourceKey, type LoadedSource, type SourceRef } from '../../../shared/source.js';
import { api } from '../api.js';

export type { SourceRef };

function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The cited source inside the Mini App (a Zalo bottom sheet, never a link out): the law's
 * name, số hiệu and validity, then the whole Điều with the cited khoản highlighted — or, for a
 * plan or other document without Điều, the part holding the cited mục with its heading path —
 * scrolled into view. Every piece of server text is rendered as text.
 */
export function SourceSheet({ source, onClose }: { source: SourceRef | null; onClose: () => void }) {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const citedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setLoaded(null);
    setError(null);
    if (!source) return;
    const ctrl = new AbortController();
    loadSource(api, source, ctrl.signal).then(setLoaded, (err: unknown) => {
      if (ctrl.signal.aborted) return;
      setError(err instanceof ApiError ? err.message : 'Không tải được nội dung. Chị hãy thử lại.');
    });
    return () => ctrl.abort();
  }, [sourceKey(source)]);

  useEffect(() => {
    if (loaded && citedRef.current) citedRef.current.scrollIntoView({ block: 'center' });
  }, [loaded]);

  const view = loaded?.kind === 'article' ? loaded.view : null;
  const part = loaded?.kind === 'section' ? loaded.view : null;
  const d = loaded?.view.document;
  const place = source
    ? citationPlace({ article: source.article, clause: source.clause ?? null, point: source.point ?? null, section: source.section ?? null, heading: source.heading ?? null })
    : '';
  const title = d ? (part ? (d.reference ?? documentLabel(d)) : documentLabel(d)) : place;

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
        <div className="hl-source-body" tabIndex={0} aria-label="Nguyên văn điều luật" data-section={source?.section?.join('.') || undefined}>
          {!loaded && !error && (
            <p className="hl-muted" role="status">
              Đang tải {place}…
            </p>
          )}
          {error && (
            <p className="hl-error" role="alert">
              {error}
            </p>
          )}
          {d && (
            <>
              <dl className="hl-doc-meta">
                <dt>Văn bản</dt>
                <dd>{d.title}</dd>
                <dt>Số hiệu</dt>
                <dd>{d.number ?? 'không có'}</dd>
                {d.period ? (
                  <>
                    <dt>Thời gian thực hiện</dt>
                    <dd className={d.periodOver ? 'hl-status-expired' : undefined}>
                      {d.period}
                      {d.periodOver ? ' (đã hết thời gian thực hiện)' : ''}
                    </dd>
                  </>
                ) : (
                  <>
                    <dt>Hiệu lực</dt>
                    <dd className={`hl-status-${d.status}`}>
                      {d.statusLabel}
                      {d.effective ? ` (từ ${formatDate(d.effective)})` : ''}
                    </dd>
                  </>
                )}
              </dl>
              {(d.status === 'expired' || d.status === 'replaced') && (
                <p className="hl-callout" role="note">
                  Văn bản này {d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực'}
                  {d.replacedBy ? ` bởi ${d.replacedBy}` : ''}. Chị nên hỏi cán bộ Hội hoặc Trung tâm trợ giúp pháp lý về quy định hiện hành.
                </p>
              )}
              {d.status === 'partial' && <p className="hl-callout">Văn bản này chỉ còn hiệu lực một phần; một số điều có thể đã được sửa đổi.</p>}
              {!d.binding && <p className="hl-callout">Đây là văn bản hướng dẫn, tham khảo (không phải quy phạm pháp luật bắt buộc).</p>}
            </>
          )}
          {part && (
            <>
              <p className="hl-article-path" data-testid="heading-path">
                {part.headingPath.join(' › ')}
              </p>
              <div className="hl-article-text">
                {part.blocks.map((b, i) => (
                  <div
                    key={`${b.section.join('.')}-${i}`}
                    ref={b.cited ? citedRef : undefined}
                    className={`hl-clause${b.cited ? ' cited' : ''}`}
                    data-section={b.section.join('.')}
                    role={b.cited ? 'region' : undefined}
                    aria-label={b.cited ? `${place.charAt(0).toLocaleUpperCase('vi')}${place.slice(1)}, được trích dẫn` : undefined}
                  >
                    {b.cited && <span className="hl-cited-label">Mục được trích dẫn</span>}
                    <p>
                      <strong>{b.heading}</strong>
                    </p>
                    {b.lines.map((l, j) => (
                      <p key={j} className={l.cited ? 'cited' : undefined}>
                        {l.text}
                      </p>
                    ))}
                  </div>
                ))}
              </div>
            </>
          )}
          {view && (
            <>
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

import { useEffect, useRef, useState } from 'react';
import { ApiError, citationPlace, documentLabel, type ArticleView, type DocumentSummary, type SectionView } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';

export interface SourceRef {
  documentId: string;
  article: string;
  clause?: string | null;
  point?: string | null;
  /** A document without Điều: its place, ["III", "2"]. */
  section?: string[] | null;
  heading?: string | null;
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
  if (source.section?.length) return <SectionViewer source={source} onClose={onClose} />;
  return <ArticleViewer source={source} onClose={onClose} />;
}

function ArticleViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
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
            <DocumentMeta d={d} />
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

/** The document's name, số hiệu, type, validity, and for a plan its issuer, scope and period. */
function DocumentMeta({ d }: { d: DocumentSummary }) {
  return (
    <>
      <dl className="doc-meta">
        <dt>Văn bản</dt>
        <dd>{d.title}</dd>
        <dt>Số hiệu</dt>
        <dd>{d.number ?? 'không có'}</dd>
        <dt>Loại</dt>
        <dd>{d.type}</dd>
        {!d.binding && d.issuer && (
          <>
            <dt>Cơ quan ban hành</dt>
            <dd>
              {d.issuer}
              {d.issued ? `, ngày ${formatDate(d.issued)}` : ''}
            </dd>
          </>
        )}
        {!d.binding && d.scope && (
          <>
            <dt>Phạm vi</dt>
            <dd>{d.scope}</dd>
          </>
        )}
        {d.period ? (
          <>
            <dt>Thời gian thực hiện</dt>
            <dd className={d.periodOver ? 'status-expired' : undefined}>
              {d.period}
              {d.periodOver ? ' (đã hết thời gian thực hiện)' : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>Hiệu lực</dt>
            <dd className={`status-${d.status}`}>
              {d.statusLabel}
              {d.effective ? ` (từ ${formatDate(d.effective)})` : ''}
            </dd>
          </>
        )}
      </dl>
      {(d.status === 'expired' || d.status === 'replaced') && (
        <p className="callout" role="note">
          Văn bản này {d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực'}
          {d.replacedBy ? ` bởi ${d.replacedBy}` : ''}. Chị nên hỏi cán bộ Hội hoặc Trung tâm trợ giúp pháp lý về quy định hiện hành.
        </p>
      )}
      {d.status === 'partial' && <p className="callout">Văn bản này chỉ còn hiệu lực một phần; một số điều có thể đã được sửa đổi.</p>}
      {!d.binding && <p className="callout">Đây là văn bản hướng dẫn, tham khảo (không phải quy phạm pháp luật bắt buộc).</p>}
    </>
  );
}

/**
 * A section of a plan or other document without Điều: the whole part that holds it, opened at
 * the cited section, with its heading path ("III. NHIỆM VỤ, GIẢI PHÁP › 2. Hỗ trợ …").
 */
function SectionViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const [view, setView] = useState<SectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const citedRef = useRef<HTMLDivElement>(null);
  const section = source.section ?? [];
  const key = section.join('.');

  useEffect(() => {
    const ctrl = new AbortController();
    api.section(source.documentId, key.split('.'), source.point, ctrl.signal).then(setView, (err: unknown) => {
      if (ctrl.signal.aborted) return;
      setError(err instanceof ApiError ? err.message : 'Không tải được nội dung. Chị hãy thử lại.');
    });
    return () => ctrl.abort();
  }, [source.documentId, key, source.point]);

  useEffect(() => {
    if (view && citedRef.current) citedRef.current.scrollIntoView({ block: 'nearest' });
  }, [view]);

  const place = citationPlace({ article: '', clause: null, point: source.point ?? null, section, heading: source.heading ?? null });
  const d = view?.document;
  return (
    <Modal title={d ? (d.reference ?? documentLabel(d)) : place} onClose={onClose} closeLabel="Đóng">
      <div className="source-view" data-testid="source-viewer" data-section={key}>
        {!view && !error && <p className="spinner" role="status">Đang tải {place}…</p>}
        {error && (
          <p className="error-box" role="alert">
            {error}
          </p>
        )}
        {view && d && (
          <>
            <DocumentMeta d={d} />
            <p className="article-path" data-testid="heading-path">
              {view.headingPath.join(' › ')}
            </p>
            <div className="article-text">
              {view.blocks.map((b, i) => (
                <div
                  key={`${b.section.join('.')}-${i}`}
                  ref={b.cited ? citedRef : undefined}
                  className={`clause${b.cited ? ' cited' : ''}`}
                  data-section={b.section.join('.')}
                  aria-label={b.cited ? `${place[0]!.toLocaleUpperCase('vi')}${place.slice(1)}, được trích dẫn` : undefined}
                  role={b.cited ? 'region' : undefined}
                >
                  {b.cited && <span className="cited-label">Mục được trích dẫn</span>}
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
      </div>
    </Modal>
  );
}

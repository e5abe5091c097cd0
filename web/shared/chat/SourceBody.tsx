import { useEffect, useRef, useState } from 'react';
import { ApiError, citationPlace, documentLabel, type Api, type DocumentSummary } from '../api.js';
import { loadSource, sourceKey, type LoadedSource, type SourceRef } from '../source.js';

/**
 * The cited source as every chat face shows it: the law's name, số hiệu and validity first, then
 * the whole Điều with the cited khoản (and điểm) highlighted — or, for a plan or other document
 * without Điều, the part holding the cited mục with its heading path — scrolled into view. The
 * faces wrap it in their own frame (web: a modal; Zalo: a zmp-ui bottom sheet) and name the
 * classes (`cls`), so only the look differs. Every piece of server text is rendered as text.
 */

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "điều 51, khoản 1" or "mục III.2" for the source, before it has loaded. */
export function sourcePlace(source: SourceRef): string {
  return citationPlace({
    article: source.article,
    clause: source.clause ?? null,
    point: source.point ?? null,
    section: source.section ?? null,
    heading: source.heading ?? null,
  });
}

// The ref's type differs between the React types of the web build and of the Mini App's; this
// names whichever the compiling face has.
const useCitedRef = () => useRef<HTMLDivElement>(null);

export interface SourceState {
  loaded: LoadedSource | null;
  error: string | null;
  /** The cited khoản or mục: scrolled into view once loaded. */
  citedRef: ReturnType<typeof useCitedRef>;
  /** The document's name once loaded (a plan by its reference), the cited place before. */
  title: string;
  place: string;
}

/** Loads the source a citation chip opened; reloads only when a different one is opened. */
export function useSource(api: Pick<Api, 'article' | 'section'>, source: SourceRef | null, scrollBlock: ScrollLogicalPosition = 'nearest'): SourceState {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const citedRef = useCitedRef();

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
    // The key names the source; a new object for the same chip must not reload it.
  }, [sourceKey(source)]);

  useEffect(() => {
    if (loaded && citedRef.current) citedRef.current.scrollIntoView({ block: scrollBlock });
  }, [loaded]);

  const place = source ? sourcePlace(source) : '';
  const d = loaded?.view.document;
  const title = d ? (loaded.kind === 'section' ? (d.reference ?? documentLabel(d)) : documentLabel(d)) : place;
  return { loaded, error, citedRef, title, place };
}

/** Class names of one face (the web chat's are the names themselves). */
export type ClassNames = (name: string) => string;

interface BodyProps {
  source: SourceRef;
  state: SourceState;
  cls?: ClassNames;
}

export function SourceBody({ source, state, cls = (n) => n }: BodyProps) {
  const { loaded, error, citedRef, place } = state;
  const d = loaded?.view.document;
  return (
    <>
      {!loaded && !error && (
        <p className={cls('spinner')} role="status">
          Đang tải {place}…
        </p>
      )}
      {error && (
        <p className={cls('error-box')} role="alert">
          {error}
        </p>
      )}
      {d && <DocumentMeta d={d} cls={cls} />}
      {loaded?.kind === 'section' && (
        <>
          <p className={cls('article-path')} data-testid="heading-path">
            {loaded.view.headingPath.join(' › ')}
          </p>
          <div className={cls('article-text')}>
            {loaded.view.blocks.map((b, i) => (
              <div
                key={`${b.section.join('.')}-${i}`}
                ref={b.cited ? citedRef : undefined}
                className={`${cls('clause')}${b.cited ? ' cited' : ''}`}
                data-section={b.section.join('.')}
                aria-label={b.cited ? `${place.charAt(0).toLocaleUpperCase('vi')}${place.slice(1)}, được trích dẫn` : undefined}
                role={b.cited ? 'region' : undefined}
              >
                {b.cited && <span className={cls('cited-label')}>Mục được trích dẫn</span>}
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
      {loaded?.kind === 'article' && (
        <>
          {loaded.view.path.length > 0 && <p className={cls('article-path')}>{loaded.view.path.join(' › ')}</p>}
          <h3 className={cls('article-title')}>{`Điều ${loaded.view.article}${loaded.view.title ? `. ${loaded.view.title}` : ''}`}</h3>
          <div className={cls('article-text')}>
            {loaded.view.intro.map((line, i) => (
              <p key={`i${i}`}>{line}</p>
            ))}
            {loaded.view.clauses.map((c) => (
              <div
                key={c.label}
                ref={c.cited ? citedRef : undefined}
                className={`${cls('clause')}${c.cited ? ' cited' : ''}`}
                data-clause={c.label}
                aria-label={c.cited ? `Khoản ${c.label}, được trích dẫn` : undefined}
                role={c.cited ? 'region' : undefined}
              >
                {c.cited && <span className={cls('cited-label')}>Khoản được trích dẫn</span>}
                <p>{c.text}</p>
                {c.points.length > 0 && (
                  <ol>
                    {c.points.map((p) => (
                      <li key={p.label} className={c.cited && source.point === p.label ? 'cited' : undefined}>
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
    </>
  );
}

/** The document's name, số hiệu, type, validity, and for a plan its issuer, scope and period. */
function DocumentMeta({ d, cls }: { d: DocumentSummary; cls: ClassNames }) {
  return (
    <>
      <dl className={cls('doc-meta')}>
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
            <dd className={d.periodOver ? cls('status-expired') : undefined}>
              {d.period}
              {d.periodOver ? ' (đã hết thời gian thực hiện)' : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>Hiệu lực</dt>
            <dd className={cls(`status-${d.status}`)}>
              {d.statusLabel}
              {d.effective ? ` (từ ${formatDate(d.effective)})` : ''}
            </dd>
          </>
        )}
      </dl>
      {(d.status === 'expired' || d.status === 'replaced') && (
        <p className={cls('callout')} role="note">
          Văn bản này {d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực'}
          {d.replacedBy ? ` bởi ${d.replacedBy}` : ''}. Chị nên hỏi cán bộ Hội hoặc Trung tâm trợ giúp pháp lý về quy định hiện hành.
        </p>
      )}
      {d.status === 'partial' && <p className={cls('callout')}>Văn bản này chỉ còn hiệu lực một phần; một số điều có thể đã được sửa đổi.</p>}
      {!d.binding && <p className={cls('callout')}>Đây là văn bản hướng dẫn, tham khảo (không phải quy phạm pháp luật bắt buộc).</p>}
    </>
  );
}

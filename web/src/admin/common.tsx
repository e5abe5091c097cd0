import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, type DocumentStatus, type OutlineNode, type User } from '../../shared/api.js';

export interface SectionProps {
  user: User;
  /** A 401 means the session ended: back to the login form. */
  onExpired: () => void;
}

export const STATUS_OPTIONS: { value: DocumentStatus; label: string }[] = [
  { value: 'in_force', label: 'Còn hiệu lực' },
  { value: 'partial', label: 'Còn hiệu lực một phần' },
  { value: 'expired', label: 'Hết hiệu lực' },
  { value: 'replaced', label: 'Đã được thay thế' },
];

export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Loads data for a section; reload() fetches again. A 401 ends the session, other errors are
 * kept to show next to the section.
 */
export function useLoad<T>(load: () => Promise<T>, onExpired: () => void, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onExpired();
      else setError(messageOf(err));
    } finally {
      setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

/** Runs an action, turning failures into a message (and 401 into a new login). */
export function useAction(onExpired: () => void) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>, success?: string | ((r: T) => string)): Promise<T | undefined> => {
      setPending(true);
      setMessage(null);
      try {
        const r = await fn();
        if (success) setMessage({ text: typeof success === 'function' ? success(r) : success, error: false });
        return r;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) onExpired();
        else setMessage({ text: messageOf(err), error: true });
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [onExpired],
  );
  return { pending, message, setMessage, run };
}

export function Notice({ message }: { message: { text: string; error: boolean } | null }) {
  if (!message) return null;
  return (
    <p className={message.error ? 'notice notice-error' : 'notice notice-ok'} role={message.error ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p className="notice notice-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`h-${title}`}>
      <div className="panel-head">
        <h2 id={`h-${title}`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** The parsed structure of a law: Phần / Chương / Mục / Điều as a nested list. */
export function Outline({ nodes }: { nodes: OutlineNode[] }) {
  if (!nodes.length) return <p className="muted">Không nhận ra chương, điều nào trong văn bản.</p>;
  return (
    <ul className="outline">
      {nodes.map((n, i) => (
        <li key={`${n.label}-${i}`}>
          <span className="outline-label">{n.label}</span>
          {n.title ? <span className="outline-title"> {n.title}</span> : null}
          {n.children?.length ? <Outline nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** What the console says about how a document was cut into citable parts. */
export function schemeNote(scheme: 'legal' | 'numbered' | 'headings' | undefined, articles: number, sections: number): string {
  if (scheme === 'headings')
    return `Văn bản không có Điều, cũng không có phần I, II… hay mục 1, 2…: đã chia theo tiêu đề và đoạn văn (${sections} phần). Hội viên sẽ thấy trích dẫn theo tên tiêu đề.`;
  if (scheme === 'numbered') return `Văn bản không có Điều: đã chia theo phần, mục, điểm (${sections} mục). Trích dẫn có dạng “mục III.2”.`;
  return `${articles} điều.`;
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type PreviewResponse, type UploadFields, type UploadItem, type UploadState } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';
import { ErrorText, formatDateTime, formatSize, messageOf, Outline, schemeNote, Section, STATUS_OPTIONS, useLoad, type SectionProps } from './common.js';
import { DocumentStructure } from './Documents.js';

const ACCEPT = '.pdf,.docx,.txt,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/html';

export const STATE_LABEL: Record<UploadState, string> = {
  processing: 'Đang xử lý',
  indexed: 'Đã lập chỉ mục',
  error: 'Lỗi',
};

const RESULT_LABEL: Record<string, string> = { added: 'văn bản mới', replaced: 'thay thế bản cũ', skipped: 'đã có, không đổi' };

interface Row {
  key: string;
  filename: string;
  size: number;
  state: UploadState;
  item?: UploadItem;
  /** Written to the library, the search index not yet rebuilt (seen while polling). */
  stored?: boolean;
}

const EMPTY_FIELDS: UploadFields = { number: '', title: '', type: '', status: '', effective: '' };

export function Upload({ onExpired }: SectionProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [fields, setFields] = useState<UploadFields>(EMPTY_FIELDS);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'upload' | 'preview' | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [dragging, setDragging] = useState(false);
  const [structureOf, setStructureOf] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const history = useLoad(() => api.admin.uploads(20), onExpired);
  const pollRef = useRef<number | null>(null);

  useEffect(() => () => stopPolling(), []);

  function stopPolling() {
    if (pollRef.current !== null) window.clearInterval(pollRef.current);
    pollRef.current = null;
  }

  const single = files.length === 1;
  const set = (k: keyof UploadFields, v: string) => setFields((f) => ({ ...f, [k]: v }));

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return onExpired();
    setError(messageOf(err));
  };

  /** While the server works through the files, show each one's state as it changes. */
  function pollStates(startedAt: number) {
    stopPolling();
    pollRef.current = window.setInterval(async () => {
      try {
        const r = await api.admin.uploads(50);
        const recent = r.uploads.filter((u) => u.createdAt && Date.parse(u.createdAt) >= startedAt - 2000);
        setRows((all) =>
          all.map((row) => {
            const match = recent.find((u) => u.filename === row.filename);
            if (!match || row.state !== 'processing') return row;
            // Stored is not yet searchable: the upload's own answer comes once the search index
            // holds the document, and only that answer makes the row "Đã lập chỉ mục".
            return match.state === 'indexed' ? { ...row, stored: true } : { ...row, state: match.state, item: match };
          }),
        );
      } catch {
        // Polling is a nicety; the upload's own answer settles every row.
      }
    }, 1500);
  }

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) return;
    setError(null);
    setBusy('upload');
    const startedAt = Date.now();
    setRows(files.map((f, i) => ({ key: `${startedAt}-${i}`, filename: f.name, size: f.size, state: 'processing' })));
    setProgress({ loaded: 0, total: files.reduce((n, f) => n + f.size, 0) });
    try {
      const r = await api.admin.uploadDocuments(files, single ? fields : { ...fields, number: '', title: '' }, {
        onProgress: (loaded, total) => {
          setProgress({ loaded, total });
          if (loaded >= total) pollStates(startedAt);
        },
      });
      settle(r.uploads);
      setFiles([]);
      setFields(EMPTY_FIELDS);
      if (inputRef.current) inputRef.current.value = '';
    } catch (err) {
      const body = err instanceof ApiError ? (err.body as { uploads?: UploadItem[] } | undefined) : undefined;
      if (body?.uploads?.length) settle(body.uploads);
      else setRows((all) => all.map((row) => ({ ...row, state: 'error' })));
      fail(err);
    } finally {
      stopPolling();
      setBusy(null);
      setProgress((p) => (p ? { loaded: p.total, total: p.total } : p));
      void history.reload();
    }
  };

  function settle(items: UploadItem[]) {
    setRows((all) =>
      all.map((row, i) => {
        const item = items[i] ?? items.find((u) => u.filename === row.filename);
        return item ? { ...row, state: item.state, item } : row;
      }),
    );
  }

  const doPreview = async () => {
    if (!single) return;
    setError(null);
    setBusy('preview');
    try {
      setPreview(await api.admin.preview(files[0]!, fields));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const uploading = busy === 'upload';

  return (
    <>
      <Section title="Tải văn bản lên thư viện">
        <form className="upload-form" onSubmit={upload}>
          <div className="field">
            <span className="field-label" id="upload-files-label">
              Tệp văn bản (PDF, DOCX, TXT, HTML; chọn được nhiều tệp)
            </span>
            <div
              className={`file-drop${dragging ? ' dragging' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                if (e.dataTransfer.files.length) setFiles([...e.dataTransfer.files]);
              }}
            >
              <input
                ref={inputRef}
                id="upload-files"
                className="file-input"
                type="file"
                multiple
                accept={ACCEPT}
                onChange={(e) => setFiles([...(e.target.files ?? [])])}
                aria-labelledby="upload-files-label"
                aria-describedby="upload-help"
              />
              <label htmlFor="upload-files" className="btn">
                Chọn tệp…
              </label>
              <span className="muted">{files.length ? `Đã chọn ${files.length} tệp` : 'hoặc kéo thả tệp vào đây'}</span>
            </div>
            <p id="upload-help" className="muted small">
              Văn bản được tách theo Chương, Điều, Khoản rồi lập chỉ mục để hội viên hỏi được ngay. Tải lại văn bản cùng số hiệu sẽ thay thế bản cũ.
            </p>
          </div>
          {files.length > 0 && (
            <ul className="file-list" aria-label="Tệp đã chọn">
              {files.map((f) => (
                <li key={`${f.name}-${f.size}`}>
                  {f.name} <span className="muted">({formatSize(f.size)})</span>
                </li>
              ))}
            </ul>
          )}
          <fieldset className="meta-fields">
            <legend>Thông tin văn bản (không bắt buộc — để trống thì đọc từ tệp)</legend>
            <div className="grid">
              <div className="field">
                <label htmlFor="up-number">Số hiệu</label>
                <input id="up-number" value={fields.number} disabled={!single} placeholder="52/2014/QH13" onChange={(e) => set('number', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="up-title">Tên văn bản</label>
                <input id="up-title" value={fields.title} disabled={!single} onChange={(e) => set('title', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="up-type">Loại văn bản</label>
                <input id="up-type" value={fields.type} placeholder="Luật, Nghị định, Kế hoạch…" onChange={(e) => set('type', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="up-status">Tình trạng hiệu lực</label>
                <select id="up-status" value={fields.status} onChange={(e) => set('status', e.target.value)}>
                  <option value="">Đọc từ tệp</option>
                  {STATUS_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="up-effective">Ngày có hiệu lực</label>
                <input id="up-effective" type="date" value={fields.effective} onChange={(e) => set('effective', e.target.value)} />
              </div>
            </div>
            {files.length > 1 && <p className="muted small">Số hiệu và tên văn bản chỉ nhập được khi tải lên một tệp.</p>}
          </fieldset>
          <div className="row">
            <button type="button" className="btn" disabled={!single || busy !== null} onClick={doPreview}>
              {busy === 'preview' ? 'Đang đọc tệp…' : 'Xem trước cấu trúc'}
            </button>
            <button type="submit" className="btn btn-primary" disabled={!files.length || busy !== null}>
              {uploading ? 'Đang tải lên…' : 'Tải lên và lập chỉ mục'}
            </button>
          </div>
        </form>

        {progress && (
          <div className="progress" aria-live="polite">
            <label htmlFor="upload-progress">
              {percent < 100 ? `Đang tải lên: ${percent}%` : uploading ? 'Đã tải lên 100%, máy chủ đang xử lý…' : 'Đã tải lên 100% — xử lý xong'}
            </label>
            <progress id="upload-progress" max={100} value={percent} />
          </div>
        )}
        <ErrorText error={error} />

        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Kết quả tải lên">
              <thead>
                <tr>
                  <th scope="col">Tệp</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-state={r.state} data-testid="upload-row">
                    <td>{r.filename}</td>
                    <td>
                      <span className={`state state-${r.state}`}>{STATE_LABEL[r.state]}</span>
                    </td>
                    <td>
                      {r.stored && r.state === 'processing' ? (
                        <span className="muted">Đã lưu vào thư viện, đang đưa vào tìm kiếm…</span>
                      ) : (
                        <UploadDetail item={r.item} onStructure={setStructureOf} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section
        title="Lịch sử tải lên"
        actions={
          <button type="button" className="btn btn-small" onClick={() => void history.reload()}>
            Làm mới
          </button>
        }
      >
        <ErrorText error={history.error} />
        {history.data && history.data.uploads.length === 0 && <p className="muted">Chưa có tệp nào được tải lên.</p>}
        {history.data && history.data.uploads.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Thời gian</th>
                  <th scope="col">Tệp</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Chi tiết</th>
                  <th scope="col">Người tải</th>
                </tr>
              </thead>
              <tbody>
                {history.data.uploads.map((u) => (
                  <tr key={u.id}>
                    <td>{formatDateTime(u.createdAt)}</td>
                    <td>
                      {u.filename} <span className="muted">{formatSize(u.size)}</span>
                    </td>
                    <td>
                      <span className={`state state-${u.state}`}>{STATE_LABEL[u.state]}</span>
                    </td>
                    <td>
                      <UploadDetail item={u} onStructure={setStructureOf} />
                    </td>
                    <td>{u.uploadedBy ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      {preview && <PreviewModal preview={preview} onClose={() => setPreview(null)} />}
      {structureOf && <DocumentStructure documentId={structureOf} onClose={() => setStructureOf(null)} onExpired={onExpired} />}
    </>
  );
}

function UploadDetail({ item, onStructure }: { item?: UploadItem; onStructure: (id: string) => void }) {
  if (!item) return <span className="muted">…</span>;
  if (item.state === 'error') return <span className="error-reason">{item.error ?? 'Không xử lý được tệp này.'}</span>;
  if (item.state === 'processing') return <span className="muted">Đang tách điều khoản và lập chỉ mục…</span>;
  return (
    <span>
      {item.documentTitle ?? item.documentId}
      {item.result ? ` — ${RESULT_LABEL[item.result] ?? item.result}` : ''}
      {item.articles != null ? ` · ${item.articles} điều, ${item.chunks ?? 0} đoạn` : ''}
      {item.documentId && (
        <>
          {' '}
          <button type="button" className="linkish" onClick={() => onStructure(item.documentId!)}>
            Xem cấu trúc
          </button>
        </>
      )}
    </span>
  );
}

function PreviewModal({ preview, onClose }: { preview: PreviewResponse; onClose: () => void }) {
  const m = preview.meta;
  return (
    <Modal title={`Xem trước: ${preview.name ?? m.title ?? preview.filename ?? ''}`} onClose={onClose}>
      <div data-testid="preview">
        {preview.existing && (
          <p className="callout">
            {preview.existing.relation === 'same_file'
              ? `Tệp này đã có trong thư viện (${preview.existing.title}); tải lên sẽ không thay đổi gì.`
              : `Đã có văn bản cùng số hiệu (${preview.existing.title}); tải lên sẽ thay thế bản đó.`}
          </p>
        )}
        <dl className="doc-meta">
          <dt>Tên</dt>
          <dd>{m.title ?? '—'}</dd>
          <dt>Số hiệu</dt>
          <dd>{m.number ?? '—'}</dd>
          <dt>Loại</dt>
          <dd>{m.type ?? '—'}</dd>
          <dt>Cơ quan ban hành</dt>
          <dd>{m.issuer ?? '—'}</dd>
          <dt>Ngày hiệu lực</dt>
          <dd>{m.effective ?? '—'}</dd>
          {m.scope && (
            <>
              <dt>Phạm vi</dt>
              <dd>{m.scope}</dd>
            </>
          )}
          {m.period && (
            <>
              <dt>Thời gian thực hiện</dt>
              <dd>{m.period}</dd>
            </>
          )}
          <dt>Định dạng</dt>
          <dd>
            {preview.format ?? '—'}
            {preview.ocr ? ' (nhận dạng chữ OCR)' : ''}
          </dd>
          <dt>Số điều / đoạn</dt>
          <dd>
            {preview.articles} điều · {preview.chunks} đoạn
          </dd>
        </dl>
        <h3>Cấu trúc</h3>
        {preview.scheme && preview.scheme !== 'legal' && (
          <p className="callout" data-testid="scheme-note">
            {schemeNote(preview.scheme, preview.articles, preview.sections ?? 0)}
          </p>
        )}
        <Outline nodes={preview.structure} />
        {preview.sampleChunks && preview.sampleChunks.length > 0 && (
          <>
            <h3>Một vài đoạn sẽ được lập chỉ mục</h3>
            {preview.sampleChunks.map((c, i) => (
              <figure key={i} className="sample">
                <figcaption>{c.header}</figcaption>
                <pre>{c.text}</pre>
              </figure>
            ))}
          </>
        )}
      </div>
    </Modal>
  );
}

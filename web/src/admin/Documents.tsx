import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, type AdminDocument, type DocumentContact, type DocumentDetail, type DocumentPatch, type DocumentStatus } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';
import { ErrorText, formatDate, messageOf, Notice, Outline, schemeNote, Section, STATUS_OPTIONS, useAction, useLoad, type SectionProps } from './common.js';

export function Documents({ user, onExpired }: SectionProps) {
  const docs = useLoad(() => api.admin.documents(), onExpired);
  const action = useAction(onExpired);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<AdminDocument | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const list = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = docs.data?.documents ?? [];
    return q ? all.filter((d) => `${d.title} ${d.number ?? ''} ${d.id} ${d.type}`.toLowerCase().includes(q)) : all;
  }, [docs.data, filter]);

  const retire = async (d: AdminDocument) => {
    if (!window.confirm(`Đánh dấu "${d.title}" là hết hiệu lực? Văn bản vẫn được giữ để tra cứu nhưng không còn được trích dẫn mặc định.`)) return;
    if (await action.run(() => api.admin.retireDocument(d.id), `Đã đánh dấu hết hiệu lực: ${d.title}`)) await docs.reload();
  };
  const remove = async (d: AdminDocument) => {
    if (!window.confirm(`Xoá hẳn "${d.title}" và toàn bộ điều khoản đã lập chỉ mục? Không thể hoàn tác.`)) return;
    if (await action.run(() => api.admin.deleteDocument(d.id), `Đã xoá: ${d.title}`)) await docs.reload();
  };
  const reindex = async (d: AdminDocument) => {
    const r = await action.run(
      () => api.admin.reindexDocument(d.id),
      (x) => `Đã lập chỉ mục lại "${d.title}": ${x.articles} điều, ${x.chunks} đoạn (${x.mode === 'reparsed' ? 'đọc lại từ tệp gốc' : 'tạo lại vector'}).`,
    );
    if (r) await docs.reload();
  };

  return (
    <Section
      title="Thư viện văn bản"
      actions={
        <button type="button" className="btn btn-small" onClick={() => void docs.reload()}>
          Làm mới
        </button>
      }
    >
      <div className="field inline">
        <label htmlFor="doc-filter">Tìm văn bản</label>
        <input id="doc-filter" type="search" value={filter} placeholder="Tên, số hiệu…" onChange={(e) => setFilter(e.target.value)} />
      </div>
      <Notice message={action.message} />
      <ErrorText error={docs.error} />
      {docs.loading && !docs.data && <p className="muted">Đang tải…</p>}
      {docs.data && (
        <div className="table-wrap">
          <table className="table" aria-label="Danh sách văn bản">
            <thead>
              <tr>
                <th scope="col">Văn bản</th>
                <th scope="col">Số hiệu</th>
                <th scope="col">Loại</th>
                <th scope="col">Hiệu lực</th>
                <th scope="col">Ngày hiệu lực</th>
                <th scope="col">Số điều</th>
                <th scope="col">Nguồn</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} data-document={d.id}>
                  <td>
                    <strong>{d.title}</strong>
                    <div className="muted small">{d.id}</div>
                  </td>
                  <td className="nowrap">{d.number ?? '—'}</td>
                  <td>
                    {d.type}
                    {!d.binding && <div className="muted small">tham khảo</div>}
                  </td>
                  <td>
                    <span className={`status-${d.status}`}>{d.statusLabel}</span>
                    {d.replacedBy && <div className="muted small">thay bởi {d.replacedBy}</div>}
                  </td>
                  <td>{formatDate(d.effective)}</td>
                  <td>{d.articleCount ?? '—'}</td>
                  <td>{d.origin === 'upload' ? 'Tải lên' : d.origin === 'corpus' ? 'Thư viện gốc' : (d.origin ?? '—')}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setViewing(d.id)}>
                        Cấu trúc
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(d)}>
                        Sửa
                      </button>
                      {d.status !== 'expired' && (
                        <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => void retire(d)}>
                          Hết hiệu lực
                        </button>
                      )}
                      <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => void reindex(d)}>
                        Lập chỉ mục lại
                      </button>
                      {user.role === 'admin' && (
                        <button type="button" className="btn btn-small btn-danger-outline" disabled={action.pending} onClick={() => void remove(d)}>
                          Xoá
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.length === 0 && <p className="muted">Không có văn bản nào khớp.</p>}
        </div>
      )}
      {editing && (
        <EditDocument
          doc={editing}
          onExpired={onExpired}
          onClose={() => setEditing(null)}
          onSaved={async (d) => {
            setEditing(null);
            action.setMessage({ text: `Đã lưu thông tin: ${d.title}`, error: false });
            await docs.reload();
          }}
        />
      )}
      {viewing && <DocumentStructure documentId={viewing} onClose={() => setViewing(null)} onExpired={onExpired} />}
    </Section>
  );
}

function EditDocument({
  doc,
  onClose,
  onSaved,
  onExpired,
}: {
  doc: AdminDocument;
  onClose: () => void;
  onSaved: (d: AdminDocument) => void;
  onExpired: () => void;
}) {
  const [form, setForm] = useState({
    title: doc.title,
    number: doc.number ?? '',
    type: doc.type,
    status: doc.status as DocumentStatus,
    statusNote: doc.statusNote ?? '',
    effective: doc.effective ?? '',
    replacedBy: doc.replacedBy ?? '',
    topics: (doc.topics ?? []).join('; '),
    issuer: doc.issuer ?? '',
    issued: doc.issued ?? '',
    scope: doc.scope ?? '',
    period: doc.period ?? '',
    periodStart: doc.periodStart ?? '',
    periodEnd: doc.periodEnd ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: the audit log then names exactly the fields an official edited.
    const patch: DocumentPatch = {};
    const opt = (v: string) => (v.trim() ? v.trim() : null);
    if (form.title.trim() !== doc.title) patch.title = form.title.trim();
    if (opt(form.number) !== (doc.number ?? null)) patch.number = opt(form.number);
    if (form.type.trim() !== doc.type) patch.type = form.type.trim();
    if (form.status !== doc.status) patch.status = form.status;
    if (opt(form.statusNote) !== (doc.statusNote ?? null)) patch.statusNote = opt(form.statusNote);
    if (opt(form.effective) !== (doc.effective ?? null)) patch.effective = opt(form.effective);
    if (opt(form.replacedBy) !== (doc.replacedBy ?? null)) patch.replacedBy = opt(form.replacedBy);
    if (opt(form.issuer) !== (doc.issuer ?? null)) patch.issuer = opt(form.issuer);
    if (opt(form.issued) !== (doc.issued ?? null)) patch.issued = opt(form.issued);
    if (opt(form.scope) !== (doc.scope ?? null)) patch.scope = opt(form.scope);
    if (opt(form.period) !== (doc.period ?? null)) patch.period = opt(form.period);
    if (opt(form.periodStart) !== (doc.periodStart ?? null)) patch.periodStart = opt(form.periodStart);
    if (opt(form.periodEnd) !== (doc.periodEnd ?? null)) patch.periodEnd = opt(form.periodEnd);
    const topics = form.topics
      .split(/[;,]/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (topics.join('|') !== (doc.topics ?? []).join('|')) patch.topics = topics;
    if (!Object.keys(patch).length) return onClose();
    setPending(true);
    setError(null);
    try {
      const r = await api.admin.updateDocument(doc.id, patch);
      onSaved(r.document);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onExpired();
      else setError(messageOf(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal title={`Sửa thông tin: ${doc.title}`} onClose={onClose} closeLabel="Huỷ">
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ed-title">Tên văn bản</label>
          <input id="ed-title" required value={form.title} onChange={(e) => set('title', e.target.value)} data-autofocus />
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor="ed-number">Số hiệu</label>
            <input id="ed-number" value={form.number} onChange={(e) => set('number', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-type">Loại văn bản</label>
            <input id="ed-type" required value={form.type} onChange={(e) => set('type', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-status">Tình trạng hiệu lực</label>
            <select id="ed-status" value={form.status} onChange={(e) => set('status', e.target.value)}>
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ed-effective">Ngày có hiệu lực</label>
            <input id="ed-effective" type="date" value={form.effective} onChange={(e) => set('effective', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-replaced">Được thay thế bởi (số hiệu)</label>
            <input id="ed-replaced" value={form.replacedBy} onChange={(e) => set('replacedBy', e.target.value)} />
          </div>
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor="ed-issuer">Cơ quan ban hành</label>
            <input id="ed-issuer" value={form.issuer} placeholder="UBND tỉnh Thanh Hóa" onChange={(e) => set('issuer', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-issued">Ngày ban hành</label>
            <input id="ed-issued" type="date" value={form.issued} onChange={(e) => set('issued', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-scope">Phạm vi áp dụng</label>
            <input
              id="ed-scope"
              list="ed-scope-options"
              value={form.scope}
              placeholder="toàn quốc / tỉnh Thanh Hóa / xã …"
              onChange={(e) => set('scope', e.target.value)}
            />
            <datalist id="ed-scope-options">
              <option value="toàn quốc" />
              <option value="tỉnh Thanh Hóa" />
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="ed-period">Thời gian thực hiện</label>
            <input id="ed-period" value={form.period} placeholder="năm 2026" onChange={(e) => set('period', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-period-start">Từ ngày</label>
            <input id="ed-period-start" type="date" value={form.periodStart} onChange={(e) => set('periodStart', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ed-period-end">Đến ngày</label>
            <input id="ed-period-end" type="date" value={form.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="ed-note">Ghi chú hiệu lực</label>
          <input id="ed-note" value={form.statusNote} onChange={(e) => set('statusNote', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ed-topics">Chủ đề (ngăn cách bằng dấu ;)</label>
          <input id="ed-topics" value={form.topics} onChange={(e) => set('topics', e.target.value)} />
        </div>
        <ErrorText error={error} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Đang lưu…' : 'Lưu thay đổi'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A stored document as the retriever sees it: outline, then every article's text. */
export function DocumentStructure({ documentId, onClose, onExpired }: { documentId: string; onClose: () => void; onExpired: () => void }) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.document(documentId, ctrl.signal).then(setDetail, (err: unknown) => {
      if (ctrl.signal.aborted) return;
      if (err instanceof ApiError && err.status === 401) onExpired();
      else setError(messageOf(err));
    });
    return () => ctrl.abort();
  }, [documentId, onExpired]);

  const d = detail?.document;
  return (
    <Modal title={d ? d.name : 'Cấu trúc văn bản'} onClose={onClose}>
      <div data-testid="structure">
        <ErrorText error={error} />
        {!detail && !error && <p className="muted">Đang tải…</p>}
        {detail && d && (
          <>
            <dl className="doc-meta">
              <dt>Số hiệu</dt>
              <dd>{d.number ?? '—'}</dd>
              <dt>Loại</dt>
              <dd>{d.type}</dd>
              <dt>Hiệu lực</dt>
              <dd className={`status-${d.status}`}>{d.statusLabel}</dd>
              <dt>Ngày hiệu lực</dt>
              <dd>{formatDate(d.effective)}</dd>
              <dt>Số điều / đoạn</dt>
              <dd>
                {d.articleCount ?? detail.articles.length} điều · {d.chunkCount ?? '—'} đoạn
              </dd>
            </dl>
            <h3>Cấu trúc</h3>
            {d.structureScheme && d.structureScheme !== 'legal' && (
              <p className="callout" data-testid="scheme-note">
                {schemeNote(d.structureScheme, d.articleCount ?? 0, detail.articles.length)}
              </p>
            )}
            <Outline nodes={detail.structure} />
            {!d.binding && <Contacts documentId={documentId} onExpired={onExpired} />}
            <h3>Các điều</h3>
            {detail.articles.map((a, i) => (
              <details key={`${a.article}-${i}`} className="article-detail">
                <summary>
                  {a.article
                    ? `Điều ${a.article}${a.title ? `. ${a.title}` : ''}`
                    : [...a.path.map((p) => p.split('. ')[0]), a.heading ?? 'Phần mở đầu'].join(' › ')}
                </summary>
                <pre>{a.text}</pre>
              </details>
            ))}
          </>
        )}
      </div>
    </Modal>
  );
}

/**
 * Phone numbers and addresses found in the document, with the section they came from. They are
 * shown to members with that source; a number joins the emergency numbers only when an official
 * confirms it here.
 */
function Contacts({ documentId, onExpired }: { documentId: string; onExpired: () => void }) {
  const list = useLoad(() => api.admin.documentContacts(documentId), onExpired);
  const action = useAction(onExpired);
  const toggle = async (c: DocumentContact) => {
    const ok = await action.run(
      () => api.admin.confirmContact(documentId, c.id, !c.confirmed),
      c.confirmed ? `Đã bỏ xác nhận: ${c.value}` : `Đã xác nhận: ${c.value}`,
    );
    if (ok) await list.reload();
  };
  const contacts = list.data?.contacts ?? [];
  if (!contacts.length) return null;
  return (
    <section data-testid="contacts">
      <h3>Số điện thoại, địa chỉ trong văn bản</h3>
      <p className="muted small">Hội viên thấy các số này kèm nguồn. Chỉ số đã được cán bộ xác nhận mới được đưa vào danh sách số khẩn cấp.</p>
      <Notice message={action.message} />
      <ul className="stack">
        {contacts.map((c) => (
          <li key={c.id}>
            <strong>{c.value}</strong> — {c.label}
            {c.section?.length ? <span className="muted small"> (mục {c.section.join('.')})</span> : null}
            {c.kind === 'phone' && (
              <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => void toggle(c)}>
                {c.confirmed ? 'Bỏ xác nhận' : 'Xác nhận là số liên hệ chính thức'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The one client of the Hiểu Luật HTTP API: plain `fetch`, the SSE parser for streamed answers,
 * citation formatting. No framework and no dependency, because three front ends share it: the
 * web chat and console (web/src), the embeddable widget and the Zalo Mini App (web/zalo/, a
 * separate Vite workspace that imports this exact file with its own base URL).
 *
 *   const api = createApi({ baseUrl: 'https://hieuluat.example.vn', credentials: 'omit' });
 *   const r = await api.chatStream({ message, conversationId }, { onToken: (t) => (text += t) });
 *   r.citations.map(formatCitation); // "điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)"
 *
 * Errors are ApiError with the server's Vietnamese `message`, ready to show.
 */
import type {
  AdminDocument,
  ApiErrorBody,
  ArticleView,
  AuditPage,
  ChatDoneEvent,
  ChatMetaEvent,
  ChatRequest,
  ChatResponse,
  Citation,
  Conversation,
  DocumentDetail,
  DocumentPatch,
  DocumentSummary,
  DocumentContact,
  EmbedOrigin,
  EmergencyInfo,
  FeedbackRequest,
  HandoverCitation,
  HandoverCreated,
  HandoverItem,
  HandoverRequest,
  HandoverState,
  Health,
  Insights,
  LoginResponse,
  MeResponse,
  NewUser,
  OriginsResponse,
  PreviewResponse,
  ReindexResponse,
  SearchResponse,
  SectionView,
  UploadFields,
  UploadResponse,
  User,
  UserPatch,
} from './types.js';
import type { ApiKeyInfo, ArticleNoteInput, ArticleNotes, DocumentComparison, GapReport, MonthlyReport, TryResponse } from './official-types.js';
import type { ShareCreated, SharedAnswerItem, ShareRequest } from './share-types.js';
import type { MemberSettingsPatch, MemberSettingsView, Welcome } from './settings-types.js';

export type * from './types.js';
export type * from './official-types.js';
export type * from './share-types.js';
export type * from './settings-types.js';

/** Shown when the request never reached the server (offline phone, captive Wi-Fi). */
export const NETWORK_MESSAGE = 'Không kết nối được tới máy chủ. Chị hãy kiểm tra mạng rồi thử lại.';
const GENERIC_MESSAGE = 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.';
const INCOMPLETE_MESSAGE = 'Câu trả lời bị gián đoạn giữa chừng. Chị hãy gửi lại câu hỏi.';

/** An API refusal: `message` is the server's Vietnamese text, safe to show as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The parsed error body, e.g. per-file `uploads` when every uploaded file failed. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
  get isRateLimited(): boolean {
    return this.status === 429;
  }
}

export interface ApiOptions {
  /** Where the server is: '' (same origin, the default) or e.g. 'https://hieuluat.example.vn'. */
  baseUrl?: string;
  /** Cookies: 'same-origin' for the web console; cross-origin clients (widget, Zalo) stay anonymous. */
  credentials?: RequestCredentials;
  /** A bearer token for non-browser clients; browsers use the httpOnly session cookie instead. */
  token?: string;
  fetch?: typeof fetch;
}

export interface StreamHandlers {
  onMeta?: (meta: ChatMetaEvent) => void;
  /** A piece of the answer to append to what came before. */
  onToken?: (text: string) => void;
  onCitations?: (citations: Citation[]) => void;
}

export interface UploadOptions {
  /** Bytes sent so far, from XMLHttpRequest upload progress. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

export function createApi(options: ApiOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | null = null;
  let token = options.token ?? null;

  function url(path: string, query?: Query): string {
    let u = base + path;
    if (query) {
      const qs = Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&');
      if (qs) u += `?${qs}`;
    }
    return u;
  }

  function headersFor(method: string, extra?: Record<string, string>): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json', ...extra };
    if (token) h.authorization = `Bearer ${token}`;
    // The session cookie alone does not authorise a change: the CSRF token must travel too.
    if (csrfToken && UNSAFE.test(method)) h['x-csrf-token'] = csrfToken;
    return h;
  }

  async function send(path: string, o: RequestOptions = {}): Promise<Response> {
    const method = o.method ?? (o.body === undefined ? 'GET' : 'POST');
    const extra: Record<string, string> = { ...o.headers };
    if (o.body !== undefined) extra['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(url(path, o.query), {
        method,
        credentials,
        headers: headersFor(method, extra),
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        signal: o.signal,
      });
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new ApiError(0, 'network', NETWORK_MESSAGE);
    }
    if (!res.ok) throw await errorFrom(res);
    return res;
  }

  async function json<T>(path: string, o: RequestOptions = {}): Promise<T> {
    const res = await send(path, o);
    if (res.status === 204) return undefined as T;
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError(res.status, 'invalid:response', GENERIC_MESSAGE);
    }
  }

  /**
   * Streams an answer over SSE. POST cannot use EventSource, so this reads the fetch body.
   * Resolves with the whole answer once `done` arrives; a server that answers with plain JSON
   * (an old proxy stripping SSE) still works, delivered as one token.
   */
  async function chatStream(req: ChatRequest, handlers: StreamHandlers = {}, signal?: AbortSignal): Promise<ChatResponse> {
    const res = await send('/api/chat', { body: req, signal, headers: { accept: 'text/event-stream' } });
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      const r = (await res.json()) as ChatResponse;
      handlers.onMeta?.({ conversationId: r.conversationId, kind: r.kind, emergency: r.emergency, safety: r.safety });
      handlers.onToken?.(r.answer);
      handlers.onCitations?.(r.citations);
      return r;
    }
    let meta: ChatMetaEvent | null = null;
    let citations: Citation[] = [];
    let text = '';
    let done: ChatDoneEvent | null = null;
    let failure: ApiError | null = null;
    const onEvent = (event: string, data: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        return;
      }
      switch (event) {
        case 'meta':
          meta = payload as ChatMetaEvent;
          handlers.onMeta?.(meta);
          break;
        case 'token': {
          const t = (payload as { text?: string }).text ?? '';
          text += t;
          handlers.onToken?.(t);
          break;
        }
        case 'citations':
          citations = (payload as { citations?: Citation[] }).citations ?? [];
          handlers.onCitations?.(citations);
          break;
        case 'done':
          done = payload as ChatDoneEvent;
          break;
        case 'error': {
          const e = payload as Partial<ApiErrorBody>;
          failure = new ApiError(200, e.error ?? 'internal', e.message ?? GENERIC_MESSAGE);
          break;
        }
      }
    };
    if (res.body) await readSse(res.body, onEvent, signal);
    else {
      // WebViews without response streams: the whole answer at once, parsed the same way.
      const parser = sseParser(onEvent);
      parser.push(await res.text());
      parser.end();
    }
    if (failure) throw failure;
    const d = done as ChatDoneEvent | null;
    if (!d) throw new ApiError(0, 'stream_incomplete', INCOMPLETE_MESSAGE);
    const m = meta as ChatMetaEvent | null;
    return {
      ...d,
      answer: d.answer ?? text,
      citations: d.citations ?? citations,
      emergency: d.emergency ?? m?.emergency,
      safety: d.safety ?? m?.safety,
    };
  }

  /** Multipart upload with progress events (fetch cannot report upload progress). */
  function upload<T>(path: string, form: FormData, o: UploadOptions = {}): Promise<T> {
    if (typeof XMLHttpRequest === 'undefined') {
      return (async () => {
        let res: Response;
        try {
          res = await doFetch(url(path), { method: 'POST', credentials, headers: headersFor('POST'), body: form, signal: o.signal });
        } catch (err) {
          if (isAbort(err)) throw err;
          throw new ApiError(0, 'network', NETWORK_MESSAGE);
        }
        if (!res.ok) throw await errorFrom(res);
        return (await res.json()) as T;
      })();
    }
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url(path));
      xhr.withCredentials = credentials === 'include';
      for (const [k, v] of Object.entries(headersFor('POST'))) xhr.setRequestHeader(k, v);
      xhr.responseType = 'text';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) o.onProgress?.(e.loaded, e.total);
      };
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as T);
        else reject(errorFromBody(xhr.status, body));
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_MESSAGE));
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      o.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  function uploadForm(files: readonly Blob[], fields: UploadFields = {}, single = false): FormData {
    const form = new FormData();
    // Fields first: the server reads them before it starts streaming the files to disk.
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && String(v).trim() !== '') form.append(k, String(v).trim());
    for (const f of single ? files.slice(0, 1) : files) form.append('file', f, (f as File).name ?? 'tai-lieu');
    return form;
  }

  const enc = encodeURIComponent;

  return {
    baseUrl: base,
    /** Remember the CSRF token of the console session (login and /api/auth/me return it). */
    setCsrfToken(t: string | null) {
      csrfToken = t;
    },
    setToken(t: string | null) {
      token = t;
    },

    health: (signal?: AbortSignal) => json<Health>('/api/health', { signal }),
    chat: (req: ChatRequest, signal?: AbortSignal) => json<ChatResponse>('/api/chat', { body: req, signal }),
    chatStream,
    conversation: (id: string, signal?: AbortSignal) => json<Conversation>(`/api/conversations/${enc(id)}`, { signal }),
    /** The numbers emergency answers show, for a call screen before any question. */
    emergency: (signal?: AbortSignal) => json<EmergencyInfo>('/api/emergency', { signal }),
    /** The welcome text and suggested questions officials set (null / empty: the chat's own). */
    welcome: (signal?: AbortSignal) => json<Welcome>('/api/welcome', { signal }),
    article: (documentId: string, article: string, clause?: string | null, signal?: AbortSignal) =>
      json<ArticleView>(`/api/articles/${enc(documentId)}/${enc(article)}`, { query: { clause: clause ?? undefined }, signal }),
    /** The part of a document without Điều that holds a cited section ("III.2"), with it marked. */
    section: (documentId: string, section: readonly string[], point?: string | null, signal?: AbortSignal) =>
      json<SectionView>(`/api/sections/${enc(documentId)}/${enc(section.join('.'))}`, { query: { point: point ?? undefined }, signal }),
    search: (q: string, k?: number, signal?: AbortSignal) => json<SearchResponse>('/api/search', { query: { q, k }, signal }),
    documents: (signal?: AbortSignal) => json<{ documents: DocumentSummary[] }>('/api/documents', { signal }),
    document: (id: string, signal?: AbortSignal) => json<DocumentDetail>(`/api/documents/${enc(id)}`, { signal }),
    feedback: (req: FeedbackRequest) => json<{ ok: boolean; rating?: number }>('/api/feedback', { body: req }),
    handover: (req: HandoverRequest) => json<HandoverCreated>('/api/handover', { body: req }),
    /** A public read-only page of one answer (/a/<id>): the topic, or her question only if she chose it. */
    share: (req: ShareRequest) => json<ShareCreated>('/api/share', { body: req }),

    auth: {
      async login(email: string, password: string): Promise<LoginResponse> {
        const r = await json<LoginResponse>('/api/auth/login', { body: { email, password } });
        csrfToken = r.csrfToken;
        return r;
      },
      /** The session behind the cookie, or null when there is none (401). */
      async me(): Promise<MeResponse | null> {
        try {
          const r = await json<MeResponse>('/api/auth/me');
          csrfToken = r.csrfToken;
          return r;
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) return null;
          throw err;
        }
      },
      async logout(): Promise<void> {
        try {
          await json('/api/auth/logout', { method: 'POST', body: {} });
        } finally {
          csrfToken = null;
        }
      },
      changePassword: (currentPassword: string, newPassword: string) => json<{ ok: boolean }>('/api/auth/password', { body: { currentPassword, newPassword } }),
    },

    admin: {
      uploadDocuments: (files: readonly Blob[], fields?: UploadFields, o?: UploadOptions) =>
        upload<UploadResponse>('/api/documents', uploadForm(files, fields), o),
      preview: (file: Blob, fields?: UploadFields, o?: UploadOptions) => upload<PreviewResponse>('/api/admin/preview', uploadForm([file], fields, true), o),
      uploads: (limit?: number) => json<UploadResponse>('/api/admin/uploads', { query: { limit } }),
      documents: () => json<{ documents: AdminDocument[] }>('/api/admin/documents'),
      updateDocument: (id: string, patch: DocumentPatch) =>
        json<{ document: AdminDocument }>(`/api/admin/documents/${enc(id)}`, { method: 'PATCH', body: patch }),
      retireDocument: (id: string) => json<{ document: AdminDocument }>(`/api/admin/documents/${enc(id)}/retire`, { method: 'POST', body: {} }),
      deleteDocument: (id: string) => json<{ ok: boolean }>(`/api/admin/documents/${enc(id)}`, { method: 'DELETE' }),
      documentContacts: (id: string) => json<{ contacts: DocumentContact[] }>(`/api/admin/documents/${enc(id)}/contacts`),
      confirmContact: (id: string, contactId: number, confirmed: boolean) =>
        json<{ contact: DocumentContact }>(`/api/admin/documents/${enc(id)}/contacts/${contactId}`, { body: { confirmed } }),
      reindexDocument: (id: string) => json<ReindexResponse>(`/api/admin/documents/${enc(id)}/reindex`, { method: 'POST', body: {} }),
      insights: (days?: number) => json<Insights>('/api/admin/insights', { query: { days } }),
      handover: (state?: HandoverState) => json<{ items: HandoverItem[] }>('/api/admin/handover', { query: { state } }),
      answerHandover: (id: number, answer: string, citations: Pick<HandoverCitation, 'documentId' | 'article' | 'clause'>[]) =>
        json<{ item: HandoverItem }>(`/api/admin/handover/${id}/answer`, { body: { answer, citations } }),
      approveHandover: (id: number) => json<{ item: HandoverItem }>(`/api/admin/handover/${id}/approve`, { method: 'POST', body: {} }),
      shares: (limit?: number) => json<{ items: SharedAnswerItem[] }>('/api/admin/shares', { query: { limit } }),
      withdrawShare: (id: string) => json<{ ok: boolean }>(`/api/admin/shares/${enc(id)}/withdraw`, { method: 'POST', body: {} }),
      audit: (query: { limit?: number; before?: number; action?: string } = {}) => json<AuditPage>('/api/admin/audit', { query }),
      origins: () => json<OriginsResponse>('/api/admin/origins'),
      addOrigin: (origin: string, note?: string) => json<{ origin: EmbedOrigin }>('/api/admin/origins', { body: note ? { origin, note } : { origin } }),
      removeOrigin: (id: number) => json<{ ok: boolean }>(`/api/admin/origins/${id}`, { method: 'DELETE' }),
      memberSettings: () => json<MemberSettingsView>('/api/admin/member-settings'),
      saveMemberSettings: (patch: MemberSettingsPatch) =>
        json<{ effective: MemberSettingsView['effective']; changed: string[] }>('/api/admin/member-settings', { method: 'PUT', body: patch }),
      users: () => json<{ users: User[] }>('/api/admin/users'),
      createUser: (u: NewUser) => json<{ user: User }>('/api/admin/users', { body: u }),
      updateUser: (id: string, patch: UserPatch) => json<{ user: User }>(`/api/admin/users/${enc(id)}`, { method: 'PATCH', body: patch }),
      deleteUser: (id: string) => json<{ ok: boolean }>(`/api/admin/users/${enc(id)}`, { method: 'DELETE' }),
      tryQuestion: (question: string, includeExpired = false) => json<TryResponse>('/api/admin/try', { body: { question, includeExpired } }),
      articleNotes: (documentId: string, article: string) => json<ArticleNotes>(`/api/admin/notes/${enc(documentId)}/${enc(article)}`),
      saveArticleNotes: (documentId: string, article: string, notes: ArticleNoteInput[]) =>
        json<{ saved: number; replaced: number }>(`/api/admin/notes/${enc(documentId)}/${enc(article)}`, { method: 'PUT', body: { notes } }),
      apiKeys: () => json<{ keys: ApiKeyInfo[] }>('/api/admin/api-keys'),
      createApiKey: (name: string, scopes: ApiKeyInfo['scopes'], ratePerMin?: number) =>
        json<{ key: string; apiKey: ApiKeyInfo }>('/api/admin/api-keys', { body: ratePerMin ? { name, scopes, ratePerMin } : { name, scopes } }),
      revokeApiKey: (id: number) => json<{ apiKey: ApiKeyInfo }>(`/api/admin/api-keys/${id}`, { method: 'DELETE' }),
      reports: (months?: number) => json<MonthlyReport>('/api/admin/reports', { query: { months } }),
      reportUrl: (months: number, format: 'csv' | 'xlsx') => `${base}/api/admin/reports?months=${months}&format=${format}`,
      compareDocument: (id: string, withId?: string) => json<DocumentComparison>(`/api/admin/documents/${enc(id)}/compare`, { query: { with: withId } }),
      gaps: (days?: number) => json<GapReport>('/api/admin/gaps', { query: { days } }),
      notesExportUrl: (documentId: string) => `${base}/api/admin/documents/${enc(documentId)}/notes.tsv`,
    },
  };
}

export type Api = ReturnType<typeof createApi>;

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  return errorFromBody(res.status, body);
}

function errorFromBody(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Partial<ApiErrorBody>;
  if (status === 0) return new ApiError(0, 'network', NETWORK_MESSAGE);
  const fallback = status === 429 ? 'Chị gửi quá nhiều câu hỏi trong thời gian ngắn. Vui lòng đợi một chút rồi thử lại.' : GENERIC_MESSAGE;
  return new ApiError(
    status,
    typeof b.error === 'string' ? b.error : `http_${status}`,
    typeof b.message === 'string' && b.message ? b.message : fallback,
    body,
  );
}

function isAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: string }).name === 'AbortError';
}

/**
 * A server-sent-events parser (the WHATWG rules: `event:` and `data:` fields, multi-line data
 * joined by "\n", comments ignored, CR/LF/CRLF line ends even when split across chunks).
 * Feed it text with push(); end() flushes the last event.
 */
export function sseParser(onEvent: (event: string, data: string) => void) {
  let buf = '';
  let event = '';
  let data: string[] = [];
  const line = (l: string) => {
    if (l === '') {
      if (data.length) onEvent(event || 'message', data.join('\n'));
      event = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const i = l.indexOf(':');
    const field = i < 0 ? l : l.slice(0, i);
    let value = i < 0 ? '' : l.slice(i + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return {
    push(text: string) {
      buf += text;
      let start = 0;
      for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c !== '\n' && c !== '\r') continue;
        // A CR at the very end may be the first half of a CRLF split across chunks: wait.
        if (c === '\r' && i === buf.length - 1) break;
        line(buf.slice(start, i));
        if (c === '\r' && buf[i + 1] === '\n') i++;
        start = i + 1;
      }
      buf = buf.slice(start);
    },
    end() {
      if (buf) line(buf.replace(/\r$/, ''));
      buf = '';
      line('');
    },
  };
}

/** Reads a byte stream of server-sent events, calling `onEvent` per dispatched event. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = sseParser(onEvent);
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  }
}

/**
 * "điểm a khoản 1 Điều 51": where in the law, without the law's name. A document without Điều is
 * cited in its own terms: "mục III.2", "điểm a mục III.2", or "phần “Nội dung”" when it was cut by
 * headings (as server/answer/citation.ts writes it).
 */
export function citationPlace(c: Pick<Citation, 'article' | 'clause' | 'point'> & Partial<Pick<Citation, 'section' | 'heading'>>): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.section?.length) {
    const first = c.section[0]!;
    parts.push(first.startsWith('§') ? (c.heading ? `phần “${shortHeading(c.heading)}”` : `đoạn ${first.slice(1)}`) : `mục ${c.section.join('.')}`);
    return parts.join(' ');
  }
  if (!c.article) return c.heading ? `phần “${shortHeading(c.heading)}”` : 'nội dung';
  if (c.clause) parts.push(`khoản ${c.clause}`);
  parts.push(`Điều ${c.article}`);
  return parts.join(' ');
}

function shortHeading(h: string): string {
  const t = h.replace(/^(?:[IVXLC]+|\d+(?:\.\d+)*)\.\s*/u, '').trim();
  return t.length > 60 ? `${t.slice(0, 57).replace(/\s+\S*$/u, '')}…` : t;
}

/** The law's citation name with its số hiệu: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
export function documentLabel(d: Pick<Citation['document'], 'name' | 'title' | 'number'> & { reference?: string }): string {
  const name = (d.name || d.title || 'Văn bản').trim();
  return d.number && !name.includes(d.number) ? `${name} (${d.number})` : name;
}

/**
 * "điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)";
 * "mục III.2 Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa".
 */
export function formatCitation(c: Pick<Citation, 'article' | 'clause' | 'point' | 'document'> & Partial<Pick<Citation, 'section' | 'heading'>>): string {
  const ownTerms = (Boolean(c.section?.length) || !c.article) && c.document.reference;
  return `${citationPlace(c)} ${ownTerms ? c.document.reference : documentLabel(c.document)}`;
}

/** Answer text plus its sources, for copying or sharing outside the app. */
export function answerAsText(answer: string, citations: readonly Citation[], footer?: string): string {
  const seen = new Set<string>();
  const lines = citations
    .map(formatCitation)
    .filter((l) => (seen.has(l) ? false : (seen.add(l), true)))
    .map((l) => `- ${l}`);
  return [answer.trim(), lines.length ? `\nCăn cứ:\n${lines.join('\n')}` : '', footer ? `\n${footer}` : ''].join('');
}

/** Citations of an answer without repeats (the same khoản cited twice shows one chip). */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.document.id}|${c.article}|${(c.section ?? []).join('.')}|${c.clause ?? ''}|${c.point ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

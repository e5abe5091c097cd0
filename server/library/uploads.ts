import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { findDocumentByNumber, findDocumentBySha } from '../../store/documents.js';
import { insertUpload, listUploads, markInterruptedUploads, markUploadFailed, markUploadIndexed, type UploadRow } from '../../store/uploads.js';
import { ingestDocument, prepareDocument, structureScheme } from '../../ingest/pipeline.js';
import { generateNotes } from '../../ingest/notes/generate.js';
import { IngestError } from '../../ingest/errors.js';
import { EmbedderError } from '../../ingest/embed/embedder.js';
import { sha256 } from '../../ingest/names.js';
import { sniffFormat } from '../../ingest/parse/index.js';
import { outline } from '../../ingest/structure/outline.js';
import { displayText } from '../../ingest/text/display.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { keepOriginal } from '../admin/originals.js';
import { audit, type Actor } from '../audit/log.js';
import { badRequest, EMBEDDER_DOWN_MESSAGE, PARSE_BUSY_MESSAGE } from '../errors.js';
import { createParseGate, ParseBusy } from '../resilience/parse-gate.js';
import type { Services } from '../services.js';

/**
 * The library's upload use case: a received file is checked against the library by hash, parsed
 * (heavy formats through a bounded gate), ingested, kept as an original, and its uploads row and
 * audit entry written. Knows nothing of HTTP: the route receives the multipart body, calls this
 * and presents the outcomes.
 */

/** A file already received to a temp path by the route; moved into the originals store when indexed. */
export interface UploadFile {
  tmpPath: string;
  /** The client's name, cleaned by `displayName`; shown only. */
  filename: string;
  size: number;
}

export interface UploadOutcome {
  id: string;
  filename: string;
  size: number;
  state: 'indexed' | 'error';
  result: 'added' | 'replaced' | 'skipped' | null;
  documentId: string | null;
  documentTitle: string | null;
  replacedId: string | null;
  error: string | null;
  errorCode: string | null;
  articles: number | null;
  chunks: number | null;
  /** A provider outage or a full parse queue: how long the provider asked to wait, if it said. */
  retryAfterMs?: number;
  /** True when the file failed for a reason to wait out (provider down, parse slots taken). */
  temporary?: boolean;
}

export interface UploadListItem extends Omit<UploadOutcome, 'state' | 'replacedId' | 'retryAfterMs' | 'temporary'> {
  state: UploadRow['state'];
  uploadedBy: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

/** Only what it logs; the server passes its pino logger, a script or test anything alike. */
export interface UploadLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The metadata fields an upload form may carry, in the order the API documents them. */
export const META_FIELDS = ['number', 'title', 'type', 'status', 'effective', 'issued', 'issuer', 'replacedBy', 'topics'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const MetaFields = z.object({
  number: z.string().max(60).optional(),
  title: z.string().max(500).optional(),
  type: z.string().max(60).optional(),
  status: z.enum(['in_force', 'partial', 'expired', 'replaced']).optional(),
  effective: isoDay.optional(),
  issued: isoDay.optional(),
  issuer: z.string().max(200).optional(),
  replacedBy: z.string().max(120).optional(),
  // Several topics in one form field, separated by ';' (as in the corpus header).
  topics: z.string().max(1000).optional(),
});

const FIELD_LABELS: Record<string, string> = {
  number: 'số hiệu',
  title: 'tên văn bản',
  type: 'loại văn bản',
  status: 'tình trạng hiệu lực',
  effective: 'ngày hiệu lực',
  issued: 'ngày ban hành',
  issuer: 'cơ quan ban hành',
  replacedBy: 'văn bản thay thế',
  topics: 'chủ đề',
};

/** An official's metadata for the files she uploads (wins over what the parser reads); empty fields are unset. */
export function readMetadata(fields: Record<string, string>): DocumentMeta {
  const nonEmpty = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  const parsed = MetaFields.safeParse(nonEmpty);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw badRequest(
      'metadata',
      `Thông tin "${FIELD_LABELS[field] ?? field}" không hợp lệ. Ngày ghi theo dạng YYYY-MM-DD; tình trạng là in_force, partial, expired hoặc replaced.`,
    );
  }
  const { topics, ...rest } = parsed.data;
  const meta: DocumentMeta = { ...rest };
  if (topics)
    meta.topics = topics
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean);
  return meta;
}

/**
 * Metadata values are names shown in the library (title, issuer, số hiệu): no control, bidi or
 * invisible characters. The library's rule, applied by the route as the form is received.
 */
export const cleanFieldValue = (raw: string): string => displayText(raw);

/** A client's file name as the library shows it: path parts and hidden characters out, length capped. */
export function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = displayText(base);
  return (clean || 'tep-khong-ten').slice(0, 200);
}

const INTERRUPTED_MESSAGE = 'Quá trình xử lý bị gián đoạn. Vui lòng tải tệp lên lại.';
const FAILED_MESSAGE = 'Hệ thống gặp lỗi khi xử lý tệp này. Vui lòng thử lại sau.';

export type UploadDeps = Pick<Services, 'db' | 'config' | 'embedder' | 'retriever' | 'embeddings'>;

export type Uploads = ReturnType<typeof createUploads>;

/**
 * The upload service for one server: it owns the bounded gate for heavy parses (PDF, DOCX and HTML
 * are parsed in workers that may take a gigabyte each: a few at a time per server).
 */
export function createUploads(s: UploadDeps, log: UploadLog) {
  const { db, config, embedder } = s;
  const heavyParses = createParseGate(config.PARSE_CONCURRENCY, config.PARSE_QUEUE);
  const parsing = <T>(bytes: Uint8Array, fn: () => Promise<T>): Promise<T> => (sniffFormat(bytes) === 'txt' ? fn() : heavyParses.run(fn));

  /** Drafts hỏi/nghĩa notes with the configured model, in the background; officials review them in the console. */
  function draftNotes(documentId: string): void {
    const { answerer } = config;
    if (answerer.kind !== 'openai') return;
    void generateNotes(db, documentId, { model: answerer.model, apiKey: answerer.apiKey, baseURL: answerer.baseURL, timeoutMs: config.LLM_TOTAL_TIMEOUT_MS })
      .then(async (r) => {
        await audit(db, null, 'notes.generate', { type: 'document', id: documentId }, r);
        await s.retriever.refresh();
      })
      .catch((err) => log.error({ err, documentId }, 'drafting member phrasings failed'));
  }

  async function ingestOne(file: UploadFile, overrides: DocumentMeta, actor: Actor): Promise<UploadOutcome> {
    const id = crypto.randomUUID();
    // Committed on its own so the console lists the file as `processing` while it is parsed.
    await insertUpload(db, { id, filename: file.filename, size: file.size, uploadedBy: actor.id });
    const base = { id, filename: file.filename, size: file.size };
    try {
      const bytes = fs.readFileSync(file.tmpPath);
      const sha = sha256(bytes);
      // With a provider, new vectors must fit the store: checked (and the provider tried) first;
      // the same bytes again need no vectors and are skipped whatever the provider does.
      const known = await findDocumentBySha(db, sha);
      if (!known) await s.embeddings?.ensureSchema();
      // The uploads row, the audit entry and the kept original go with the document: an upload is
      // never `indexed` without its document, nor a document added without its entry.
      const bookkeeping = async (
        tx: Parameters<typeof audit>[0],
        r: { status: 'added' | 'replaced' | 'skipped'; documentId: string; replacedId?: string; articles: number; chunks: number },
      ) => {
        keepOriginal(config.dataDir, sha, file.tmpPath);
        await markUploadIndexed(tx, id, { result: r.status, sha, documentId: r.documentId, articles: r.articles, chunks: r.chunks });
        await audit(
          tx,
          actor,
          'document.upload',
          { type: 'document', id: r.documentId },
          {
            uploadId: id,
            filename: file.filename,
            result: r.status,
            replacedId: r.replacedId ?? null,
            articles: r.articles,
            chunks: r.chunks,
          },
        );
      };
      const r = await parsing(bytes, () =>
        ingestDocument(db, embedder, { bytes, filename: file.filename, overrides, origin: 'upload' }, (tx, w) =>
          bookkeeping(tx, { ...w, articles: w.p.structure.articles.length, chunks: w.p.chunks.length }),
        ),
      );
      // The same bytes again: no document written, so the bookkeeping commits on its own.
      if (r.status === 'skipped') await db.transaction((tx) => bookkeeping(tx, r));
      return {
        ...base,
        state: 'indexed',
        result: r.status,
        documentId: r.documentId,
        documentTitle: r.title,
        replacedId: r.replacedId ?? null,
        error: null,
        errorCode: null,
        articles: r.articles,
        chunks: r.chunks,
      };
    } catch (err) {
      return failed(base, err, actor);
    }
  }

  async function failed(base: { id: string; filename: string; size: number }, err: unknown, actor: Actor): Promise<UploadOutcome> {
    const known = err instanceof IngestError;
    // The embedding provider down or hanging, or every parse slot taken, is to wait out, not a fault of the file.
    const busy = err instanceof ParseBusy;
    const outage = err instanceof EmbedderError || busy;
    if (outage) log.warn({ detail: (err as Error).message, uploadId: base.id }, 'upload refused for now');
    else if (!known) log.error({ err, uploadId: base.id }, 'upload ingest failed');
    const code = known ? err.code : busy ? 'unavailable:busy' : outage ? 'unavailable:embedder' : 'internal';
    const message = known ? err.userMessage : busy ? PARSE_BUSY_MESSAGE : outage ? EMBEDDER_DOWN_MESSAGE : FAILED_MESSAGE;
    await db.transaction(async (tx) => {
      await markUploadFailed(tx, base.id, code, message);
      await audit(tx, actor, 'document.upload_failed', { type: 'upload', id: base.id }, { filename: base.filename, code });
    });
    const wait = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
    return {
      ...base,
      state: 'error',
      result: null,
      documentId: null,
      documentTitle: null,
      replacedId: null,
      error: message,
      errorCode: code,
      articles: null,
      chunks: null,
      ...(outage ? { temporary: true, ...(typeof wait === 'number' ? { retryAfterMs: wait } : {}) } : {}),
    };
  }

  return {
    /**
     * Start-up: an upload left `processing` is from a process that died. On the embedded store this
     * server is the only writer (store/lock.ts), so every one is; with a shared PostgreSQL another
     * instance may be mid-upload, so only those older than `olderThanMs`.
     */
    async recoverInterrupted(olderThanMs: number): Promise<void> {
      await markInterruptedUploads(db, olderThanMs / 1000, INTERRUPTED_MESSAGE);
    },

    /**
     * Ingests each file (one at a time: PGlite has one connection and each ingest is one
     * transaction); a file that fails does not stop the others. The search index is rebuilt
     * before returning, and with a model, member phrasings are drafted in the background.
     */
    async upload(files: UploadFile[], fields: Record<string, string>, actor: Actor): Promise<UploadOutcome[]> {
      const overrides = readMetadata(fields);
      if (files.length > 1 && (overrides.number || overrides.title)) {
        throw badRequest('metadata', 'Số hiệu và tên văn bản chỉ nhập được khi tải lên một tệp.');
      }
      const outcomes: UploadOutcome[] = [];
      for (const f of files) outcomes.push(await ingestOne(f, overrides, actor));
      // The in-memory index is rebuilt now, not inside the next member's question.
      if (outcomes.some((o) => o.state === 'indexed')) await s.retriever.refresh();
      // With a provider, the model drafts member phrasings for the new text after this returns (issue 12).
      for (const o of outcomes) if (o.state === 'indexed' && o.result !== 'skipped' && o.documentId) draftNotes(o.documentId);
      return outcomes;
    },

    /** Parses one file and says what indexing it would make, and which document it would meet; writes nothing. */
    async preview(file: UploadFile, fields: Record<string, string>) {
      const bytes = fs.readFileSync(file.tmpPath);
      const p = await parsing(bytes, () => prepareDocument({ bytes, filename: file.filename, overrides: readMetadata(fields) }));
      const same = await findDocumentBySha(db, p.sha);
      const sameNumber = !same && p.meta.number ? await findDocumentByNumber(db, p.meta.number) : null;
      const existing = same ?? sameNumber;
      return {
        filename: file.filename,
        format: p.parsed.format,
        ocr: Boolean(p.parsed.ocr),
        pages: p.parsed.pages ?? null,
        documentId: p.id,
        name: p.name,
        meta: {
          title: p.meta.title,
          number: p.meta.number ?? null,
          type: p.meta.type,
          issuer: p.meta.issuer ?? null,
          issued: p.meta.issued ?? null,
          effective: p.meta.effective ?? null,
          status: p.meta.status ?? null,
          replacedBy: p.meta.replacedBy ?? null,
          topics: p.meta.topics ?? [],
          scope: p.meta.scope ?? null,
          period: p.meta.period ?? null,
          periodStart: p.meta.periodStart ?? null,
          periodEnd: p.meta.periodEnd ?? null,
        },
        scheme: structureScheme(p.structure),
        structure: outline(p.structure),
        articles: p.structure.articles.length,
        sections: p.structure.sections.length,
        chunks: p.chunks.length,
        sampleChunks: p.chunks.slice(0, 3).map((c) => ({ header: c.header, text: c.text.length > 600 ? `${c.text.slice(0, 600)}…` : c.text })),
        existing: existing ? { documentId: existing.id, title: existing.title, relation: same ? ('same_file' as const) : ('same_number' as const) } : null,
      };
    },

    /** Recent uploads, newest first, with their documents' current titles. */
    async list(limit: number): Promise<UploadListItem[]> {
      return (await listUploads(db, limit)).map((x) => ({
        id: x.id,
        filename: x.filename,
        size: x.size_bytes,
        state: x.state,
        result: x.result,
        documentId: x.document_id,
        documentTitle: x.title,
        error: x.error,
        errorCode: x.error_code,
        articles: x.articles,
        chunks: x.chunks,
        uploadedBy: x.email,
        createdAt: x.created_at,
        updatedAt: x.updated_at,
      }));
    },
  };
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { findDocumentByNumber, findDocumentBySha } from '../../store/documents.js';
import { ingestDocument, prepareDocument, structureScheme } from '../../ingest/pipeline.js';
import { generateNotes } from '../../ingest/notes/generate.js';
import { IngestError } from '../../ingest/errors.js';
import { sha256 } from '../../ingest/names.js';
import { outline } from '../../ingest/structure/outline.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { badRequest, EMBEDDER_DOWN_MESSAGE, PARSE_BUSY_MESSAGE, statusOf } from '../errors.js';
import { EmbedderError } from '../../ingest/embed/embedder.js';
import { retryAfterSeconds } from '../plugins/errors.js';
import { audit } from '../audit/log.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { keepOriginal } from './originals.js';
import { receiveMultipart, removeFiles, sweepTempFiles, type ReceivedFile } from './receive.js';
import { sniffFormat } from '../../ingest/parse/index.js';
import { createParseGate, ParseBusy } from '../resilience/parse-gate.js';
import { errorResponse, guardedErrors, security, toIso } from './schemas.js';

/** Files per request: a law and its decrees; more is a batch job for `npm run ingest`. */
const MAX_FILES = 10;

const META_FIELDS = ['number', 'title', 'type', 'status', 'effective', 'issued', 'issuer', 'replacedBy', 'topics'] as const;

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
  number: 'số hiệu', title: 'tên văn bản', type: 'loại văn bản', status: 'tình trạng hiệu lực',
  effective: 'ngày hiệu lực', issued: 'ngày ban hành', issuer: 'cơ quan ban hành', replacedBy: 'văn bản thay thế', topics: 'chủ đề',
};

function overridesFrom(fields: Record<string, string>): DocumentMeta {
  const nonEmpty = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  const parsed = MetaFields.safeParse(nonEmpty);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw badRequest('metadata', `Thông tin "${FIELD_LABELS[field] ?? field}" không hợp lệ. Ngày ghi theo dạng YYYY-MM-DD; tình trạng là in_force, partial, expired hoặc replaced.`);
  }
  const { topics, ...rest } = parsed.data;
  const meta: DocumentMeta = { ...rest };
  if (topics) meta.topics = topics.split(';').map((t) => t.trim()).filter(Boolean);
  return meta;
}

const uploadItem = {
  type: 'object',
  required: ['id', 'filename', 'state'],
  properties: {
    id: { type: 'string' },
    filename: { type: 'string' },
    size: { type: 'integer' },
    state: { type: 'string', enum: ['processing', 'indexed', 'error'] },
    result: { type: ['string', 'null'], enum: ['added', 'replaced', 'skipped', null] },
    documentId: { type: ['string', 'null'] },
    documentTitle: { type: ['string', 'null'] },
    replacedId: { type: ['string', 'null'] },
    error: { type: ['string', 'null'] },
    errorCode: { type: ['string', 'null'] },
    articles: { type: ['integer', 'null'] },
    chunks: { type: ['integer', 'null'] },
    uploadedBy: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

/** When every file failed: the first file's reason, and each file's outcome. */
const uploadError = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' }, uploads: { type: 'array', items: uploadItem } },
} as const;

const multipartBody = {
  description:
    'multipart/form-data: one or more files in field `file` (PDF, DOCX, TXT, HTML) and optional text fields ' +
    `${META_FIELDS.join(', ')} (dates YYYY-MM-DD; topics separated by ";")`,
} as const;

interface UploadOutcome {
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
  /** A provider outage: when the official may try again. */
  retryAfter?: number;
}

/**
 * Uploads by officials: POST /api/documents ingests, POST /api/admin/preview only parses.
 * Multipart parsing is registered in this scope only, so no other route accepts uploads.
 */
const uploads: FastifyPluginAsync = async (app) => {
  const { db, config, embedder } = app.services;
  const uploadsDir = path.join(config.dataDir, 'uploads');
  const editor = requireRole('editor');

  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: MAX_FILES } });
  }
  // The documents route's outline schema lives in its own scope; this is the same shape.
  app.addSchema({
    $id: 'adminOutlineNode',
    type: 'object',
    properties: { label: { type: 'string' }, title: { type: 'string' }, children: { type: 'array', items: { $ref: 'adminOutlineNode#' } } },
  });
  // On the embedded store this server is the only writer (store/lock.ts): an upload left half
  // received or `processing` is from a process that died, and is cleaned now. With a shared
  // PostgreSQL another instance may be mid-upload: after an hour, far beyond any ingest.
  const staleMs = db.backend === 'pglite' ? 0 : 3600_000;
  sweepTempFiles(uploadsDir, staleMs);
  // PDF, DOCX and HTML are parsed in workers that may take a gigabyte each: a few at a time (per server).
  const heavyParses = createParseGate(config.PARSE_CONCURRENCY, config.PARSE_QUEUE);
  const parsing = <T>(bytes: Uint8Array, fn: () => Promise<T>): Promise<T> => (sniffFormat(bytes) === 'txt' ? fn() : heavyParses.run(fn));
  await db.query(
    `update uploads set state = 'error', error_code = 'internal:interrupted',
       error = 'Quá trình xử lý bị gián đoạn. Vui lòng tải tệp lên lại.', updated_at = now()
     where state = 'processing' and created_at <= now() - make_interval(secs => $1)`,
    [staleMs / 1000],
  );

  /** Drafts hỏi/nghĩa notes with the configured model, in the background; officials review them in the console. */
  function draftNotes(documentId: string): void {
    const { answerer } = config;
    if (answerer.kind !== 'openai') return;
    void generateNotes(db, documentId, { model: answerer.model, apiKey: answerer.apiKey, baseURL: answerer.baseURL, timeoutMs: config.LLM_TOTAL_TIMEOUT_MS })
      .then(async (r) => {
        await audit(db, null, 'notes.generate', { type: 'document', id: documentId }, r);
        await app.services.retriever.refresh();
      })
      .catch((err) => app.log.error({ err, documentId }, 'drafting member phrasings failed'));
  }

  async function ingestOne(file: ReceivedFile, overrides: DocumentMeta, actor: { id: string; email: string }): Promise<UploadOutcome> {
    const id = crypto.randomUUID();
    await db.query('insert into uploads (id, filename, size_bytes, uploaded_by) values ($1, $2, $3, $4)', [id, file.filename, file.size, actor.id]);
    const base = { id, filename: file.filename, size: file.size };
    try {
      const bytes = fs.readFileSync(file.tmpPath);
      const sha = sha256(bytes);
      // With a provider, new vectors must fit the store: checked (and the provider tried) first;
      // the same bytes again need no vectors and are skipped whatever the provider does.
      if (!(await findDocumentBySha(db, sha))) await app.services.embeddings?.ensureSchema();
      const r = await parsing(bytes, () => ingestDocument(db, embedder, { bytes, filename: file.filename, overrides, origin: 'upload' }));
      keepOriginal(config.dataDir, sha, file.tmpPath);
      await db.transaction(async (tx) => {
        await tx.query(
          `update uploads set state = 'indexed', result = $2, sha256 = $3, document_id = $4, articles = $5, chunks = $6, updated_at = now() where id = $1`,
          [id, r.status, sha, r.documentId, r.articles, r.chunks],
        );
        await audit(tx, actor, 'document.upload', { type: 'document', id: r.documentId }, {
          uploadId: id, filename: file.filename, result: r.status, replacedId: r.replacedId ?? null, articles: r.articles, chunks: r.chunks,
        });
      });
      return {
        ...base, state: 'indexed', result: r.status, documentId: r.documentId, documentTitle: r.title, replacedId: r.replacedId ?? null,
        error: null, errorCode: null, articles: r.articles, chunks: r.chunks,
      };
    } catch (err) {
      const known = err instanceof IngestError;
      // The embedding provider down or hanging, or every parse slot taken, is to wait out, not a fault of the file.
      const busy = err instanceof ParseBusy;
      const outage = err instanceof EmbedderError || busy;
      if (outage) app.log.warn({ detail: (err as Error).message, uploadId: id }, 'upload refused for now');
      else if (!known) app.log.error({ err, uploadId: id }, 'upload ingest failed');
      const code = known ? err.code : busy ? 'unavailable:busy' : outage ? 'unavailable:embedder' : 'internal';
      const message = known ? err.userMessage : busy ? PARSE_BUSY_MESSAGE : outage ? EMBEDDER_DOWN_MESSAGE : 'Hệ thống gặp lỗi khi xử lý tệp này. Vui lòng thử lại sau.';
      await db.query(`update uploads set state = 'error', error_code = $2, error = $3, updated_at = now() where id = $1`, [id, code, message]);
      await audit(db, actor, 'document.upload_failed', { type: 'upload', id }, { filename: file.filename, code });
      return {
        ...base, state: 'error', result: null, documentId: null, documentTitle: null, replacedId: null, error: message, errorCode: code, articles: null, chunks: null,
        ...(outage ? { retryAfter: retryAfterSeconds(err) } : {}),
      };
    }
  }

  app.post(
    '/api/documents',
    {
      onRequest: editor,
      schema: {
        tags: ['documents'],
        summary: 'Upload and index documents (officials): parsed, chunked, embedded and stored atomically per file',
        consumes: ['multipart/form-data'],
        security,
        description: multipartBody.description,
        response: {
          201: { type: 'object', properties: { uploads: { type: 'array', items: uploadItem } } },
          ...guardedErrors,
          413: uploadError,
          415: uploadError,
          422: uploadError,
          503: uploadError,
        },
      },
    },
    async (req, reply) => {
      const actor = officialOf(req);
      const { files, fields } = await receiveMultipart(req, { dir: uploadsDir, maxMb: config.UPLOAD_MAX_MB, maxFiles: MAX_FILES, allowedFields: META_FIELDS });
      try {
        const overrides = overridesFrom(fields);
        if (files.length > 1 && (overrides.number || overrides.title)) {
          throw badRequest('metadata', 'Số hiệu và tên văn bản chỉ nhập được khi tải lên một tệp.');
        }
        const outcomes: UploadOutcome[] = [];
        // One at a time: PGlite has one connection and each ingest is one transaction.
        for (const f of files) outcomes.push(await ingestOne(f, overrides, actor));
        // The in-memory index is rebuilt now, not inside the next member's question.
        if (outcomes.some((o) => o.state === 'indexed')) await app.services.retriever.refresh();
        // With a provider, the model drafts member phrasings for the new text after this response (issue 12).
        for (const o of outcomes) if (o.state === 'indexed' && o.result !== 'skipped' && o.documentId) draftNotes(o.documentId);
        const body = { uploads: outcomes.map(({ retryAfter: _r, ...o }) => ({ ...o, uploadedBy: actor.email })) };
        const failed = outcomes.filter((o) => o.state === 'error');
        if (failed.length === outcomes.length) {
          const first = failed[0]!;
          // The catalogue's status for the code (server/errors.ts), as for any other error.
          const status = statusOf(first.errorCode);
          const message = outcomes.length === 1 ? first.error! : `Không tệp nào được lưu. ${first.filename}: ${first.error}`;
          if (first.retryAfter) reply.header('retry-after', String(first.retryAfter));
          return reply.status(status as 422).send({ error: first.errorCode, message, uploads: body.uploads });
        }
        return reply.status(201).send(body);
      } finally {
        removeFiles(files);
      }
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/admin/uploads',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Recent uploads and their processing state',
        security,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
        response: { 200: { type: 'object', properties: { uploads: { type: 'array', items: uploadItem } } }, ...guardedErrors },
      },
    },
    async (req) => {
      const r = await db.query<{
        id: string; filename: string; size_bytes: number; state: UploadOutcome['state'] | 'processing'; result: UploadOutcome['result'];
        document_id: string | null; title: string | null; error: string | null; error_code: string | null; articles: number | null;
        chunks: number | null; email: string | null; created_at: string | Date; updated_at: string | Date;
      }>(
        `select up.id, up.filename, up.size_bytes, up.state, up.result, up.document_id, d.title, up.error, up.error_code,
                up.articles, up.chunks, u.email, up.created_at, up.updated_at
           from uploads up left join documents d on d.id = up.document_id left join users u on u.id = up.uploaded_by
          order by up.created_at desc limit $1`,
        [req.query.limit],
      );
      return {
        uploads: r.rows.map((x) => ({
          id: x.id, filename: x.filename, size: x.size_bytes, state: x.state, result: x.result, documentId: x.document_id,
          documentTitle: x.title, error: x.error, errorCode: x.error_code, articles: x.articles, chunks: x.chunks,
          uploadedBy: x.email, createdAt: toIso(x.created_at)!, updatedAt: toIso(x.updated_at)!,
        })),
      };
    },
  );

  app.post(
    '/api/admin/preview',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Parse one file and show its structure outline and metadata without indexing it',
        consumes: ['multipart/form-data'],
        security,
        description: multipartBody.description.replace('one or more files', 'exactly one file'),
        response: {
          200: {
            type: 'object',
            properties: {
              filename: { type: 'string' },
              format: { type: 'string' },
              ocr: { type: 'boolean' },
              pages: { type: ['integer', 'null'] },
              documentId: { type: 'string' },
              name: { type: 'string' },
              meta: {
                type: 'object',
                properties: {
                  title: { type: 'string' }, number: { type: ['string', 'null'] }, type: { type: 'string' },
                  issuer: { type: ['string', 'null'] }, issued: { type: ['string', 'null'] }, effective: { type: ['string', 'null'] },
                  status: { type: ['string', 'null'] }, replacedBy: { type: ['string', 'null'] },
                  topics: { type: 'array', items: { type: 'string' } },
                  scope: { type: ['string', 'null'] }, period: { type: ['string', 'null'] },
                  periodStart: { type: ['string', 'null'] }, periodEnd: { type: ['string', 'null'] },
                },
              },
              // 'legal' (Điều), 'numbered' (parts and items), 'headings' (no numbering: cut by headings and paragraphs).
              scheme: { type: 'string', enum: ['legal', 'numbered', 'headings'] },
              structure: { type: 'array', items: { $ref: 'adminOutlineNode#' } },
              articles: { type: 'integer' },
              sections: { type: 'integer' },
              chunks: { type: 'integer' },
              sampleChunks: { type: 'array', items: { type: 'object', properties: { header: { type: 'string' }, text: { type: 'string' } } } },
              existing: {
                type: ['object', 'null'],
                properties: { documentId: { type: 'string' }, title: { type: 'string' }, relation: { type: 'string', enum: ['same_file', 'same_number'] } },
              },
            },
          },
          ...guardedErrors,
          413: errorResponse,
          415: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (req) => {
      const { files, fields } = await receiveMultipart(req, { dir: uploadsDir, maxMb: config.UPLOAD_MAX_MB, maxFiles: 1, allowedFields: META_FIELDS });
      try {
        const file = files[0]!;
        const bytes = fs.readFileSync(file.tmpPath);
        const p = await parsing(bytes, () => prepareDocument({ bytes, filename: file.filename, overrides: overridesFrom(fields) }));
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
            title: p.meta.title, number: p.meta.number ?? null, type: p.meta.type, issuer: p.meta.issuer ?? null,
            issued: p.meta.issued ?? null, effective: p.meta.effective ?? null, status: p.meta.status ?? null,
            replacedBy: p.meta.replacedBy ?? null, topics: p.meta.topics ?? [],
            scope: p.meta.scope ?? null, period: p.meta.period ?? null, periodStart: p.meta.periodStart ?? null, periodEnd: p.meta.periodEnd ?? null,
          },
          scheme: structureScheme(p.structure),
          structure: outline(p.structure),
          articles: p.structure.articles.length,
          sections: p.structure.sections.length,
          chunks: p.chunks.length,
          sampleChunks: p.chunks.slice(0, 3).map((c) => ({ header: c.header, text: c.text.length > 600 ? `${c.text.slice(0, 600)}…` : c.text })),
          existing: existing ? { documentId: existing.id, title: existing.title, relation: same ? 'same_file' : 'same_number' } : null,
        };
      } finally {
        removeFiles(files);
      }
    },
  );
};

export default uploads;

import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { statusOf } from '../errors.js';
import { retryAfterSeconds } from '../plugins/errors.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { createUploads, META_FIELDS } from '../library/uploads.js';
import { receiveMultipart, removeFiles, sweepTempFiles } from './receive.js';
import { errorResponse, guardedErrors, security, toIso } from './schemas.js';

/** Files per request: a law and its decrees; more is a batch job for `npm run ingest`. */
const MAX_FILES = 10;

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

/**
 * Uploads by officials: POST /api/documents ingests, POST /api/admin/preview only parses.
 * Multipart parsing is registered in this scope only, so no other route accepts uploads.
 */
const uploads: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;
  const uploadsDir = path.join(config.dataDir, 'uploads');
  const editor = requireRole('editor');
  const service = createUploads(app.services, app.log);

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
  await service.recoverInterrupted(staleMs);

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
        const outcomes = await service.upload(files, fields, actor);
        const body = { uploads: outcomes.map(({ retryAfterMs: _r, temporary: _t, ...o }) => ({ ...o, uploadedBy: actor.email })) };
        const failed = outcomes.filter((o) => o.state === 'error');
        if (failed.length === outcomes.length) {
          const first = failed[0]!;
          // The catalogue's status for the code (server/errors.ts), as for any other error.
          const status = statusOf(first.errorCode);
          const message = outcomes.length === 1 ? first.error! : `Không tệp nào được lưu. ${first.filename}: ${first.error}`;
          // A wait-out failure (provider down, parse queue full): say when to come back.
          if (first.temporary) reply.header('retry-after', String(retryAfterSeconds({ retryAfterMs: first.retryAfterMs })));
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
    async (req) => ({
      uploads: (await service.list(req.query.limit)).map((u) => ({ ...u, createdAt: toIso(u.createdAt)!, updatedAt: toIso(u.updatedAt)! })),
    }),
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
                  title: { type: 'string' },
                  number: { type: ['string', 'null'] },
                  type: { type: 'string' },
                  issuer: { type: ['string', 'null'] },
                  issued: { type: ['string', 'null'] },
                  effective: { type: ['string', 'null'] },
                  status: { type: ['string', 'null'] },
                  replacedBy: { type: ['string', 'null'] },
                  topics: { type: 'array', items: { type: 'string' } },
                  scope: { type: ['string', 'null'] },
                  period: { type: ['string', 'null'] },
                  periodStart: { type: ['string', 'null'] },
                  periodEnd: { type: ['string', 'null'] },
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
        return await service.preview(files[0]!, fields);
      } finally {
        removeFiles(files);
      }
    },
  );
};

export default uploads;

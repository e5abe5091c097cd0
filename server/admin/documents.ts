import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../errors.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { presentDocument } from '../present.js';
import { reindexDocument } from '../library/reindex.js';
import { listLibrary } from '../library/read.js';
import { confirmContact, documentContacts, type ContactRow } from '../library/contacts.js';
import { editDocument, removeDocument, retireDocument, type DocumentRow, type MetaPatch } from '../library/documents.js';
import { documentSummary } from '../routes/schemas.js';
import { hasOriginal } from './originals.js';
import { errorResponse, guardedErrors, idParam, isoDate, okResponse, security, toIso } from './schemas.js';

export const adminDocument = {
  ...documentSummary,
  properties: {
    ...documentSummary.properties,
    sha256: { type: 'string' },
    updatedAt: { type: 'string' },
    hasOriginal: { type: 'boolean' },
  },
} as const;

const documentResponse = { type: 'object', properties: { document: adminDocument } } as const;

const contact = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['phone', 'address'] },
    value: { type: 'string' },
    label: { type: 'string' },
    section: { type: ['array', 'null'], items: { type: 'string' } },
    confirmed: { type: 'boolean' },
    confirmedBy: { type: ['string', 'null'] },
    confirmedAt: { type: ['string', 'null'] },
  },
} as const;

const presentContact = (c: ContactRow) => ({
  id: Number(c.id),
  kind: c.kind,
  value: c.value,
  label: c.label,
  section: c.section,
  confirmed: c.confirmed_at !== null,
  confirmedBy: c.confirmed_by,
  confirmedAt: toIso(c.confirmed_at),
});

const notFoundDoc = () => notFound('document', 'Không tìm thấy văn bản này.');

/** The officials' view of the corpus: metadata edits, retiring, deleting, re-indexing. */
const adminDocuments: FastifyPluginAsync = async (app) => {
  /**
   * A change to the library answers once the search index has it: members' searches go on with
   * the old index meanwhile (server/retrieval/index/holder.ts), the official's next one sees hers.
   */
  const withIndex = async <T>(change: Promise<T>): Promise<T> => {
    const out = await change;
    await app.services.retriever.refresh();
    return out;
  };
  const { db, config } = app.services;
  const editor = requireRole('editor');
  const present = (d: DocumentRow) => ({
    ...presentDocument(d),
    sha256: d.sha256,
    updatedAt: toIso(d.updated_at)!,
    hasOriginal: hasOriginal(config.dataDir, d.sha256),
  });

  app.get(
    '/api/admin/documents',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Every document with its metadata, including expired and replaced ones',
        security,
        response: { 200: { type: 'object', properties: { documents: { type: 'array', items: adminDocument } } }, ...guardedErrors },
      },
    },
    async () => ({ documents: (await listLibrary(app.services)).map(present) }),
  );

  app.patch<{ Params: { id: string }; Body: MetaPatch }>(
    '/api/admin/documents/:id',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Edit a document’s metadata (hiệu lực, số hiệu, thay thế bởi, chủ đề…)',
        security,
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 500 },
            number: { type: ['string', 'null'], maxLength: 60 },
            type: { type: 'string', minLength: 1, maxLength: 60 },
            status: { type: 'string', enum: ['in_force', 'partial', 'expired', 'replaced'] },
            statusNote: { type: ['string', 'null'], maxLength: 500 },
            effective: isoDate,
            issued: isoDate,
            issuer: { type: ['string', 'null'], maxLength: 200 },
            replacedBy: { type: ['string', 'null'], maxLength: 120 },
            scope: { type: ['string', 'null'], maxLength: 200 },
            topics: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 80 } },
            period: { type: ['string', 'null'], maxLength: 120 },
            periodStart: isoDate,
            periodEnd: isoDate,
          },
        },
        response: { 200: documentResponse, ...guardedErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (req) => ({ document: present(await withIndex(editDocument(app.services, req.params.id, req.body, officialOf(req)))) }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/documents/:id/retire',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Mark a document as hết hiệu lực (kept for historic questions, no longer cited by default)',
        security,
        params: idParam,
        response: { 200: documentResponse, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => ({ document: present(await withIndex(retireDocument(app.services, req.params.id, officialOf(req)))) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/admin/documents/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Delete a document and its chunks (admins only; editors retire instead)',
        security,
        params: idParam,
        response: { 200: okResponse, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => {
      await withIndex(removeDocument(app.services, req.params.id, officialOf(req)));
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/documents/:id/reindex',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Re-parse the kept original (or, without one, re-embed the chunks) with the current parser and embedder',
        security,
        params: idParam,
        response: {
          200: {
            type: 'object',
            properties: {
              documentId: { type: 'string' },
              mode: { type: 'string', enum: ['reparsed', 'reembedded'] },
              articles: { type: 'integer' },
              chunks: { type: 'integer' },
              embedded: { type: 'integer' },
            },
          },
          ...guardedErrors,
          404: errorResponse,
        },
      },
    },
    // The library's re-index use case (server/library/reindex.ts): the ingest pipeline's own tail.
    async (req) => withIndex(reindexDocument(app.services, req.params.id, officialOf(req))),
  );

  app.get<{ Params: { id: string } }>(
    '/api/admin/documents/:id/contacts',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Phone numbers and addresses found in a document, with the section they came from and whether an official confirmed them',
        security,
        params: idParam,
        response: { 200: { type: 'object', properties: { contacts: { type: 'array', items: contact } } }, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => ({ contacts: (await documentContacts(db, req.params.id)).map(presentContact) }),
  );

  app.post<{ Params: { id: string; contactId: number }; Body: { confirmed: boolean } }>(
    '/api/admin/documents/:id/contacts/:contactId',
    {
      onRequest: editor,
      schema: {
        tags: ['admin'],
        summary: 'Confirm (or withdraw) a local number found in a document: confirmed phone numbers are shown with emergency answers',
        security,
        params: {
          type: 'object',
          required: ['id', 'contactId'],
          additionalProperties: false,
          properties: { id: { type: 'string', minLength: 1, maxLength: 120 }, contactId: { type: 'integer', minimum: 1 } },
        },
        body: { type: 'object', required: ['confirmed'], additionalProperties: false, properties: { confirmed: { type: 'boolean' } } },
        response: { 200: { type: 'object', properties: { contact } }, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => ({ contact: presentContact(await confirmContact(db, officialOf(req), req.params.id, req.params.contactId, req.body.confirmed)) }),
  );
};

export default adminDocuments;

import type { FastifyPluginAsync } from 'fastify';
import { getDocument, listDocuments } from '../../store/documents.js';
import { notFound } from '../errors.js';
import { presentDocument } from '../present.js';
import { joinArticlePieces } from '../../ingest/chunk/chunker.js';
import { documentSummary, errorResponse } from './schemas.js';

const outlineNode = {
  type: 'object',
  properties: {
    label: { type: 'string' },
    title: { type: 'string' },
    children: { type: 'array', items: { $ref: 'outlineNode#' } },
  },
} as const;

const documents: FastifyPluginAsync = async (app) => {
  app.addSchema({ $id: 'outlineNode', ...outlineNode });

  app.get(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'All documents with metadata and article counts',
        response: { 200: { type: 'object', properties: { documents: { type: 'array', items: documentSummary } } } },
      },
    },
    async () => ({ documents: (await listDocuments(app.services.db)).map(presentDocument) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
      // A whole law's text per request: counted with searches so a flood cannot starve members' chats.
      config: { rateLimitGroup: 'search' },
      schema: {
        tags: ['documents'],
        summary: 'One document: metadata, structure outline and its articles',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 120 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              document: documentSummary,
              structure: { type: 'array', items: { $ref: 'outlineNode#' } },
              articles: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    article: { type: ['string', 'null'] },
                    title: { type: ['string', 'null'] },
                    heading: { type: ['string', 'null'] },
                    path: { type: 'array', items: { type: 'string' } },
                    text: { type: 'string' },
                  },
                },
              },
            },
          },
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const { db } = app.services;
      const doc = await getDocument(db, req.params.id, true);
      if (!doc) throw notFound('document', 'Không tìm thấy văn bản này.');
      const rows = (
        await db.query<{ article: string | null; article_title: string | null; heading: string | null; path: string[]; text: string; part: number; clauses: string[] }>(
          'select article, article_title, heading, path, text, part, clauses from chunks where document_id = $1 order by ordinal',
          [doc.id],
        )
      ).rows;
      // Split articles come back whole.
      const groups: (typeof rows)[] = [];
      for (const r of rows) {
        const prev = groups[groups.length - 1];
        if (r.part > 1 && prev && prev[0]!.article === r.article) prev.push(r);
        else groups.push([r]);
      }
      const articles = groups.map((g) => {
        const r = g[0]!;
        const text = g.length > 1 ? [r.text.split('\n')[0]!, ...joinArticlePieces(g)].join('\n') : r.text;
        return { article: r.article, title: r.article_title, heading: r.heading, path: r.path, text };
      });
      return { document: presentDocument(doc), structure: doc.structure, articles };
    },
  );
};

export default documents;

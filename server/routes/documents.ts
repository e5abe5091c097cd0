import type { FastifyPluginAsync } from 'fastify';
import { listLibrary, readDocument } from '../library/read.js';
import { presentDocument } from '../present.js';
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
    async () => ({ documents: (await listLibrary(app.services)).map(presentDocument) }),
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
      const { doc, articles } = await readDocument(app.services, req.params.id);
      return { document: presentDocument(doc), structure: doc.structure, articles };
    },
  );
};

export default documents;

import type { FastifyPluginAsync } from 'fastify';
import { getDocument, listDocuments } from '../../store/documents.js';
import { notFound } from '../errors.js';
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
    async () => ({ documents: (await listDocuments(app.services.db)).map(presentDocument) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
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
        await db.query<{ article: string | null; article_title: string | null; heading: string | null; path: string[]; text: string; part: number }>(
          'select article, article_title, heading, path, text, part from chunks where document_id = $1 order by ordinal',
          [doc.id],
        )
      ).rows;
      // Split articles come back whole: pieces after the first repeat the heading line, which we drop.
      const articles: { article: string | null; title: string | null; heading: string | null; path: string[]; text: string }[] = [];
      for (const r of rows) {
        const prev = articles[articles.length - 1];
        if (r.part > 1 && prev && prev.article === r.article) prev.text += `\n${r.text.split('\n').slice(1).join('\n')}`;
        else articles.push({ article: r.article, title: r.article_title, heading: r.heading, path: r.path, text: r.text });
      }
      return { document: presentDocument(doc), structure: doc.structure, articles };
    },
  );
};

export default documents;

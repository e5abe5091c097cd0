import type { FastifyPluginAsync } from 'fastify';
import { documentRef, errorResponse } from './schemas.js';

interface SearchQuery {
  q: string;
  k?: number;
  includeExpired?: boolean;
  type?: string;
  topic?: string;
}

const search: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: SearchQuery }>(
    '/api/search',
    {
      config: { rateLimitGroup: 'search' },
      schema: {
        tags: ['search'],
        summary: 'Ranked articles for a question (hybrid full-text + vector retrieval)',
        querystring: {
          type: 'object',
          required: ['q'],
          additionalProperties: false,
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 500 },
            k: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
            includeExpired: { type: 'boolean', default: false },
            type: { type: 'string', maxLength: 60 },
            topic: { type: 'string', maxLength: 80 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['query', 'expanded', 'results'],
            properties: {
              query: { type: 'string' },
              expanded: { type: 'string' },
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['document', 'article', 'articleTitle', 'heading', 'section', 'clause', 'text', 'header', 'score'],
                  properties: {
                    document: documentRef,
                    article: { type: ['string', 'null'] },
                    articleTitle: { type: ['string', 'null'] },
                    heading: { type: ['string', 'null'] },
                    section: { type: ['array', 'null'], items: { type: 'string' } },
                    clause: { type: ['string', 'null'] },
                    text: { type: 'string' },
                    header: { type: 'string' },
                    score: { type: 'number' },
                  },
                },
              },
            },
          },
          400: errorResponse,
        },
      },
    },
    async (req) => {
      const { q, k, includeExpired, type, topic } = req.query;
      const r = await app.services.retriever.search(q.normalize('NFC'), {
        k,
        includeExpired,
        types: type ? [type] : undefined,
        topics: topic ? [topic] : undefined,
      });
      return {
        query: q,
        expanded: r.expanded,
        results: r.hits.map((h) => ({
          document: h.document,
          article: h.article,
          articleTitle: h.articleTitle,
          heading: h.heading,
          section: h.section ?? null,
          clause: h.clause,
          text: h.text,
          header: h.header,
          score: h.score,
        })),
      };
    },
  );
};

export default search;

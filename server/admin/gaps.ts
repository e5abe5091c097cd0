import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { SearchCache, gapReport } from '../insights/gaps.js';
import { guardedErrors, security } from './schemas.js';

/** The gap report's route (server/insights/gaps.ts): what members could not get answered. */

const reasonsSchema = {
  type: 'object',
  required: ['refused', 'low_coverage', 'handover', 'disliked'],
  properties: { refused: { type: 'integer' }, low_coverage: { type: 'integer' }, handover: { type: 'integer' }, disliked: { type: 'integer' } },
} as const;

const gaps: FastifyPluginAsync = async (app) => {
  const { db, retriever } = app.services;
  const cache = new SearchCache();

  app.get<{ Querystring: { days: number } }>(
    '/api/admin/gaps',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Questions members could not get answered, grouped by topic and closest law, with counts per month and what to do',
        security,
        querystring: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 1, maximum: 365, default: 90 } } },
        response: {
          200: {
            type: 'object',
            required: ['days', 'totals', 'groups'],
            properties: {
              days: { type: 'integer' },
              totals: reasonsSchema,
              groups: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'topic',
                    'closest',
                    'answeredNow',
                    'stillRefused',
                    'outranked',
                    'outrankedBy',
                    'count',
                    'reasons',
                    'months',
                    'examples',
                    'words',
                    'action',
                  ],
                  properties: {
                    topic: { type: ['string', 'null'] },
                    closest: {
                      type: ['object', 'null'],
                      required: ['documentId', 'name', 'article', 'articleTitle', 'uploadedAt'],
                      properties: {
                        documentId: { type: 'string' },
                        name: { type: 'string' },
                        article: { type: ['string', 'null'] },
                        articleTitle: { type: ['string', 'null'] },
                        uploadedAt: { type: ['string', 'null'] },
                      },
                    },
                    answeredNow: { type: 'integer' },
                    stillRefused: { type: 'integer' },
                    outranked: { type: 'integer' },
                    outrankedBy: { type: ['string', 'null'] },
                    count: { type: 'integer' },
                    reasons: reasonsSchema,
                    months: {
                      type: 'array',
                      items: { type: 'object', required: ['month', 'count'], properties: { month: { type: 'string' }, count: { type: 'integer' } } },
                    },
                    examples: { type: 'array', items: { type: 'string' } },
                    words: { type: 'array', items: { type: 'string' } },
                    action: {
                      type: 'object',
                      required: ['kind', 'text'],
                      properties: { kind: { type: 'string', enum: ['upload', 'review_answers', 'review_phrasings'] }, text: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      const r = await gapReport(db, retriever, cache, req.query.days);
      return { days: req.query.days, ...r };
    },
  );
};

export default gaps;

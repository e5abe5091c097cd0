import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { insightsOverview } from '../insights/overview.js';
import { guardedErrors, security } from './schemas.js';

const questionItem = {
  type: 'object',
  properties: { question: { type: 'string' }, topic: { type: ['string', 'null'] }, at: { type: 'string' } },
} as const;

/**
 * What members ask about and where the assistant falls short. Only question text (with phone
 * numbers, e-mails and ID numbers removed), topics, comments and times: no conversation ids,
 * no names, no IPs.
 */
const insights: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { days: number; limit: number } }>(
    '/api/admin/insights',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Most asked topics, recent out-of-scope questions and 👎 answers with comments',
        security,
        querystring: {
          type: 'object',
          properties: { days: { type: 'integer', minimum: 1, maximum: 365, default: 30 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 30 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              days: { type: 'integer' },
              totals: {
                type: 'object',
                properties: {
                  questions: { type: 'integer' },
                  answers: { type: 'integer' },
                  outOfScope: { type: 'integer' },
                  helpful: { type: 'integer' },
                  notHelpful: { type: 'integer' },
                  handoverPending: { type: 'integer' },
                },
              },
              topics: { type: 'array', items: { type: 'object', properties: { topic: { type: 'string' }, count: { type: 'integer' } } } },
              outOfScope: { type: 'array', items: questionItem },
              disliked: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    question: { type: ['string', 'null'] },
                    answerExcerpt: { type: 'string' },
                    comment: { type: ['string', 'null'] },
                    topic: { type: ['string', 'null'] },
                    at: { type: 'string' },
                  },
                },
              },
            },
          },
          ...guardedErrors,
        },
      },
    },
    async (req) => insightsOverview(app.services, req.query),
  );
};

export default insights;

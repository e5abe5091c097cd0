import type { FastifyPluginAsync } from 'fastify';
import { answersToReview, compareVersions } from '../library/compare.js';
import { requireRole } from '../auth/guard.js';
import { guardedErrors, security } from './schemas.js';

/** Routes of the version comparison (server/library/compare.ts) for the console. */

const compare: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  app.get<{ Params: { id: string }; Querystring: { with?: string } }>(
    '/api/admin/documents/:id/compare',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary:
          'Article-level comparison of a replaced document with its replacement (replaced_by, or ?with=); word-level diff of each changed khoản; official answers to review',
        security,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { with: { type: 'string', minLength: 1, maxLength: 120 } } },
      },
    },
    async (req) => compareVersions(db, req.params.id, req.query.with),
  );

  app.get(
    '/api/admin/answers-to-review',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Approved official answers that cite a replaced, retired or deleted document, or an article no longer there',
        security,
        response: { ...guardedErrors },
      },
    },
    async () => ({ answers: await answersToReview(db) }),
  );
};

export default compare;

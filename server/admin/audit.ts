import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { listAudit } from '../audit/log.js';
import { guardedErrors, security } from './schemas.js';

const auditRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.services;

  app.get<{ Querystring: { limit: number; before?: number; action?: string; actorId?: string } }>(
    '/api/admin/audit',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Audit log of officials’ actions, newest first; page with ?before=<last id>',
        security,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            before: { type: 'integer', minimum: 1 },
            action: { type: 'string', maxLength: 60 },
            actorId: { type: 'string', maxLength: 60 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    at: { type: 'string' },
                    actorId: { type: ['string', 'null'] },
                    actorEmail: { type: ['string', 'null'] },
                    action: { type: 'string' },
                    targetType: { type: ['string', 'null'] },
                    targetId: { type: ['string', 'null'] },
                    details: { type: 'object', additionalProperties: true },
                  },
                },
              },
              nextBefore: { type: ['integer', 'null'] },
            },
          },
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      const entries = await listAudit(db, req.query);
      return { entries, nextBefore: entries.length === req.query.limit ? entries[entries.length - 1]!.id : null };
    },
  );
};

export default auditRoutes;

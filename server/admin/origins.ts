import type { FastifyPluginAsync } from 'fastify';
import { officialOf, requireRole } from '../auth/guard.js';
import { listOrigins, ZALO_ORIGINS } from '../origins/store.js';
import { allowOrigin, disallowOrigin } from '../origins/service.js';
import { errorResponse, guardedErrors, intIdParam, okResponse, security } from './schemas.js';

const originSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    origin: { type: 'string' },
    note: { type: ['string', 'null'] },
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

/** Sites allowed to embed the widget; CORS_ORIGINS and Zalo are listed read-only. */
const origins: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;
  const admin = requireRole('admin');

  app.get(
    '/api/admin/origins',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Origins allowed to embed the widget: configured here, from CORS_ORIGINS, and Zalo Mini App',
        security,
        response: {
          200: {
            type: 'object',
            properties: {
              origins: { type: 'array', items: originSchema },
              fromConfig: { type: 'array', items: { type: 'string' } },
              builtIn: { type: 'array', items: { type: 'string' } },
            },
          },
          ...guardedErrors,
        },
      },
    },
    async () => ({ origins: await listOrigins(db), fromConfig: config.CORS_ORIGINS, builtIn: [...ZALO_ORIGINS] }),
  );

  app.post<{ Body: { origin: string; note?: string } }>(
    '/api/admin/origins',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Allow a site (https://host[:port]) to embed the widget',
        security,
        body: {
          type: 'object',
          required: ['origin'],
          additionalProperties: false,
          properties: { origin: { type: 'string', minLength: 8, maxLength: 200 }, note: { type: 'string', maxLength: 300 } },
        },
        response: { 201: { type: 'object', properties: { origin: originSchema } }, ...guardedErrors, 409: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = officialOf(req);
      const added = await allowOrigin(app.services, actor, req.body);
      return reply.status(201).send({
        origin: { id: added.id, origin: added.origin, note: added.note, createdBy: actor.email, createdAt: added.createdAt.toISOString() },
      });
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/admin/origins/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Stop allowing a site',
        security,
        params: intIdParam,
        response: { 200: okResponse, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => {
      await disallowOrigin(app.services, officialOf(req), req.params.id);
      return { ok: true };
    },
  );
};

export default origins;

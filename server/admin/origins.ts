import type { FastifyPluginAsync } from 'fastify';
import { AppError, badRequest, notFound } from '../errors.js';
import { audit } from '../audit/log.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { invalidateOriginCache, listOrigins, normaliseOrigin, ZALO_ORIGINS } from '../origins/store.js';
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
      const origin = normaliseOrigin(req.body.origin);
      if (!origin) {
        throw badRequest('origin', 'Địa chỉ trang web không hợp lệ. Hãy nhập dạng https://ten-mien.vn (không có đường dẫn phía sau).');
      }
      const r = await db.query<{ id: number | string; created_at: string | Date }>(
        'insert into embed_origins (origin, note, created_by) values ($1, $2, $3) on conflict (origin) do nothing returning id, created_at',
        [origin, req.body.note?.trim() || null, actor.id],
      );
      const row = r.rows[0];
      if (!row) throw new AppError(409, 'conflict:origin', 'Trang web này đã có trong danh sách được phép.');
      invalidateOriginCache(db);
      await audit(db, actor, 'origin.add', { type: 'origin', id: Number(row.id) }, { origin });
      return reply.status(201).send({
        origin: { id: Number(row.id), origin, note: req.body.note?.trim() || null, createdBy: actor.email, createdAt: new Date(row.created_at).toISOString() },
      });
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/admin/origins/:id',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Stop allowing a site', security, params: intIdParam, response: { 200: okResponse, ...guardedErrors, 404: errorResponse } },
    },
    async (req) => {
      const actor = officialOf(req);
      const r = await db.query<{ origin: string }>('delete from embed_origins where id = $1 returning origin', [req.params.id]);
      if (!r.rows[0]) throw notFound('origin', 'Không tìm thấy trang web này trong danh sách.');
      invalidateOriginCache(db);
      await audit(db, actor, 'origin.remove', { type: 'origin', id: req.params.id }, { origin: r.rows[0].origin });
      return { ok: true };
    },
  );
};

export default origins;

import type { FastifyPluginAsync } from 'fastify';
import { audit } from '../audit/log.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { API_SCOPES, createApiKey, listApiKeys, revokeApiKey, type ApiScope } from '../api-keys/keys.js';
import { notFound } from '../errors.js';
import { guardedErrors, intIdParam, security } from './schemas.js';

const apiKey = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    ratePerMin: { type: 'integer' },
    createdAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;

/** Admins create and revoke the API keys other systems use (/v1, /mcp); every change is audited. */
const apiKeys: FastifyPluginAsync = async (app) => {
  const { db } = app.services;

  app.get('/api/admin/api-keys', {
    onRequest: requireRole('admin'),
    schema: { tags: ['admin'], summary: 'API keys (never the keys themselves)', security, response: { 200: { type: 'object', properties: { keys: { type: 'array', items: apiKey } } }, ...guardedErrors } },
  }, async () => ({ keys: await listApiKeys(db) }));

  app.post<{ Body: { name: string; scopes: ApiScope[]; ratePerMin: number } }>('/api/admin/api-keys', {
    onRequest: requireRole('admin'),
    schema: {
      tags: ['admin'],
      summary: 'Create an API key; the key is in this response only',
      security,
      body: {
        type: 'object',
        required: ['name', 'scopes'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...API_SCOPES] } },
          ratePerMin: { type: 'integer', minimum: 1, maximum: 600, default: 60 },
        },
      },
      response: { 200: { type: 'object', properties: { key: { type: 'string' }, apiKey } }, ...guardedErrors },
    },
  }, async (req) => {
    const official = officialOf(req);
    return db.transaction(async (tx) => {
      const r = await createApiKey(tx, { name: req.body.name.trim(), scopes: req.body.scopes, ratePerMin: req.body.ratePerMin, createdBy: official.id });
      await audit(tx, official, 'api_key.create', { type: 'api_key', id: r.apiKey.id }, { name: r.apiKey.name, scopes: r.apiKey.scopes, prefix: r.apiKey.prefix });
      return r;
    });
  });

  app.delete<{ Params: { id: number } }>('/api/admin/api-keys/:id', {
    onRequest: requireRole('admin'),
    schema: { tags: ['admin'], summary: 'Revoke an API key', security, params: intIdParam, response: { 200: { type: 'object', properties: { apiKey } }, 404: guardedErrors[400], ...guardedErrors } },
  }, async (req) => {
    return db.transaction(async (tx) => {
      const k = await revokeApiKey(tx, req.params.id);
      if (!k) throw notFound('api_key', 'Không tìm thấy khoá API này.');
      await audit(tx, officialOf(req), 'api_key.revoke', { type: 'api_key', id: k.id }, { name: k.name, prefix: k.prefix });
      return { apiKey: k };
    });
  });
};

export default apiKeys;

import type { FastifyPluginAsync } from 'fastify';
import { officialOf, requireRole } from '../auth/guard.js';
import { API_SCOPES, listApiKeys, type ApiScope } from '../api-keys/keys.js';
import { issueApiKey, withdrawApiKey } from '../api-keys/service.js';
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

  app.get(
    '/api/admin/api-keys',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'API keys (never the keys themselves)',
        security,
        response: { 200: { type: 'object', properties: { keys: { type: 'array', items: apiKey } } }, ...guardedErrors },
      },
    },
    async () => ({ keys: await listApiKeys(db) }),
  );

  app.post<{ Body: { name: string; scopes: ApiScope[]; ratePerMin: number } }>(
    '/api/admin/api-keys',
    {
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
    },
    async (req) => {
      return issueApiKey(app.services, officialOf(req), req.body);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/admin/api-keys/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key',
        security,
        params: intIdParam,
        response: { 200: { type: 'object', properties: { apiKey } }, 404: guardedErrors[400], ...guardedErrors },
      },
    },
    async (req) => {
      return { apiKey: await withdrawApiKey(app.services, officialOf(req), req.params.id) };
    },
  );
};

export default apiKeys;

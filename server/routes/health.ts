import type { FastifyPluginAsync } from 'fastify';
import { countDocuments } from '../../store/documents.js';

const health: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Service health: counts, embedder, database backend, degraded parts',
        response: {
          200: {
            type: 'object',
            required: ['status', 'documents', 'chunks', 'embedder', 'db', 'answerer'],
            properties: {
              status: { type: 'string', enum: ['ok', 'degraded'] },
              documents: { type: 'integer' },
              chunks: { type: 'integer' },
              embedder: { type: 'object', properties: { id: { type: 'string' }, dimension: { type: 'integer' } } },
              answerer: { type: 'string' },
              db: { type: 'string' },
              degraded: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    async () => {
      const { db, embedder, answerer } = app.services;
      const degraded: string[] = [];
      let counts = { documents: 0, chunks: 0 };
      try {
        counts = await countDocuments(db);
      } catch {
        degraded.push('database');
      }
      const state = app.services.health?.() ?? {};
      for (const [part, ok] of Object.entries(state)) if (!ok) degraded.push(part);
      return {
        status: degraded.length ? 'degraded' : 'ok',
        ...counts,
        embedder: { id: embedder.id, dimension: embedder.dimension },
        answerer: answerer.id,
        db: db.backend,
        degraded,
      };
    },
  );
};

export default health;

import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { storeStatus } from '../library/read.js';
import { authenticate } from '../auth/guard.js';

/** A readiness probe that waits longer than this on the database calls it down. */
const DB_PROBE_MS = 3000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}

/** DATA_DIR may not exist yet with a PostgreSQL server (nothing uploaded): measure the disk it would be on. */
function existingAncestor(dir: string): string {
  let d = path.resolve(dir);
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

/** A provider's dimension is unknown until it first answers (it may be down at start). */
function knownDimension(e: { dimension: number }): { dimension?: number } {
  try {
    return { dimension: e.dimension };
  } catch {
    return {};
  }
}

const readyResponse = {
  type: 'object',
  required: ['status', 'notReady', 'degraded'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ready', 'degraded', 'not_ready'] },
    notReady: { type: 'array', items: { type: 'string' } },
    degraded: { type: 'array', items: { type: 'string' } },
    documents: { type: 'integer' },
    chunks: { type: 'integer' },
    // Officials only: which models and backend run (names a provider to anyone otherwise).
    details: {
      type: 'object',
      properties: { embedder: { type: 'string' }, dimension: { type: 'integer' }, answerer: { type: 'string' }, db: { type: 'string' } },
    },
  },
} as const;

/**
 * Two probes. `/api/health` is liveness: it answers from memory (no query, so never queued
 * behind chats on PGlite's single connection) and lists parts that run degraded. `/api/ready`
 * is readiness: 503 while the database, its migrations, the corpus index or the disk are not
 * ready, with those parts listed. Neither names models or the database backend to anonymous
 * callers; a logged-in official sees them on /api/ready.
 */
const health: FastifyPluginAsync = async (app) => {
  const degradedParts = () =>
    Object.entries(app.services.health?.() ?? {})
      .filter(([, ok]) => !ok)
      .map(([part]) => part);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers; parts that run degraded (LLM, embedding provider)',
        response: {
          200: {
            type: 'object',
            required: ['status', 'degraded'],
            additionalProperties: false,
            properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, degraded: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
    async () => {
      const degraded = degradedParts();
      return { status: degraded.length ? 'degraded' : 'ok', degraded };
    },
  );

  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: 503 while the database, migrations, corpus index or disk are not ready',
        response: {
          200: readyResponse,
          503: readyResponse,
        },
      },
    },
    async (req, reply) => {
      const { db, embedder, answerer, config } = app.services;
      const notReady: string[] = [];
      let counts: { documents: number; chunks: number } | undefined;
      try {
        const status = await withTimeout(storeStatus(app.services), DB_PROBE_MS);
        counts = { documents: status.documents, chunks: status.chunks };
        if (status.pendingMigrations) notReady.push('migrations');
      } catch {
        notReady.push('database');
      }
      if (app.services.readiness?.corpus === false) notReady.push('corpus');
      try {
        const st = fs.statfsSync(existingAncestor(config.dataDir));
        if (st.bavail * st.bsize < config.MIN_FREE_DISK_MB * 1024 * 1024) notReady.push('disk');
      } catch {
        notReady.push('disk');
      }
      const degraded = degradedParts();
      let official = null;
      try {
        official = await authenticate(req);
      } catch {
        official = null;
      }
      reply.status(notReady.length ? 503 : 200);
      if (notReady.length) reply.header('retry-after', '5');
      return {
        status: notReady.length ? 'not_ready' : degraded.length ? 'degraded' : 'ready',
        notReady,
        degraded,
        ...(counts ?? {}),
        ...(official ? { details: { embedder: embedder.id, ...knownDimension(embedder), answerer: answerer.id, db: db.backend } } : {}),
      };
    },
  );
};

export default health;

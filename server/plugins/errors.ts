import fp from 'fastify-plugin';
import type { RouteOptions } from 'fastify';
import { messageFor, toHttpError } from '../errors.js';

/**
 * The one error handler: every error becomes a code from the catalogue (server/errors.ts) and a
 * Vietnamese message; 5xx details stay in logs. A path that exists under other methods answers
 * 405 with Allow instead of 404.
 */
/** Seconds until a retry is worth it: the error's own estimate (EmbedderUnavailable, a full queue), else 30. */
export function retryAfterSeconds(err: unknown): number {
  const ms = (err as { retryAfterMs?: unknown })?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 30;
}

export default fp(
  async (app) => {
    app.setErrorHandler((err, req, reply) => {
      const e = toHttpError(err);
      if (e.status >= 500) req.log.error({ err }, 'unhandled error');
      else req.log.info({ code: e.code, detail: e.detail }, 'request refused');
      // A 503 is temporary by definition: say when to come back (an error may know better).
      if (e.status === 503) reply.header('retry-after', String(retryAfterSeconds(err)));
      return reply.status(e.status).send({ error: e.code, message: e.message, ...(e.validation ? { detail: e.detail } : {}) });
    });

    // Routes registered after this plugin (all of them), by path pattern, with their methods.
    const routes: { pattern: RegExp; methods: Set<string> }[] = [];
    app.addHook('onRoute', (route: RouteOptions) => {
      // A catch-all (the SPA's pages, static assets) would turn every unknown path into a 405.
      if (route.url === '*' || route.url === '/*') return;
      const source = route.url
        .split('/')
        .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      let entry = routes.find((r) => r.pattern.source === `^${source}$`);
      if (!entry) routes.push((entry = { pattern: new RegExp(`^${source}$`), methods: new Set() }));
      for (const m of [route.method].flat()) entry.methods.add(m);
    });

    app.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0]!;
      const allowed = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]));
      if (allowed.size && !allowed.has(req.method)) {
        return reply
          .status(405)
          .header('allow', [...allowed].sort().join(', '))
          .send({ error: 'method_not_allowed', message: messageFor('method_not_allowed') });
      }
      return reply.status(404).send({ error: 'not_found:route', message: messageFor('not_found:route') });
    });
  },
  { name: 'errors' },
);

import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions, onRequestHookHandler, RouteOptions } from 'fastify';
import type { Config } from '../../config/config.js';
import type { Queryable } from '../../store/db.js';
import { AppError } from '../errors.js';

export type RateLimitGroup = NonNullable<import('fastify').FastifyContextConfig['rateLimitGroup']>;

/** Limits are "per client per minute" (RATE_LIMIT_CHAT, RATE_LIMIT_SEARCH, RATE_LIMIT_LOGIN). */
export const RATE_WINDOW_MS = 60_000;

/**
 * Content-Security-Policy for everything that is not one of the web UI's HTML pages (those set
 * their own, with the right frame-ancestors, in server/plugins/static.ts): the API, /docs, 404s.
 * Everything is bundled and same-origin, so no inline script, no eval, no CDN. No
 * `upgrade-insecure-requests`: a union office may run the server on plain http in its LAN.
 */
export const API_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const DOCS_CSP = Object.entries({ ...API_CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"], 'frame-ancestors': ["'self'"] })
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');

/**
 * One statement per request: a new window starts at the first hit and whenever the stored one
 * has ended, otherwise the count goes up. Postgres takes the row lock, so two instances (or
 * two requests on one) never lose a hit; PGlite, a single connection, needs no more than this.
 */
export async function countHit(q: Queryable, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const r = await q.query<{ hits: number; ttl_ms: number }>(
    `insert into rate_limits as r (key, hits, window_end) values ($1, 1, now() + make_interval(secs => $2::double precision))
     on conflict (key) do update set
       hits = case when r.window_end <= now() then 1 else r.hits + 1 end,
       window_end = case when r.window_end <= now() then excluded.window_end else r.window_end end
     returning hits, greatest(0, ceil(extract(epoch from (window_end - now())) * 1000))::int as ttl_ms`,
    [key, windowMs / 1000],
  );
  const row = r.rows[0]!;
  return { current: Number(row.hits), ttl: Number(row.ttl_ms) };
}

/** A store for @fastify/rate-limit over the rate_limits table, so every instance shares the counters. */
function postgresStore(q: Queryable, log: () => FastifyBaseLogger) {
  let warned = false;
  return class PostgresRateLimitStore {
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countHit(q, key, timeWindow).then(
        (res) => {
          warned = false;
          cb(null, res);
        },
        (err: Error) => {
          // The request goes on (skipOnError): a database hiccup must not lock members out.
          if (!warned) log().warn({ err: err.message }, 'rate-limit counter unavailable; request allowed');
          warned = true;
          cb(err);
        },
      );
    }
    child(): PostgresRateLimitStore {
      return this;
    }
  };
}

/**
 * Fixed-window counters in this process's memory, for the embedded store: PGlite allows one
 * process per DATA_DIR (store/lock.ts), so there is no other instance to share counts with, and
 * an upsert per request would queue every request behind the store's single connection. The same
 * window rules as countHit. Counters are kept per store, so every app built on it (tests) shares
 * them; finished windows are dropped at most once a window, and past MAX_CLIENTS live clients the
 * oldest window goes first, so a flood of spoofed addresses cannot grow memory without bound.
 */
const MAX_CLIENTS = 100_000;
const memoryCounters = new WeakMap<object, Map<string, { hits: number; windowEnd: number }>>();

export class MemoryRateLimitCounter {
  private lastSweep = Date.now();
  constructor(private readonly counters: Map<string, { hits: number; windowEnd: number }>) {}

  static forStore(store: object): MemoryRateLimitCounter {
    let counters = memoryCounters.get(store);
    if (!counters) memoryCounters.set(store, (counters = new Map()));
    return new MemoryRateLimitCounter(counters);
  }

  hit(key: string, windowMs: number): { current: number; ttl: number } {
    const now = Date.now();
    if (now - this.lastSweep >= windowMs) this.sweep(now);
    let c = this.counters.get(key);
    if (!c || c.windowEnd <= now) {
      // A new window goes to the end of the map's order, so the oldest windows come first.
      this.counters.delete(key);
      if (this.counters.size >= MAX_CLIENTS) this.counters.delete(this.counters.keys().next().value!);
      c = { hits: 0, windowEnd: now + windowMs };
      this.counters.set(key, c);
    }
    c.hits++;
    return { current: c.hits, ttl: c.windowEnd - now };
  }

  /** Live counters by key (for tests and diagnostics). */
  snapshot(): Record<string, number> {
    const now = Date.now();
    return Object.fromEntries([...this.counters].filter(([, c]) => c.windowEnd > now).map(([k, c]) => [k, c.hits]));
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [k, c] of this.counters) if (c.windowEnd <= now) this.counters.delete(k);
  }
}

function memoryStore(counter: MemoryRateLimitCounter) {
  return class MemoryRateLimitStore {
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number): void {
      cb(null, counter.hit(key, timeWindow));
    }
    child(): MemoryRateLimitStore {
      return this;
    }
  };
}

const MESSAGES: Record<RateLimitGroup, (seconds: number) => string> = {
  chat: (s) => `Chị đã gửi quá nhiều câu hỏi trong một phút. Vui lòng đợi khoảng ${s} giây rồi hỏi tiếp.`,
  search: (s) => `Bạn đã gửi quá nhiều yêu cầu trong một phút. Vui lòng đợi khoảng ${s} giây rồi thử lại.`,
  login: (s) => `Có quá nhiều lần đăng nhập từ máy này trong một phút. Vui lòng đợi khoảng ${s} giây rồi thử lại.`,
};

function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (!v || typeof v !== 'object' || depth > 8 || Buffer.isBuffer(v)) return false;
  for (const [k, x] of Object.entries(v)) if (k.includes('\u0000') || hasNul(x, depth + 1)) return true;
  return false;
}

/**
 * A conversation id is the only key to a conversation: whoever reads the logs must not be able to
 * open one. Logs carry a short one-way hash instead, enough to follow one conversation's lines.
 */
export const logId = (id: string) => `h:${crypto.createHash('sha256').update(`hieu-luat:log:${id}`).digest('hex').slice(0, 12)}`;
const hideConversationIds = (url: string) => url.replace(/^(\/api\/conversations\/)([^/]+)/, (_m, p: string, id: string) => p + logId(decodeURIComponent(id)));

/**
 * Request logs carry the method, the path and ids, never a question: the query string
 * (`/api/search?q=…`) and client addresses are left out unless LOG_MESSAGES is on.
 */
export function privateLoggerOptions(logger: boolean | object, config: Pick<Config, 'LOG_MESSAGES'>): FastifyServerOptions['logger'] {
  if (!logger || config.LOG_MESSAGES) return logger as FastifyServerOptions['logger'];
  const base = typeof logger === 'object' ? (logger as { serializers?: Record<string, unknown> }) : {};
  return {
    ...base,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: hideConversationIds((req.url ?? '').split('?')[0]!) }),
      // Any log line with a conversationId field: the id is the only key to a conversation.
      conversationId: (id: unknown) => (typeof id === 'string' ? logId(id) : id),
      ...base.serializers,
    },
  } as FastifyServerOptions['logger'];
}

/**
 * Security headers (helmet) and per-client rate limits on the routes that declare
 * `config: { rateLimitGroup }`. Register before the routes: both work through onRoute/onRequest.
 */
export default fp(
  async (app) => {
    const { db, config } = app.services;

    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
      // HSTS only where the deployment says it is on https (secure cookies).
      strictTransportSecurity: config.COOKIE_SECURE ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    });
    // A page that lets other sites frame it (the widget's /embed) says so with CSP frame-ancestors;
    // X-Frame-Options cannot name origins and would contradict it in older WebViews.
    app.addHook('onSend', async (req, reply, payload) => {
      // Swagger UI (/docs, for developers) injects one <style> element; its scripts stay strict.
      if (req.url === '/docs' || req.url.startsWith('/docs/')) reply.header('content-security-policy', DOCS_CSP);
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string' && /frame-ancestors[^;]*\b[a-z][a-z0-9+.-]*:\/\//i.test(csp)) reply.raw.removeHeader('x-frame-options');
      return payload;
    });

    // Postgres text cannot hold NUL: refuse it at the door (400) rather than fail in SQL (500).
    app.addHook('preValidation', async (req) => {
      if (hasNul(req.query) || hasNul(req.params) || hasNul(req.body)) {
        throw new AppError(400, 'invalid:characters', 'Nội dung gửi lên có ký tự không hợp lệ. Vui lòng kiểm tra lại.');
      }
    });

    await app.register(rateLimit, {
      global: false,
      // Several instances share one server Postgres (DATABASE_URL), so they count there; the
      // embedded store has one process, which counts in memory.
      store: (db.backend === 'postgres' ? postgresStore(db, () => app.log) : memoryStore(MemoryRateLimitCounter.forStore(db))) as never,
      skipOnError: true,
    });
    const limits: Record<RateLimitGroup, number> = { chat: config.RATE_LIMIT_CHAT, search: config.RATE_LIMIT_SEARCH, login: config.RATE_LIMIT_LOGIN };
    const limiters = new Map<RateLimitGroup, onRequestHookHandler>();
    for (const group of Object.keys(limits) as RateLimitGroup[]) {
      if (limits[group] <= 0) continue; // 0 turns the limit off
      const handler = app.rateLimit({
        max: limits[group],
        timeWindow: RATE_WINDOW_MS,
        // trustProxy (server/app.ts) makes req.ip the client behind our own proxy; IPv6 is
        // counted per /64, which is what one household or phone usually gets.
        keyGenerator: (req) => `${group}:${normalizeIP(req.ip)}`,
        errorResponseBuilder: (_req, ctx) => new AppError(429, 'rate_limited', MESSAGES[group](Math.max(1, Math.ceil(ctx.ttl / 1000)))),
      });
      limiters.set(group, handler as unknown as onRequestHookHandler);
    }

    app.addHook('onRoute', (route: RouteOptions) => {
      const group = route.config?.rateLimitGroup;
      const limiter = group && limiters.get(group);
      if (!limiter) return;
      // First of the route's onRequest hooks: a flood is refused before sessions are looked up.
      const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
      route.onRequest = [limiter, ...existing];
    });
  },
  // Its refusals (400, 429) are AppErrors that the error handler renders; limits count in the store.
  { name: 'security', fastify: '5.x', dependencies: ['errors'], decorators: { fastify: ['services'] } },
);

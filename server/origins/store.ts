import type { Config } from '../../config/config.js';
import type { Queryable } from '../../store/db.js';

/** The Zalo Mini App runtime serves mini apps from these origins (web view and Zalo browser). */
export const ZALO_ORIGINS = ['https://h5.zdn.vn', 'zbrowser://h5.zdn.vn'] as const;

export interface OriginRow {
  id: number;
  origin: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/**
 * `https://Example.vn/` → `https://example.vn`. Only http(s) origins with no path, query or
 * credentials; plain http only for loopback hosts (testing a widget on a laptop).
 */
export function normaliseOrigin(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password || u.search || u.hash || (u.pathname && u.pathname !== '/')) return null;
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) return null;
  return u.origin;
}

/**
 * localhost, *.localhost (RFC 6761: always this machine, so a Mini App can be tried at
 * h5.zdn.vn.localhost) and the loopback addresses: plain http there never crosses a network.
 */
function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}

export async function listOrigins(q: Queryable): Promise<OriginRow[]> {
  const r = await q.query<{ id: number | string; origin: string; note: string | null; created_by: string | null; created_at: string | Date }>(
    `select o.id, o.origin, o.note, u.email as created_by, o.created_at
       from embed_origins o left join users u on u.id = o.created_by order by o.origin`,
  );
  return r.rows.map((x) => ({ id: Number(x.id), origin: x.origin, note: x.note, createdBy: x.created_by, createdAt: new Date(x.created_at).toISOString() }));
}

/**
 * Admin-configured origins, cached for a few seconds: CORS asks on every cross-origin request,
 * and several instances share the table, so a change reaches them all within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; origins: Promise<Set<string>> }>();

async function configuredOrigins(q: Queryable): Promise<Set<string>> {
  const hit = cache.get(q);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.origins;
  const origins = q.query<{ origin: string }>('select origin from embed_origins').then((r) => new Set(r.rows.map((x) => x.origin)));
  cache.set(q, { at: Date.now(), origins });
  origins.catch(() => cache.delete(q));
  return origins;
}

/** Forget cached origins after a change made by this instance (others catch up within CACHE_MS). */
export function invalidateOriginCache(q: Queryable): void {
  cache.delete(q);
}

/**
 * May a page on `origin` call the API from a browser or frame the widget? Zalo Mini App
 * origins, CORS_ORIGINS (when config is given) and admin-configured origins; nothing else.
 */
export async function isAllowedOrigin(q: Queryable, origin: string | undefined | null, config?: Pick<Config, 'CORS_ORIGINS'>): Promise<boolean> {
  if (!origin) return false;
  if ((ZALO_ORIGINS as readonly string[]).includes(origin)) return true;
  const normal = normaliseOrigin(origin);
  if (!normal) return false;
  if (config?.CORS_ORIGINS.some((o) => normaliseOrigin(o) === normal)) return true;
  return (await configuredOrigins(q)).has(normal);
}

/** Every allowed origin, e.g. for a `frame-ancestors` directive. */
export async function listAllowedOrigins(q: Queryable, config: Pick<Config, 'CORS_ORIGINS'>): Promise<string[]> {
  const all = new Set<string>(ZALO_ORIGINS);
  for (const o of config.CORS_ORIGINS) all.add(normaliseOrigin(o) ?? o);
  for (const o of await configuredOrigins(q)) all.add(o);
  return [...all];
}

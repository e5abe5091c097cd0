import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../store/db.js';
import { AppError } from '../errors.js';

/**
 * API keys for other systems: `hl_` + 32 random bytes (base64url). Only their SHA-256 is stored,
 * so a leaked database does not leak keys; a key is shown once, when an admin creates it. Each key
 * has scopes ('chat' for the OpenAI-compatible /v1, 'library' for /mcp) and its own per-minute limit.
 */

export type ApiScope = 'chat' | 'library';
export const API_SCOPES: readonly ApiScope[] = ['chat', 'library'];

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  ratePerMin: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface Row {
  id: string | number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  rate_per_min: number;
  created_at: string | Date;
  last_used_at: string | Date | null;
  revoked_at: string | Date | null;
}

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());
const present = (r: Row): ApiKey => ({
  id: Number(r.id),
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  ratePerMin: r.rate_per_min,
  createdAt: iso(r.created_at)!,
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});
const hash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const COLS = 'id, name, prefix, scopes, rate_per_min, created_at, last_used_at, revoked_at';

export async function createApiKey(
  q: Queryable,
  input: { name: string; scopes: ApiScope[]; ratePerMin: number; createdBy: string | null },
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = `hl_${crypto.randomBytes(32).toString('base64url')}`;
  const r = await q.query<Row>(
    `insert into api_keys (name, prefix, key_hash, scopes, rate_per_min, created_by) values ($1, $2, $3, $4, $5, $6) returning ${COLS}`,
    [input.name, key.slice(0, 10), hash(key), input.scopes, input.ratePerMin, input.createdBy],
  );
  return { key, apiKey: present(r.rows[0]!) };
}

export async function listApiKeys(q: Queryable): Promise<ApiKey[]> {
  return (await q.query<Row>(`select ${COLS} from api_keys order by id desc`)).rows.map(present);
}

export async function revokeApiKey(q: Queryable, id: number): Promise<ApiKey | null> {
  const r = await q.query<Row>(`update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${COLS}`, [id]);
  return r.rows[0] ? present(r.rows[0]) : null;
}

export const invalidKey = () => new AppError(401, 'unauthorized:api_key', 'Khoá API không hợp lệ hoặc đã bị thu hồi.');
export const keyScope = () => new AppError(403, 'forbidden:api_key_scope', 'Khoá API này không được dùng cho chức năng này.');

/** Requests per key in the current minute, in this process (one counter per key and minute). */
const windows = new Map<number, { minute: number; count: number }>();

/**
 * The key a request carries (Authorization: Bearer hl_…), checked for scope and its per-minute
 * limit. Usage is recorded at most once a minute per key, so a busy client adds no write per call.
 */
export async function apiKeyFor(req: FastifyRequest, scope: ApiScope): Promise<ApiKey> {
  const m = /^Bearer\s+(hl_[A-Za-z0-9_-]{20,80})\s*$/.exec(req.headers.authorization ?? '');
  if (!m) throw invalidKey();
  const db = req.server.services.db;
  const r = await db.query<Row>(`select ${COLS} from api_keys where key_hash = $1 and revoked_at is null`, [hash(m[1]!)]);
  const row = r.rows[0];
  if (!row) throw invalidKey();
  const key = present(row);
  if (!key.scopes.includes(scope)) throw keyScope();
  const minute = Math.floor(Date.now() / 60_000);
  const w = windows.get(key.id);
  if (!w || w.minute !== minute) {
    windows.set(key.id, { minute, count: 1 });
    await db.query('update api_keys set last_used_at = now() where id = $1', [key.id]);
  } else if (++w.count > key.ratePerMin) {
    throw new AppError(
      429,
      'rate_limited',
      `Khoá API đã dùng quá ${key.ratePerMin} lượt trong một phút. Vui lòng đợi khoảng ${60 - (Math.floor(Date.now() / 1000) % 60)} giây.`,
    );
  }
  return key;
}

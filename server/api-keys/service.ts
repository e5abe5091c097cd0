import { audit, type Actor } from '../audit/log.js';
import { notFound } from '../errors.js';
import type { Services } from '../services.js';
import { createApiKey, revokeApiKey, type ApiKey, type ApiScope } from './keys.js';

/** An admin issues a key for another system (/v1, /mcp); the key itself is returned once, and the audit entry commits with it. */
export function issueApiKey(
  s: Pick<Services, 'db'>,
  actor: Actor,
  input: { name: string; scopes: ApiScope[]; ratePerMin: number },
): Promise<{ key: string; apiKey: ApiKey }> {
  return s.db.transaction(async (tx) => {
    const r = await createApiKey(tx, { name: input.name.trim(), scopes: input.scopes, ratePerMin: input.ratePerMin, createdBy: actor.id });
    await audit(tx, actor, 'api_key.create', { type: 'api_key', id: r.apiKey.id }, { name: r.apiKey.name, scopes: r.apiKey.scopes, prefix: r.apiKey.prefix });
    return r;
  });
}

/** Revokes a key at once; its audit entry commits with the revocation. */
export function withdrawApiKey(s: Pick<Services, 'db'>, actor: Actor, id: number): Promise<ApiKey> {
  return s.db.transaction(async (tx) => {
    const k = await revokeApiKey(tx, id);
    if (!k) throw notFound('api_key', 'Không tìm thấy khoá API này.');
    await audit(tx, actor, 'api_key.revoke', { type: 'api_key', id: k.id }, { name: k.name, prefix: k.prefix });
    return k;
  });
}

import { audit, type Actor } from '../audit/log.js';
import { AppError, badRequest, notFound } from '../errors.js';
import type { Services } from '../services.js';
import { invalidateOriginCache, normaliseOrigin } from './store.js';

/**
 * Admins allow a site to embed the widget and call the API from the browser. The row and its
 * audit entry commit together; the allow-list cache is dropped after the commit, so the next
 * request reads the new list.
 */
export async function allowOrigin(
  s: Pick<Services, 'db'>,
  actor: Actor,
  input: { origin: string; note?: string },
): Promise<{ id: number; origin: string; note: string | null; createdAt: Date }> {
  const origin = normaliseOrigin(input.origin);
  if (!origin) throw badRequest('origin', 'Địa chỉ trang web không hợp lệ. Hãy nhập dạng https://ten-mien.vn (không có đường dẫn phía sau).');
  const note = input.note?.trim() || null;
  const row = await s.db.transaction(async (tx) => {
    const r = await tx.query<{ id: number | string; created_at: string | Date }>(
      'insert into embed_origins (origin, note, created_by) values ($1, $2, $3) on conflict (origin) do nothing returning id, created_at',
      [origin, note, actor.id],
    );
    const added = r.rows[0];
    if (added) await audit(tx, actor, 'origin.add', { type: 'origin', id: Number(added.id) }, { origin });
    return added;
  });
  if (!row) throw new AppError(409, 'conflict:origin', 'Trang web này đã có trong danh sách được phép.');
  invalidateOriginCache(s.db);
  return { id: Number(row.id), origin, note, createdAt: new Date(row.created_at) };
}

/** Stops allowing a site; the removal and its audit entry commit together. */
export async function disallowOrigin(s: Pick<Services, 'db'>, actor: Actor, id: number): Promise<void> {
  const removed = await s.db.transaction(async (tx) => {
    const r = await tx.query<{ origin: string }>('delete from embed_origins where id = $1 returning origin', [id]);
    const origin = r.rows[0]?.origin;
    if (origin) await audit(tx, actor, 'origin.remove', { type: 'origin', id }, { origin });
    return origin;
  });
  if (!removed) throw notFound('origin', 'Không tìm thấy trang web này trong danh sách.');
  invalidateOriginCache(s.db);
}

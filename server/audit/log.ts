import type { Queryable } from '../../store/db.js';

export interface Actor {
  id: string;
  email: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/**
 * Records one official action. Details hold identifiers and counts, never members' message text.
 * Pass the transaction that made the change so the entry and the change commit together.
 */
export async function audit(
  q: Queryable,
  actor: Actor | null,
  action: string,
  target?: { type: string; id: string | number | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  await q.query(`insert into audit_log (actor_id, actor_email, action, target_type, target_id, details) values ($1, $2, $3, $4, $5, $6)`, [
    actor?.id ?? null,
    actor?.email ?? null,
    action,
    target?.type ?? null,
    target?.id == null ? null : String(target.id),
    JSON.stringify(details),
  ]);
}

export async function listAudit(q: Queryable, opts: { limit: number; before?: number; action?: string; actorId?: string }): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.before !== undefined) {
    params.push(opts.before);
    where.push(`id < $${params.length}`);
  }
  if (opts.action) {
    // 'document' matches every document.* action.
    params.push(opts.action, `${opts.action}.%`);
    where.push(`(action = $${params.length - 1} or action like $${params.length})`);
  }
  if (opts.actorId) {
    params.push(opts.actorId);
    where.push(`actor_id = $${params.length}`);
  }
  params.push(opts.limit);
  const r = await q.query<{
    id: string | number;
    at: string | Date;
    actor_id: string | null;
    actor_email: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    details: Record<string, unknown>;
  }>(
    `select id, at, actor_id, actor_email, action, target_type, target_id, details from audit_log
      ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit $${params.length}`,
    params,
  );
  return r.rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details ?? {},
  }));
}

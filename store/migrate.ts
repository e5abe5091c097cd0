import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** An arbitrary constant naming this application's migration lock. */
const MIGRATION_LOCK = 4_802_315;

/**
 * Applies `NNN_name.sql` files in order, each in its own transaction, and records them in
 * schema_migrations. The same files run on PGlite and on server Postgres. On a server, several
 * replicas may start at once: each transaction takes a transaction-scoped advisory lock and
 * re-checks what is applied, so one replica migrates and the others find the work done.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const lock = async (tx: Queryable) => {
    if (db.backend === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  };
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.query(`create table if not exists schema_migrations (
      version text primary key,
      applied_at timestamptz not null default now()
    )`);
  });
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await lock(tx);
      if ((await tx.query('select 1 from schema_migrations where version = $1', [file])).rows.length) return true;
      for (const stmt of splitStatements(sql)) await tx.query(stmt);
      await tx.query('insert into schema_migrations (version) values ($1)', [file]);
      return false;
    });
    if (!done) applied.push(file);
  }
  return applied;
}

/**
 * Multi-statement files: split on semicolons at line ends (our migrations keep to that form),
 * except inside a dollar-quoted function body ($$ … $$), whose own statements end in semicolons.
 */
function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of sql.replace(/^\s*--.*$/gm, '').split('\n')) {
    current.push(line);
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      out.push(current.join('\n').replace(/;\s*$/, ''));
      current = [];
    }
  }
  out.push(current.join('\n'));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Migration files not yet applied to this database (readiness: a replica on an old schema is not ready). */
export async function pendingMigrations(db: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f));
  const applied = new Set((await db.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version));
  return files.filter((f) => !applied.has(f)).sort();
}

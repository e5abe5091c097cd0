import type { Config } from '../config/config.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';

/**
 * The one place that picks the database backend, then brings the schema up to date. `role`
 * names the process in the embedded store's lock ("server", "ingest", …) for refusals.
 */
export async function openDb(cfg: Config['db'], opts: { role?: string } = {}): Promise<Db> {
  const db =
    cfg.kind === 'postgres'
      ? await (await import('./postgres.js')).openPostgres(cfg.url)
      : await (await import('./pglite.js')).openPglite(cfg.dataDir, opts.role);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

/** In-memory PGlite with the schema applied: for tests and benchmarks. */
export async function openMemoryDb(): Promise<Db> {
  const db = await (await import('./pglite.js')).openPglite(undefined);
  await migrate(db);
  return db;
}

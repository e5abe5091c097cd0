import fs from 'node:fs';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { SESSION_SETTINGS, type Db, type Queryable } from './db.js';
import { initdbInChild } from './initdb.js';
import { acquireStoreLock, type StoreLock } from './lock.js';
import { PreparedStatements } from './prepared.js';

/**
 * Postgres' default 128 MB buffer pool is resident in the WASM heap from the start (Postgres
 * touches all of it when it starts), although the request path reads a few rows by primary key
 * (the lexical index is in memory) and the files stay in the operating system's page cache anyway.
 * 32 MB cut the server's resident memory by about 110 MB, 16 MB by another 18 MB (measured on
 * the bundled corpus).
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB'];

/*
 * V8 compiles PGlite's 9 MB of WebAssembly (and optimises its hot functions later) on as many
 * background threads as there are cores, and each thread's compiler memory stays in its own malloc
 * arena after it is freed: 15–20 MB per thread, resident for good. One compilation thread keeps
 * that to one arena (opening the store measured 150–170 MB → 115–140 MB; no slower to open). It
 * must be set before the module is compiled, so it is set once here, where the store is loaded.
 */
v8.setFlagsFromString('--wasm-num-compilation-tasks=1');

/**
 * Embedded Postgres 18 (WASM) on disk; `dataDir` undefined means in memory (tests).
 * On disk, the store's lock is taken first (store/lock.ts): a second process is refused
 * before it can read a page, and the lock is released when the database is closed.
 */
export async function openPglite(dataDir?: string, role = 'process'): Promise<Db> {
  let lock: StoreLock | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireStoreLock(dataDir, role);
  }
  try {
    // A new store is initialised in a child process (store/initdb.ts); should that fail, PGlite
    // initialises it here as it always did.
    if (dataDir) await initdbInChild(dataDir).catch(() => false);
    return wrapPglite(await createPglite({ dataDir }), lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * The embedded Postgres itself, with the store's extensions and settings. `from` starts an
 * in-memory database from a data directory dumped by `dumpDataDir()` instead of an empty one
 * (tests clone a database built once per run, tests/helpers/template-db.ts).
 */
export async function createPglite(opts: { dataDir?: string; from?: Blob } = {}): Promise<PGlite> {
  const pg = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.from,
    extensions: { vector, unaccent, pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS],
  });
  await pg.exec(SESSION_SETTINGS);
  return pg;
}

export function wrapPglite(pg: PGlite, lock?: StoreLock): Db {
  const q = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await target.query<T>(sql, params as unknown[]);
      return { rows: r.rows };
    },
  });
  // Reads and writes outside a transaction keep their plans (store/prepared.ts); the rest, and
  // everything inside a transaction, goes through PGlite's own query().
  const prepared = new PreparedStatements(pg);
  const direct = q(pg);
  return {
    backend: 'pglite',
    query<T>(sql: string, params?: unknown[]) {
      return PreparedStatements.handles(sql) ? prepared.query<T>(sql, params) : direct.query<T>(sql, params);
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction(fn) {
      return pg.transaction((tx) => fn(q(tx)));
    },
    lock,
    async listen(channel, onPayload) {
      // Notifications of this one instance's own writes, delivered as each statement completes.
      const stop = await pg.listen(channel, onPayload);
      return async () => {
        if (!pg.closed) await stop();
      };
    },
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}

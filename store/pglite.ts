import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { SESSION_SETTINGS, type Db, type Queryable } from './db.js';

/** Embedded Postgres 18 (WASM) on disk; `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir, extensions: { vector, unaccent, pg_trgm } });
  await pg.exec(SESSION_SETTINGS);
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db {
  const q = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await target.query<T>(sql, params as unknown[]);
      return { rows: r.rows };
    },
  });
  return {
    backend: 'pglite',
    ...q(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction(fn) {
      return pg.transaction((tx) => fn(q(tx)));
    },
    close: () => pg.close(),
  };
}

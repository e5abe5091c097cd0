import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initdbInChild } from '../store/initdb.js';
import { migrate } from '../store/migrate.js';
import { openPglite } from '../store/pglite.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-initdb-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a new embedded store is initialised in a child process (store/initdb.ts)', () => {
  it('creates the data directory once, leaves nothing beside it, and the store opens and migrates', async () => {
    const dir = path.join(root, 'pglite');
    expect(await initdbInChild(dir)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(root)).toEqual(['pglite']);
    // A store already there is never initialised again.
    expect(await initdbInChild(dir)).toBe(false);

    const db = await openPglite(dir);
    try {
      await migrate(db);
      const r = await db.query<{ enc: string; ext: number }>(
        `select pg_encoding_to_char(encoding) as enc, (select count(*)::int from pg_extension where extname in ('vector', 'unaccent', 'pg_trgm')) as ext
         from pg_database where datname = current_database()`,
      );
      expect(r.rows[0]).toEqual({ enc: 'UTF8', ext: 3 });
    } finally {
      await db.close();
    }
  });

  it('leaves a directory that holds other files to PGlite, untouched', async () => {
    const dir = path.join(root, 'not-empty');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'note.txt'), 'x');
    expect(await initdbInChild(dir)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['note.txt']);
  });
});

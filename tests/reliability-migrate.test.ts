import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, pendingMigrations } from '../store/migrate.js';
import { openPglite } from '../store/pglite.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Recovery drill (issue 15): a server killed with SIGKILL in the middle of a migration — the
 * first start after an upgrade — leaves a store that the next start opens, finishes migrating
 * and uses: the half-done migration was one transaction, so none of it is left, and the lock
 * of the dead process is taken over without --force.
 */
describe('kill -9 during migrations', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the next start opens the store, applies the interrupted migration whole, and the store works', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-migrate-kill-'));
    dirs.push(dir);
    // A migration with a table, a function and triggers: half of it must not survive.
    const target = '030_article_notes.sql';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/migrate-crash-child.ts'), dir, target], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('MIDMIGRATION')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`child exited before the migration: ${out} ${err}`)));
    });
    expect((await exited).signal).toBe('SIGKILL');
    expect(out).not.toContain('MIGRATED');

    // The next start: same directory, a new process (here, this one), no flags.
    const db = await openPglite(dir, 'server');
    try {
      const before = (await db.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version);
      expect(before).not.toContain(target);
      // Nothing of the interrupted migration is there (its transaction never committed).
      expect((await db.query("select 1 from information_schema.tables where table_name = 'article_notes'")).rows).toHaveLength(0);
      const applied = await migrate(db);
      expect(applied).toContain(target);
      expect(await pendingMigrations(db)).toEqual([]);
      // The store works: the migration's trigger bumps the corpus version on a write.
      const v0 = Number((await db.query<{ version: string }>('select version from corpus_state')).rows[0]!.version);
      await db.query("insert into documents (id, title, type, sha256, origin) values ('drill', 'Thử', 'Luật', 'abc', 'cli')");
      const v1 = Number((await db.query<{ version: string }>('select version from corpus_state')).rows[0]!.version);
      expect(v1).toBeGreaterThan(v0);
    } finally {
      await db.close();
    }
  });
});

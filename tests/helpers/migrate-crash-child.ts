/**
 * Child process for the migration crash drill (tests/reliability-migrate.test.ts): opens an
 * on-disk store as a server does and migrates it; inside the transaction of the migration named
 * on the command line, after its first DDL statement ran, it prints MIDMIGRATION and stalls, so
 * the parent's SIGKILL lands with that migration half done every time.
 * Usage: tsx tests/helpers/migrate-crash-child.ts <data-dir> <NNN_name.sql>
 */
import type { Db, Queryable } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPglite } from '../../store/pglite.js';

async function main() {
  const [dir, target] = process.argv.slice(2);
  if (!dir || !target) throw new Error('usage: migrate-crash-child <data-dir> <migration file>');
  const db = await openPglite(dir, 'server');
  const stalling = (tx: Queryable): Queryable => {
    let inTarget = false;
    return {
      async query<T>(sql: string, params?: unknown[]) {
        if (/schema_migrations where version/.test(sql) && params?.[0] === target) inTarget = true;
        const r = await tx.query<T>(sql, params);
        if (inTarget && /^\s*(create|alter)\b/i.test(sql)) {
          process.stdout.write('MIDMIGRATION\n');
          await new Promise((resolve) => setTimeout(resolve, 120_000));
        }
        return r;
      },
    };
  };
  const wrapped: Db = { ...db, transaction: (fn) => db.transaction((tx) => fn(stalling(tx))) };
  await migrate(wrapped);
  process.stdout.write('MIGRATED\n');
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});

/**
 * Backs up the embedded store (PGlite in DATA_DIR/pglite) to DATA_DIR/backups/*.tar.gz:
 *   npm run backup                 # stop the server first: PGlite is one process's database
 *   npm run backup -- --force      # the store looks open (postmaster.pid) but nothing runs (after a crash)
 *   npm run backup -- --out FILE
 * A PostgreSQL server (DATABASE_URL) is backed up with pg_dump instead (README "Security").
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { ConfigError, loadConfig, type Config } from '../config/config.js';

export const PGLITE_EXTENSIONS = { vector, unaccent, pg_trgm };

/** A refusal with a one-line reason and the exit code the CLI uses. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** PGlite leaves postmaster.pid while a process has the store open and removes it on close. */
export function looksOpen(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'postmaster.pid'));
}

export async function countRows(pg: PGlite): Promise<{ documents: number; chunks: number; conversations: number }> {
  const r = await pg.query<{ documents: number; chunks: number; conversations: number }>(
    `select (select count(*)::int from documents) documents, (select count(*)::int from chunks) chunks,
            (select count(*)::int from conversations) conversations`,
  );
  return r.rows[0]!;
}

export async function backup(config: Config, opts: { out?: string; force?: boolean } = {}): Promise<{ file: string; bytes: number; documents: number }> {
  if (config.db.kind === 'postgres') {
    throw new BackupError('DATABASE_URL is set: back up the PostgreSQL server with pg_dump (see README, "Backups").', 2);
  }
  const dataDir = config.db.dataDir;
  if (isEmptyDir(dataDir)) throw new BackupError(`No embedded database in ${dataDir}: nothing to back up.`);
  if (looksOpen(dataDir) && !opts.force) {
    throw new BackupError(`The embedded database in ${dataDir} is open (postmaster.pid): stop the server first, or pass --force if nothing is running.`);
  }
  const pg = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  try {
    const { documents } = await countRows(pg);
    const dump = await pg.dumpDataDir('gzip');
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    const file = path.resolve(opts.out ?? path.join(config.dataDir, 'backups', `hieu-luat-${stamp}.tar.gz`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Conversations are personal data: the archive is readable by its owner only.
    fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
    return { file, bytes: bytes.length, documents };
  } finally {
    await pg.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const r = await backup(config, { out: values.out, force: values.force });
  console.log(`Backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.documents} documents)`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/backup.ts')) {
  main().catch((err) => {
    console.error(err instanceof BackupError || err instanceof ConfigError ? err.message : `Backup failed: ${(err as Error).message}`);
    process.exit(err instanceof BackupError ? err.exitCode : err instanceof ConfigError ? 2 : 1);
  });
}

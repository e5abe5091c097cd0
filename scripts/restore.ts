/**
 * Restores a backup made by `npm run backup` into DATA_DIR/pglite:
 *   npm run restore -- data/backups/hieu-luat-20301231-235959.tar.gz
 *   npm run restore -- FILE --force    # DATA_DIR/pglite is not empty: it is moved aside, not deleted
 * Restore into a fresh DATA_DIR (another machine, or after a disk loss), then start the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { BackupError, countRows, looksOpen, PGLITE_EXTENSIONS } from './backup.js';

export async function restore(config: Config, file: string, opts: { force?: boolean } = {}): Promise<{ dataDir: string; movedAside: string | null; documents: number }> {
  if (config.db.kind === 'postgres') {
    throw new BackupError('DATABASE_URL is set: restore the PostgreSQL server with pg_restore (see README, "Backups").', 2);
  }
  const source = path.resolve(file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupError(`No backup file at ${source}.`);
  const dataDir = config.db.dataDir;
  let movedAside: string | null = null;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    if (!opts.force) {
      throw new BackupError(`${dataDir} is not empty: refusing to overwrite it. Restore into a fresh DATA_DIR, or pass --force to move the current store aside.`);
    }
    if (looksOpen(dataDir)) throw new BackupError(`The embedded database in ${dataDir} is open (postmaster.pid): stop the server first.`);
    movedAside = `${dataDir}.before-restore-${Date.now()}`;
    fs.renameSync(dataDir, movedAside);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const pg = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([fs.readFileSync(source)]) });
    try {
      const { documents } = await countRows(pg);
      return { dataDir, movedAside, documents };
    } finally {
      await pg.close();
    }
  } catch (err) {
    // A bad archive leaves things as they were.
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, dataDir);
    throw err instanceof BackupError ? err : new BackupError(`Not a usable backup (${(err as Error).message.split('\n')[0]}).`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new BackupError('Usage: npm run restore -- BACKUP.tar.gz [--force]', 2);
  const r = await restore(loadConfig(), positionals[0]!, { force: values.force });
  console.log(`Restored into ${r.dataDir}: ${r.documents} documents.${r.movedAside ? ` The previous store is in ${r.movedAside}.` : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/restore.ts')) {
  main().catch((err) => {
    console.error(err instanceof BackupError || err instanceof ConfigError ? err.message : `Restore failed: ${(err as Error).message}`);
    process.exit(err instanceof BackupError ? err.exitCode : err instanceof ConfigError ? 2 : 1);
  });
}

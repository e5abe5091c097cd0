/**
 * Backs up the embedded store (PGlite in DATA_DIR/pglite) and the uploaded originals
 * (DATA_DIR/originals) to one DATA_DIR/backups/*.tar.gz:
 *   npm run backup                 # stop the server first: PGlite is one process's database
 *   npm run backup -- --out FILE
 * The store's lock (store/lock.ts) is taken for the whole backup: a running server is never
 * bypassed, and a lock left by a process that died is recovered without any flag (`--force` is
 * accepted for old scripts and changes nothing).
 * A PostgreSQL server (DATABASE_URL) is backed up with pg_dump instead (README "Backups").
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { acquireStoreLock, StoreLockedError, type StoreLock } from '../store/lock.js';
import { writeTarGz, type ArchiveEntry } from './archive.js';

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

/** Names inside a backup archive. */
export const MANIFEST = 'hieu-luat-backup.json';
export const PGLITE_DUMP = 'pglite.tar.gz';
export const ORIGINALS = 'originals';
const SHA_NAME = /^[0-9a-f]{64}$/;

/** The store's lock for a backup or restore; a live holder becomes a one-line BackupError. */
export function lockStore(pgliteDir: string, role: string): StoreLock {
  try {
    return acquireStoreLock(pgliteDir, role);
  } catch (err) {
    throw err instanceof StoreLockedError ? new BackupError(err.message) : err;
  }
}

/** Uploaded originals (DATA_DIR/originals/<sha256>), needed to re-index a document. */
export function originalEntries(dataDir: string): ArchiveEntry[] {
  const dir = path.join(dataDir, ORIGINALS);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => SHA_NAME.test(f))
    .sort()
    .map((f) => ({ name: `${ORIGINALS}/${f}`, data: fs.readFileSync(path.join(dir, f)) }));
}

export async function countRows(pg: PGlite): Promise<{ documents: number; chunks: number; conversations: number }> {
  const r = await pg.query<{ documents: number; chunks: number; conversations: number }>(
    `select (select count(*)::int from documents) documents, (select count(*)::int from chunks) chunks,
            (select count(*)::int from conversations) conversations`,
  );
  return r.rows[0]!;
}

export async function backup(
  config: Config,
  opts: { out?: string; force?: boolean } = {},
): Promise<{ file: string; bytes: number; documents: number; originals: number }> {
  if (config.db.kind === 'postgres') {
    throw new BackupError('DATABASE_URL is set: back up the PostgreSQL server with pg_dump (see README, "Backups").', 2);
  }
  const dataDir = config.db.dataDir;
  if (isEmptyDir(dataDir)) throw new BackupError(`No embedded database in ${dataDir}: nothing to back up.`);
  const lock = lockStore(dataDir, 'backup');
  try {
    const pg = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
    let documents: number;
    let dump: Buffer;
    try {
      ({ documents } = await countRows(pg));
      dump = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await pg.close();
    }
    const originals = originalEntries(config.dataDir);
    const manifest = { format: 1, createdAt: new Date().toISOString(), documents, originals: originals.length };
    const bytes = writeTarGz([{ name: MANIFEST, data: Buffer.from(JSON.stringify(manifest)) }, { name: PGLITE_DUMP, data: dump }, ...originals]);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    const file = path.resolve(opts.out ?? path.join(config.dataDir, 'backups', `hieu-luat-${stamp}.tar.gz`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Conversations are personal data: the archive is readable by its owner only.
    fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
    return { file, bytes: bytes.length, documents, originals: originals.length };
  } finally {
    lock.release();
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const r = await backup(config, { out: values.out, force: values.force });
  console.log(`Backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.documents} documents, ${r.originals} original files)`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/backup.ts')) {
  main().catch((err) => {
    console.error(err instanceof BackupError || err instanceof ConfigError ? err.message : `Backup failed: ${(err as Error).message}`);
    process.exit(err instanceof BackupError ? err.exitCode : err instanceof ConfigError ? 2 : 1);
  });
}

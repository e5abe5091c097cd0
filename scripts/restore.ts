/**
 * Restores a backup made by `npm run backup` into DATA_DIR/pglite and DATA_DIR/originals:
 *   npm run restore -- data/backups/hieu-luat-20301231-235959.tar.gz
 *   npm run restore -- FILE --force    # DATA_DIR/pglite is not empty: it is moved aside, not deleted
 * Restore into a fresh DATA_DIR (another machine, or after a disk loss), then start the server.
 * The store's lock is held throughout: a running server is refused whatever the flags, and a
 * lock left by a process that died is recovered by its liveness check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { readTarGz } from './archive.js';
import { BackupError, countRows, lockStore, MANIFEST, ORIGINALS, PGLITE_DUMP, PGLITE_EXTENSIONS } from './backup.js';
import { copyStore } from '../store/copy.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openDb } from '../store/open.js';
import { wrapPglite } from '../store/pglite.js';

/** The PGlite dump and the originals inside a backup; an older backup is the PGlite dump alone. */
function unpack(bytes: Buffer): { dump: Buffer; originals: { sha: string; data: Buffer }[] } {
  const entries = readTarGz(bytes);
  if (!entries?.some((e) => e.name === MANIFEST)) return { dump: bytes, originals: [] };
  const dump = entries.find((e) => e.name === PGLITE_DUMP);
  if (!dump) throw new BackupError(`Not a usable backup (no ${PGLITE_DUMP} inside).`);
  const originals = entries
    .map((e) => ({ m: /^originals\/([0-9a-f]{64})$/.exec(e.name), data: e.data }))
    .filter((e): e is { m: RegExpExecArray; data: Buffer } => e.m !== null)
    .map((e) => ({ sha: e.m[1]!, data: e.data }));
  return { dump: dump.data, originals };
}

export async function restore(
  config: Config,
  file: string,
  opts: { force?: boolean } = {},
): Promise<{ dataDir: string; movedAside: string | null; documents: number; originals: number }> {
  if (config.db.kind === 'postgres') {
    throw new BackupError(
      'DATABASE_URL is set: restore the PostgreSQL server with pg_restore, or copy an embedded backup into it with --to-postgres (see README, "Backups").',
      2,
    );
  }
  const source = path.resolve(file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupError(`No backup file at ${source}.`);
  const dataDir = config.db.dataDir;
  const notEmpty = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
  if (notEmpty && !opts.force) {
    throw new BackupError(`${dataDir} is not empty: refusing to overwrite it. Restore into a fresh DATA_DIR, or pass --force to move the current store aside.`);
  }
  const lock = lockStore(dataDir, 'restore');
  let movedAside: string | null = null;
  try {
    const { dump, originals } = unpack(fs.readFileSync(source));
    if (notEmpty) {
      movedAside = `${dataDir}.before-restore-${Date.now()}`;
      fs.renameSync(dataDir, movedAside);
    }
    fs.mkdirSync(dataDir, { recursive: true });
    let documents: number;
    try {
      const pg = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([new Uint8Array(dump)]) });
      try {
        ({ documents } = await countRows(pg));
      } finally {
        await pg.close();
      }
    } catch (err) {
      // A bad archive leaves things as they were.
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (movedAside) fs.renameSync(movedAside, dataDir);
      movedAside = null;
      throw err instanceof BackupError ? err : new BackupError(`Not a usable backup (${(err as Error).message.split('\n')[0]}).`);
    }
    // Originals are named by their content's hash: one already there is the same file.
    const dir = path.join(config.dataDir, ORIGINALS);
    fs.mkdirSync(dir, { recursive: true });
    for (const o of originals) {
      const target = path.join(dir, o.sha);
      if (!fs.existsSync(target)) fs.writeFileSync(target, o.data, { mode: 0o600 });
    }
    return { dataDir, movedAside, documents, originals: originals.length };
  } finally {
    lock.release();
  }
}

/**
 * The documented path from the embedded store to a PostgreSQL server (DATABASE_URL): the
 * backup's database is opened in memory, brought to the current schema, and every row copied
 * into the server in one transaction (store/copy.ts); its originals go to DATA_DIR/originals.
 * A server that already holds documents or conversations is refused unless `force`.
 */
export async function restoreToPostgres(
  config: Config,
  file: string,
  opts: { force?: boolean } = {},
): Promise<{ copied: Record<string, number>; originals: number }> {
  if (config.db.kind !== 'postgres') throw new BackupError('--to-postgres needs DATABASE_URL (the PostgreSQL server to fill).', 2);
  const sourceFile = path.resolve(file);
  if (!fs.existsSync(sourceFile) || !fs.statSync(sourceFile).isFile()) throw new BackupError(`No backup file at ${sourceFile}.`);
  const { dump, originals } = unpack(fs.readFileSync(sourceFile));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([new Uint8Array(dump)]) });
  } catch (err) {
    throw new BackupError(`Not a usable backup (${(err as Error).message.split('\n')[0]}).`);
  }
  const source = wrapPglite(pglite);
  let target: Db | undefined;
  try {
    // An older backup is brought to this version's schema first: both sides then match.
    await migrate(source);
    target = await openDb(config.db);
    const held = (await target.query<{ n: number }>('select (select count(*) from documents) + (select count(*) from conversations) as n')).rows[0]!;
    if (Number(held.n) > 0 && !opts.force) {
      throw new BackupError(
        'The PostgreSQL server already holds documents or conversations: refusing to replace them. Pass --force to replace everything in it.',
      );
    }
    const copied = await copyStore(source, target);
    const dir = path.join(config.dataDir, ORIGINALS);
    fs.mkdirSync(dir, { recursive: true });
    for (const o of originals) {
      const t = path.join(dir, o.sha);
      if (!fs.existsSync(t)) fs.writeFileSync(t, o.data, { mode: 0o600 });
    }
    return { copied, originals: originals.length };
  } finally {
    await target?.close().catch(() => undefined);
    await source.close().catch(() => undefined);
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, 'to-postgres': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new BackupError('Usage: npm run restore -- BACKUP.tar.gz [--force] [--to-postgres]', 2);
  if (values['to-postgres']) {
    const r = await restoreToPostgres(loadConfig(), positionals[0]!, { force: values.force });
    const c = r.copied;
    console.log(
      `Copied into the PostgreSQL server: ${c.documents ?? 0} documents, ${c.chunks ?? 0} chunks, ${c.conversations ?? 0} conversations, ${c.users ?? 0} officials; ${r.originals} original files.`,
    );
    return;
  }
  const r = await restore(loadConfig(), positionals[0]!, { force: values.force });
  console.log(
    `Restored into ${r.dataDir}: ${r.documents} documents, ${r.originals} original files.${r.movedAside ? ` The previous store is in ${r.movedAside}.` : ''}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/restore.ts')) {
  main().catch((err) => {
    console.error(err instanceof BackupError || err instanceof ConfigError ? err.message : `Restore failed: ${(err as Error).message}`);
    process.exit(err instanceof BackupError ? err.exitCode : err instanceof ConfigError ? 2 : 1);
  });
}

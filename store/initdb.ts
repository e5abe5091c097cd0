import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const CHILD = fileURLToPath(new URL('./initdb-child.mjs', import.meta.url));

/**
 * Creates a new embedded store's data directory in a child process, when it has none yet.
 *
 * PGlite's initdb runs a second Postgres and initdb itself, each a WASM instance, and builds the
 * files in memory before writing them out: about 800 MB resident at its peak, and 110–200 MB of
 * it stayed with the process afterwards (freed but not given back to the system). Done here, a
 * first start or a first `npm run ingest` keeps its own memory to what serving or ingesting
 * needs. The directory is built beside its place and renamed into it, so a killed initdb never
 * leaves a half-made store. Returns false when it did nothing (a store is there, or the place is
 * not empty): PGlite then opens or initialises the directory itself, as before.
 */
export async function initdbInChild(dataDir: string): Promise<boolean> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) return false;
  const tmp = `${dataDir.replace(/[\\/]+$/, '')}.initdb-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await promisify(execFile)(process.execPath, [CHILD, tmp], { maxBuffer: 1024 * 1024 });
    if (!fs.existsSync(path.join(tmp, 'PG_VERSION'))) throw new Error('initdb left no PG_VERSION');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.renameSync(tmp, dataDir);
    return true;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

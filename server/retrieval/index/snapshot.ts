import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { Queryable } from '../../../store/db.js';
import { buildCorpusIndexInWorker } from './build-in-worker.js';
import { buildCorpusIndex, readCorpusFingerprint, readCorpusRows, type CorpusFingerprint, type CorpusIndex, type CorpusRows } from './corpus-index.js';
import { fromMessage, toMessage, type IndexMessage } from './transfer.js';

/**
 * The last built search index, kept in a file in DATA_DIR so that a restart does not build it
 * again: building is most of a start on an indexed store (~4–5 s of CPU for the bundled library:
 * BM25 postings, pair readings, the meaning space's SVD), reading it back ~0.2 s.
 *
 * An index is a pure function of the rows it is built from and of the code that builds it, so
 * the file is keyed by a hash of both: the rows are always read from the database (the truth),
 * and a file made from other rows (another version, a restored or replaced database) or by other
 * code (an upgrade, a changed vocabulary) is never used, only replaced. Nothing here can make a
 * search differ from a fresh build.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The code an index depends on besides its rows: retrieval (with its data files) and the text folding. */
const CODE_DIRS = ['server/retrieval', 'ingest/text'];
/**
 * Writing serialises the whole index into one buffer (~12 KB per chunk): above this many chunks
 * (about four times the bundled library) that transient buffer would weigh on the server's
 * memory, and the index is built at start as before.
 */
export const MAX_SNAPSHOT_CHUNKS = 5_000;
const FORMAT = 'hieu-luat-search-index-1';

let code: string | null | undefined;

/** Hash of the index-building code, read once per process; null (no snapshots) if it cannot be read. */
function codeHash(): string | null {
  if (code !== undefined) return code;
  try {
    const h = crypto.createHash('sha256').update(`${FORMAT}\0${process.version}\0`);
    const walk = (rel: string) => {
      const entries = fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const r = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else if (e.isFile())
          h.update(`${r}\0`)
            .update(fs.readFileSync(path.join(ROOT, r)))
            .update('\0');
      }
    };
    for (const d of CODE_DIRS) walk(d);
    code = h.digest('hex');
  } catch {
    code = null;
  }
  return code;
}

/** What a snapshot must have been made from: the code, the corpus version and every row (as Postgres digests them). */
export function snapshotKey(fp: CorpusFingerprint): string | null {
  const c = codeHash();
  if (!c || fp.digest === null) return null;
  return crypto.createHash('sha256').update(`${c}\0${fp.version}\0${fp.chunks}\0${fp.digest}`).digest('hex');
}

/** The index kept in `file` if it was made from exactly these rows by this code; null otherwise. */
export function readSnapshot(file: string, key: string): CorpusIndex | null {
  try {
    const buf = fs.readFileSync(file);
    const head = Buffer.from(`${key}\n`);
    if (buf.length <= head.length || !buf.subarray(0, head.length).equals(head)) return null;
    return fromMessage(v8.deserialize(buf.subarray(head.length)) as IndexMessage);
  } catch {
    // Missing, unreadable or damaged: built from the rows instead.
    return null;
  }
}

/** Replaces the snapshot in one rename, so a reader never sees half a file. Best effort. */
export async function writeSnapshot(file: string, key: string, idx: CorpusIndex): Promise<void> {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const body = v8.serialize(toMessage(idx).message);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(tmp, [Buffer.from(`${key}\n`), body]);
    await fs.promises.rename(tmp, file);
  } catch {
    // A full or read-only disk costs the next start a build, nothing more.
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/**
 * The index holder's two ways of making an index (index/holder.ts), each through the snapshot:
 * the first on this thread, later ones in a worker; either kept in `file` once built.
 */
export function snapshotBuilds(file: string): { load(db: Queryable): Promise<CorpusIndex>; rebuild(db: Queryable): Promise<CorpusIndex> } {
  removeStaleWrites(file);
  const via = (build: (rows: CorpusRows) => Promise<CorpusIndex>) => async (db: Queryable) => {
    const t0 = performance.now();
    // Whether the kept index fits is decided from Postgres' digest of the rows; the rows
    // themselves are read only when an index has to be built.
    const fp = await readCorpusFingerprint(db, MAX_SNAPSHOT_CHUNKS);
    const key = snapshotKey(fp);
    const kept = key ? readSnapshot(file, key) : null;
    if (kept) return { ...kept, builtMs: performance.now() - t0 };
    const idx = await build(await readCorpusRows(db, fp.version));
    // Kept only if nothing changed while the rows were read: the key must describe what was built.
    if (key && snapshotKey(await readCorpusFingerprint(db, MAX_SNAPSHOT_CHUNKS)) === key) void writeSnapshot(file, key, idx);
    return idx;
  };
  return {
    load: via(async (rows) => buildCorpusIndex(rows)),
    rebuild: via((rows) => buildCorpusIndexInWorker(rows).catch(() => buildCorpusIndex(rows))),
  };
}

/**
 * A write cut short (the process killed between writing and renaming) leaves its temporary file;
 * at start nobody else writes the snapshot (an embedded store is opened by one process), so any
 * left beside it is removed rather than accumulating ~13 MB per crash.
 */
function removeStaleWrites(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
}

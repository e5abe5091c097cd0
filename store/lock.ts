import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One writer per embedded store. PGlite is a single-process database: two processes that open
 * the same directory each keep their own copy of the pages in memory and overwrite each other's
 * writes (a second `npm start`, or `npm run ingest` beside a running server, corrupted the store).
 * PGlite's own postmaster.pid is no guard: it does not refuse a second opener.
 *
 * The lock is a file beside the data directory (`DATA_DIR/pglite.lock`), created with O_EXCL and
 * naming its holder (pid, host, process start time, role, port). A holder is alive when its pid
 * exists on this host with the same start time (a recycled pid after a reboot is not a holder);
 * a dead holder's lock is taken over safely: renamed away first, so of two processes recovering
 * at once only one wins. A lock from another host (shared storage) cannot be checked and is
 * treated as held.
 */

export interface LockHolder {
  pid: number;
  host: string;
  /** Process start time from /proc (clock ticks since boot), null where /proc is missing. */
  startTime: string | null;
  role: string;
  /** The HTTP port of a running server, so `npm run ingest` can hand files to it. */
  port?: number;
  startedAt: string;
  token: string;
}

export class StoreLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(describeHolder(lockPath, holder));
    this.name = 'StoreLockedError';
  }
}

export function describeHolder(lockPath: string, holder: LockHolder | null): string {
  if (!holder) return `The embedded database is in use (lock ${lockPath}): stop the server first.`;
  const who = holder.role === 'server' ? `a running server${holder.port ? ` on port ${holder.port}` : ''}` : `\`${holder.role}\``;
  const where = holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
  return `The embedded database is in use by ${who} (${where}, lock ${lockPath}): stop the server first.`;
}

export const lockPathFor = (pgliteDir: string) => `${pgliteDir.replace(/[\\/]+$/, '')}.lock`;

function procStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the parenthesised command name, which may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the holder is (or may be) running; false only when it is provably gone. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  if (!pidExists(holder.pid)) return false;
  if (holder.startTime) {
    const now = procStartTime(holder.pid);
    if (now !== null && now !== holder.startTime) return false;
  }
  return true;
}

export function readLock(lockPath: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** The live holder of the store's lock, or null when nobody (alive) holds it. */
export function currentHolder(pgliteDir: string): LockHolder | null {
  const lockPath = lockPathFor(pgliteDir);
  if (!fs.existsSync(lockPath)) return null;
  const h = readLock(lockPath);
  if (!h) return recentlyWritten(lockPath) ? { pid: -1, host: os.hostname(), startTime: null, role: 'unknown', startedAt: '', token: '' } : null;
  return holderAlive(h) ? h : null;
}

/** A lock file still empty or half-written by a process creating it this instant. */
function recentlyWritten(lockPath: string): boolean {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

export interface StoreLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Records facts about the holder (the server's port) for other processes to read. */
  annotate(extra: Partial<Pick<LockHolder, 'port' | 'role'>>): void;
  release(): void;
}

const held = new Map<string, StoreLock>();
let exitHookInstalled = false;

/**
 * Takes the store's lock or throws StoreLockedError. A lock left by a process that died
 * (kill -9, power loss) is recovered here, without any flag.
 */
export function acquireStoreLock(pgliteDir: string, role: string): StoreLock {
  const lockPath = lockPathFor(pgliteDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startTime: procStartTime(process.pid),
    role,
    startedAt: new Date().toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
  };
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(holder));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return register(lockPath, holder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const existing = readLock(lockPath);
    if (existing ? holderAlive(existing) : recentlyWritten(lockPath)) throw new StoreLockedError(lockPath, existing);
    // Provably dead (or an unreadable file older than any write): move it aside, then retry.
    // rename is atomic: of two processes recovering together, the second gets ENOENT and retries.
    const aside = `${lockPath}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(lockPath, aside);
      fs.rmSync(aside, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new StoreLockedError(lockPath, readLock(lockPath));
}

function register(lockPath: string, holder: LockHolder): StoreLock {
  const lock: StoreLock = {
    path: lockPath,
    holder,
    annotate(extra) {
      if (readLock(lockPath)?.token !== holder.token) return;
      Object.assign(holder, extra);
      // Write beside, then rename: a reader never sees a half-written lock.
      const tmp = `${lockPath}.${holder.token}`;
      fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
      fs.renameSync(tmp, lockPath);
    },
    release() {
      held.delete(lockPath);
      // Only our own lock: never remove one another process took over.
      if (readLock(lockPath)?.token === holder.token) fs.rmSync(lockPath, { force: true });
    },
  };
  held.set(lockPath, lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A normal exit (process.exit, end of a CLI) lets the next process in at once; kill -9
    // leaves the file, which the next acquire recovers by the liveness check.
    process.on('exit', () => {
      for (const l of [...held.values()]) l.release();
    });
  }
  return lock;
}

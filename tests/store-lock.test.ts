import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireStoreLock, currentHolder, lockPathFor, readLock, StoreLockedError, type LockHolder } from '../store/lock.js';
import { openPglite } from '../store/pglite.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-lock-'));
  dirs.push(d);
  return path.join(d, 'pglite');
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has exited: provably not a holder. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const writeLock = (dir: string, h: Partial<LockHolder>) =>
  fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: 1, host: os.hostname(), startTime: null, role: 'server', startedAt: '', token: 'x', ...h }));

describe('one writer per embedded store (store/lock.ts)', () => {
  it('a second opener in the same or another process is refused while the first holds the store', async () => {
    const dir = tmp();
    const db = await openPglite(dir, 'server');
    try {
      expect(readLock(lockPathFor(dir))).toMatchObject({ pid: process.pid, role: 'server' });
      await expect(openPglite(dir, 'ingest')).rejects.toBeInstanceOf(StoreLockedError);
      // Another process: PGlite itself would have opened the directory a second time.
      const other = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${path.resolve('store/pglite.ts')}').then(m => m.openPglite(${JSON.stringify(dir)}, 'ingest')).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(7); })`,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(other.status, other.stderr).toBe(7);
      expect(other.stderr).toMatch(new RegExp(`in use by a running server \\(pid ${process.pid}.*stop the server first`));
    } finally {
      await db.close();
    }
    // Closed: the lock is gone and the next opener gets in.
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    const again = await openPglite(dir, 'ingest');
    await again.close();
  });

  it('recovers a lock whose holder died (kill -9) or whose pid now belongs to another process', () => {
    const dir = tmp();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    writeLock(dir, { pid: deadPid() });
    expect(currentHolder(dir)).toBeNull();
    acquireStoreLock(dir, 'backup').release();
    // Our own pid but another start time: the pid was recycled after a reboot.
    writeLock(dir, { pid: process.pid, startTime: '1' });
    const lock = acquireStoreLock(dir, 'backup');
    expect(readLock(lock.path)?.token).toBe(lock.holder.token);
    lock.release();
  });

  it('treats a live holder, a holder on another host and a half-written lock as held', () => {
    const dir = tmp();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    writeLock(dir, { pid: process.ppid, startTime: null });
    expect(() => acquireStoreLock(dir, 'ingest')).toThrow(StoreLockedError);
    writeLock(dir, { pid: deadPid(), host: 'may-chu-khac' });
    expect(() => acquireStoreLock(dir, 'ingest')).toThrow(/on host may-chu-khac/);
    fs.writeFileSync(lockPathFor(dir), '');
    expect(() => acquireStoreLock(dir, 'ingest')).toThrow(StoreLockedError);
    // Old and unreadable: nobody is writing it any more.
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPathFor(dir), old, old);
    acquireStoreLock(dir, 'ingest').release();
  });

  it('release never removes a lock another process took over', () => {
    const dir = tmp();
    const lock = acquireStoreLock(dir, 'server');
    writeLock(dir, { pid: process.ppid, token: 'someone-else' });
    lock.release();
    expect(readLock(lockPathFor(dir))?.token).toBe('someone-else');
  });
});

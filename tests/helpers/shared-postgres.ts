import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { vector } from '@electric-sql/pglite-pgvector';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface SharedDatabase {
  url: string;
  kind: 'postgresql' | 'pglite-socket';
  /** Why the real server was not used, when it was not. */
  note?: string;
  stop(): Promise<void>;
}

/** The newest PostgreSQL from Debian's packages that has pgvector installed, or null. */
function findPostgres(): { bin: string; major: string } | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  for (const major of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(base, major, 'bin');
    const share = `/usr/share/postgresql/${major}/extension`;
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(share, 'vector.control')) && fs.existsSync(path.join(share, 'unaccent.control'))) {
      return { bin, major };
    }
  }
  return null;
}

/**
 * A throwaway PostgreSQL cluster with pgvector (Debian's server, pgvector built by
 * scripts/install-postgres.sh) on a random loopback port, in a temp dir, run as the `postgres`
 * user when we are root. Without it, one PGlite served over the wire protocol stands in; see
 * the limitation in tests/multi-instance.test.ts.
 */
export async function startSharedDatabase(): Promise<SharedDatabase> {
  if (process.env.TEST_SHARED_DB === 'pglite-socket') return startPgliteSocket('TEST_SHARED_DB=pglite-socket');
  const found = findPostgres();
  if (found) {
    try {
      return await startCluster(found.bin);
    } catch (err) {
      return startPgliteSocket(`PostgreSQL ${found.major} did not start (${(err as Error).message.split('\n')[0]})`);
    }
  }
  return startPgliteSocket('no PostgreSQL with pgvector installed (bash scripts/install-postgres.sh)');
}

async function startCluster(bin: string): Promise<SharedDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`,
    'start',
  ]);
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database hieuluat');
    await admin.end();
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/hieuluat`, kind: 'postgresql', stop };
}

async function startPgliteSocket(note: string): Promise<SharedDatabase> {
  const db = await PGlite.create({ extensions: { vector, unaccent, pg_trgm } });
  const server = new PGLiteSocketServer({ db, port: await freePort(), host: '127.0.0.1', maxConnections: 40 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    kind: 'pglite-socket',
    note,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** `server/main.ts` in its own process (what `npm start` runs), resolved once /api/health answers. */
export async function startServerProcess(root: string, env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: os.tmpdir(), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => (out = (out + b).slice(-8000)));
  child.stderr!.on('data', (b) => (out = (out + b).slice(-8000)));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}:\n${out}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not ready within ${timeoutMs / 1000} s:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => out, stop };
}

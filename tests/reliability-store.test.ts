import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor, readLock } from '../store/lock.js';
import { startServerProcess, type ServerProcess } from './helpers/shared-postgres.js';
import { RURAL_LAW } from './fixtures/rural-law.js';

/**
 * Recovery drills with real processes on one embedded store: a second server, `npm run ingest`
 * and backup/restore beside a running server, and kill -9. Each used to corrupt or lose data.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = { ADMIN_EMAIL: 'quantri@hoiphunu.vn', ADMIN_PASSWORD: 'mat-khau-quan-tri-123' };
let dir: string;
let dataDir: string;
let server: ServerProcess;
const env = () => ({ DATA_DIR: dataDir, AUTO_INGEST: 'false', RATE_LIMIT_CHAT: '0', RATE_LIMIT_SEARCH: '0', ...ADMIN });

function run(script: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      AUTO_INGEST: 'false',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const documents = async (url: string) =>
  ((await (await fetch(`${url}/api/documents`)).json()) as { documents: { number: string }[] }).documents.map((d) => d.number);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-store-'));
  dataDir = path.join(dir, 'data');
  fs.writeFileSync(path.join(dir, 'luat-nong-thon.txt'), RURAL_LAW);
  fs.writeFileSync(path.join(dir, 'luat-hoc-nghe.txt'), RURAL_LAW.replace('77/2030/QH15', '78/2030/QH15'));
  server = await startServerProcess(ROOT, env());
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('one writer per embedded store, with real processes', () => {
  it('the running server holds the lock and names its port; a second server refuses to start with one line', async () => {
    const holder = readLock(lockPathFor(path.join(dataDir, 'pglite')));
    expect(holder).toMatchObject({ pid: server.child.pid, role: 'server', port: Number(new URL(server.url).port) });
    const second = await run('server/main.ts', [], env());
    expect(second.code).toBe(5);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Not started: .*in use by a running server on port \d+ \(pid \d+/);
  });

  it('npm run ingest beside the server refuses with how-to when it has no credentials, and never opens the store', async () => {
    const r = await run('ingest/cli.ts', [path.join(dir, 'luat-nong-thon.txt')]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/in use by a running server .*HIEU_LUAT_TOKEN .*stop the server first/);
    expect(await documents(server.url)).toEqual([]);
  });

  it('with credentials it hands the files to the server, which searches them at once', async () => {
    const r = await run('ingest/cli.ts', [path.join(dir, 'luat-nong-thon.txt')], ADMIN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^added +\S+luat-nong-thon\.txt: .* — 3 điều, .*by the running server/m);
    expect(await documents(server.url)).toEqual(['77/2030/QH15']);
    // Indexed before the next question: search finds the new law's article.
    const search = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('phụ nữ nông thôn vay vốn ưu đãi')}`)).json()) as {
      results: { article: string }[];
    };
    expect(search.results[0]?.article, JSON.stringify(search)).toBe('2');
  });

  it('backup and restore --force are refused beside the server', async () => {
    const b = await run('scripts/backup.ts', ['--force']);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/in use by a running server .*stop the server first/);
    const r = await run('scripts/restore.ts', [path.join(dir, 'any.tar.gz'), '--force']);
    expect(r.code).toBe(1);
    expect(fs.existsSync(lockPathFor(path.join(dataDir, 'pglite')))).toBe(true);
  });

  it('after kill -9 the stale lock is recovered: backup runs without --force and the server starts with every write', async () => {
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    expect(fs.existsSync(lockPathFor(path.join(dataDir, 'pglite')))).toBe(true);
    const b = await run('scripts/backup.ts', []);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Backup written: .* 1 documents, 1 original files/);
    server = await startServerProcess(ROOT, env());
    expect(await documents(server.url)).toEqual(['77/2030/QH15']);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface BenchServer {
  pid: number;
  url: string;
  /** Seconds from spawn to the first chat answer. */
  startSeconds: number;
  /** Current and peak resident set size of the server process, MB (Linux /proc). */
  rssMb(): { rss: number; peak: number };
  stop(): Promise<void>;
}

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

/**
 * Starts `server/main.ts` in its own Node process (so its latency and memory are its own, not
 * shared with the load generator), listening on loopback only, offline unless `env` says
 * otherwise, rate limits off. Resolves once it has answered a first chat question.
 */
export async function startServer(opts: { dataDir: string; corpusDir: string; env?: Record<string, string>; timeoutMs?: number }): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A clean environment: an API key in the caller's shell must not switch the bench to a provider.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: opts.dataDir,
    CORPUS_DIR: opts.corpusDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_CHAT: '0',
    RATE_LIMIT_SEARCH: '0',
    ...opts.env,
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (b: Buffer) => {
    tail.push(b.toString('utf8'));
    if (tail.length > 40) tail.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));

  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  for (;;) {
    if (exited !== null) throw new Error(`server exited with code ${exited} during start-up:\n${tail.join('').slice(-2000)}`);
    if (Date.now() > deadline) {
      await kill(child);
      throw new Error(`server did not answer within ${(opts.timeoutMs ?? 300_000) / 1000} s`);
    }
    try {
      const res = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'thủ tục ly hôn thuận tình' }),
      });
      if (res.ok) {
        await res.arrayBuffer();
        break;
      }
      throw new Error(`first chat answer: HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    } catch (err) {
      if ((err as Error).message.startsWith('first chat answer')) {
        await kill(child);
        throw err;
      }
      await sleep(25);
    }
  }
  const startSeconds = (performance.now() - t0) / 1000;
  return {
    pid: child.pid!,
    url,
    startSeconds,
    rssMb: () => procRss(child.pid!),
    stop: () => kill(child),
  };
}

/** SIGTERM (the server closes its store cleanly), SIGKILL if it lingers. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

export function procRss(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: Math.round(kb('VmRSS') / 102.4) / 10, peak: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

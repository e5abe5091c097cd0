import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, STAMP, WEB_DIR } from './web-paths.js';

/**
 * `npm start` runs this first: build web/dist only when it is missing or older than any
 * source under web/ (web/zalo/ is its own workspace and is not part of this build), so a
 * fresh clone serves the UI with two commands and a restart costs nothing.
 */
const SKIP = new Set(['dist', 'zalo', 'node_modules']);

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || (dir === WEB_DIR && SKIP.has(e.name))) continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The builder, or null where devDependencies are not installed (vite is imported only here). */
async function loadBuilder(): Promise<(() => Promise<void>) | null> {
  try {
    return (await import('./build-web.js')).buildWeb;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  }
}

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  const script = Math.max(...['build-web.ts', 'pwa.ts'].map((f) => fs.statSync(path.join(import.meta.dirname, f)).mtimeMs));
  return Math.max(newestSource(WEB_DIR), script) > built;
}

/**
 * Builds when stale. Several processes may ask at once (parallel test files, replicas
 * sharing a checkout): a lock directory lets one build while the others wait for it.
 */
export async function ensureWebBuild(opts: { timeoutMs?: number } = {}): Promise<'built' | 'fresh'> {
  if (!webBuildIsStale()) return 'fresh';
  const lock = path.join(WEB_DIR, '.build-lock');
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a build that died.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // The lock went away between the two calls: try again.
      }
      if (Date.now() > deadline) throw new Error('Timed out waiting for another web build to finish');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!webBuildIsStale()) return 'fresh';
    const buildWeb = await loadBuilder();
    if (!buildWeb) {
      // A production install (npm ci --omit=dev) has no vite: serve the build it came with.
      if (fs.existsSync(STAMP)) return 'fresh';
      throw new Error('web/dist chưa có và không có công cụ build (vite). Chạy `npm ci && npm run build` trước, rồi mới `npm prune --omit=dev`.');
    }
    await buildWeb();
    return 'built';
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const started = Date.now();
  ensureWebBuild().then(
    (r) => {
      if (r === 'built') process.stderr.write(`Giao diện web đã được build vào ${path.relative(process.cwd(), DIST_DIR)} (${Date.now() - started} ms)\n`);
    },
    (err: Error) => {
      process.stderr.write(`Build web thất bại: ${err.message}\n`);
      process.exit(1);
    },
  );
}

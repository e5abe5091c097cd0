import path from 'node:path';

/**
 * Where the web build lives, without importing the build tool: `npm start` reads these on a
 * production install (`npm ci --omit=dev`), where vite is not there.
 */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const DIST_DIR = path.join(WEB_DIR, 'dist');
/** Written last: its mtime says when a complete build finished. */
export const STAMP = path.join(DIST_DIR, '.build-stamp');

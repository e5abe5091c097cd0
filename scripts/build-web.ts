import fs from 'node:fs';
import path from 'node:path';
import { build, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds web/ into web/dist: the chat (/), the officials' console (/admin) and the compact
 * chat for frames (/embed) as one multi-page app, then the widget loader (/widget.js) as a
 * single self-contained script. Everything is bundled: the pages must work with no CDN.
 */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const DIST_DIR = path.join(WEB_DIR, 'dist');
/** Written last: its mtime says when a complete build finished. */
export const STAMP = path.join(DIST_DIR, '.build-stamp');

function pages(): InlineConfig {
  return {
    configFile: false,
    root: WEB_DIR,
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    publicDir: path.join(WEB_DIR, 'public'),
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      // Phones of 2019 (Android 8 WebView, iOS 12 Safari) are common among members.
      target: ['es2019', 'safari12', 'chrome70'],
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: {
          main: path.join(WEB_DIR, 'index.html'),
          admin: path.join(WEB_DIR, 'admin.html'),
          embed: path.join(WEB_DIR, 'embed.html'),
        },
      },
    },
  };
}

function widget(): InlineConfig {
  return {
    configFile: false,
    root: WEB_DIR,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: DIST_DIR,
      emptyOutDir: false,
      target: ['es2019', 'safari12', 'chrome70'],
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: path.join(WEB_DIR, 'widget', 'widget.ts'), formats: ['iife'], name: 'HieuLuatWidget', fileName: () => 'widget.js' },
    },
  };
}

export async function buildWeb(): Promise<void> {
  fs.rmSync(STAMP, { force: true });
  await build(pages());
  await build(widget());
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const started = Date.now();
  buildWeb().then(
    () => process.stderr.write(`Giao diện web đã được build vào web/dist (${Date.now() - started} ms)\n`),
    (err: Error) => {
      process.stderr.write(`Build web thất bại: ${err.message}\n`);
      process.exit(1);
    },
  );
}

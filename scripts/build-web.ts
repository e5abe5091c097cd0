import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { build, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pwaPlugins } from './pwa.js';
import { DIST_DIR, STAMP, WEB_DIR } from './web-paths.js';

/**
 * Builds web/ into web/dist: the chat (/), the officials' console (/admin) and the compact
 * chat for frames (/embed) as one multi-page app, then the widget loader (/widget.js) as a
 * single self-contained script. Everything is bundled: the pages must work with no CDN.
 * The chat is also an installable app with a service worker (scripts/pwa.ts).
 */
export { ROOT, WEB_DIR, DIST_DIR, STAMP } from './web-paths.js';

function pages(): InlineConfig {
  return {
    configFile: false,
    root: WEB_DIR,
    base: '/',
    logLevel: 'warn',
    plugins: [react(), ...pwaPlugins(WEB_DIR)],
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

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|webmanifest)$/;

/**
 * Writes NAME.br (brotli, best quality) and NAME.gz (gzip -9) beside every script, style and
 * image over 1 KB in `dir`, once at build time, for the server to send as they are
 * (@fastify/static preCompressed). Compression that does not save 10% is not kept.
 */
export async function precompress(dir: string): Promise<{ files: number; bytes: number; brotli: number }> {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (COMPRESSIBLE.test(e.name)) {
        const raw = fs.readFileSync(p);
        if (raw.length < 1024) continue;
        const [br, gz] = await Promise.all([
          brotli(raw, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          }),
          gzip(raw, { level: 9 }),
        ]);
        if (br.length < raw.length * 0.9) fs.writeFileSync(`${p}.br`, br);
        if (gz.length < raw.length * 0.9) fs.writeFileSync(`${p}.gz`, gz);
        files++;
        bytes += raw.length;
        brotliBytes += Math.min(br.length, raw.length);
      }
    }
  };
  await walk(dir);
  return { files, bytes, brotli: brotliBytes };
}

export async function buildWeb(): Promise<void> {
  fs.rmSync(STAMP, { force: true });
  await build(pages());
  await build(widget());
  await precompress(DIST_DIR);
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

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import zaloMiniApp from 'zmp-vite-plugin';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the Hiểu Luật API lives, fixed at build time: VITE_API_BASE (or HIEU_LUAT_API), e.g.
 * https://hieuluat.hoiphunu-thanhhoa.vn. Empty means the page's own origin, which is what the
 * local tests use. Zalo serves the Mini App from https://h5.zdn.vn, so a real build needs an
 * absolute HTTPS address, whitelisted in the app's settings on mini.zalo.me.
 */
function apiBase(): string {
  const raw = (process.env.VITE_API_BASE ?? process.env.HIEU_LUAT_API ?? '').trim();
  if (!raw) return '';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`VITE_API_BASE không phải địa chỉ hợp lệ: ${raw}`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(local && u.protocol === 'http:')) {
    throw new Error(`VITE_API_BASE phải là địa chỉ HTTPS (Zalo chỉ gọi được tên miền HTTPS đã khai báo): ${raw}`);
  }
  if (u.search || u.hash || u.username) throw new Error(`VITE_API_BASE chỉ gồm giao thức, tên miền và đường dẫn gốc: ${raw}`);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

// The plugin reads ./app-config.json from the working directory; passing it makes the build
// independent of where it is started from (npm run build:zalo at the repository root).
const appConfig = JSON.parse(fs.readFileSync(path.join(here, 'app-config.json'), 'utf8'));

const API_BASE = apiBase();

export default defineConfig({
  root: here,
  plugins: [
    react(),
    zaloMiniApp(appConfig),
    {
      // zmp-ui's stylesheet loads its icon font from Zalo's CDN (h5.zadn.vn). The Mini App draws
      // its own SVG icons (src/icons.tsx) and uses no zmp-ui Icon, so the rule is dropped: our
      // pages ask nothing of Zalo's servers beyond what the Zalo runtime itself requires.
      name: 'hieu-luat-no-remote-icon-font',
      enforce: 'pre',
      transform(code, id) {
        if (!/zmp-ui\/.*\.css(\?|$)/.test(id)) return null;
        return code.replace(/@font-face\s*\{[^}]*zaui-icons[^}]*\}/g, '');
      },
    },
    {
      // Which API this bundle talks to, readable without unpacking the JS (and checked by the e2e test).
      name: 'hieu-luat-build-info',
      writeBundle(options) {
        fs.writeFileSync(
          path.join(options.dir ?? path.join(here, 'www'), 'build-info.json'),
          `${JSON.stringify({ apiBase: API_BASE || '(same origin)', builtAt: new Date().toISOString() })}\n`,
        );
      },
    },
  ],
  define: {
    __API_BASE__: JSON.stringify(API_BASE),
  },
  resolve: {
    // web/shared and the reused web/src modules sit outside this package and would otherwise
    // pick up the repository root's React 19; zmp-ui is built for React 18, so one copy: ours.
    dedupe: ['react', 'react-dom'],
  },
  server: { fs: { allow: [path.resolve(here, '..')] } },
  build: {
    // ZALO_OUT_DIR: a second build beside the usual one (the cross-origin test builds one for its own API address).
    outDir: process.env.ZALO_OUT_DIR ? path.resolve(process.env.ZALO_OUT_DIR) : path.join(here, 'www'),
    emptyOutDir: true,
    // Zalo runs on the phone's WebView: Android 8 / iOS 12 phones are still common among members.
    target: ['es2019', 'safari12', 'chrome70'],
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});

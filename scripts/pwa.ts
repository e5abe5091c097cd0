import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The members' chat as an installable app that still helps without a network (issue 18, item 4):
 * a web app manifest, PNG icons drawn from web/public/favicon.svg at build time (no binary in the
 * repository), and a Workbox service worker (vite-plugin-pwa, generateSW) that precaches the chat's
 * shell — the page at `/`, its scripts, styles and icons — so the emergency screen and the
 * conversation she kept open on a phone with no signal. What it deliberately leaves alone:
 *   - the officials' console and the widget's frame (not precached: members' data is expensive);
 *   - every POST (questions wait in the page's own queue, web/src/chat/queue.ts) and every answer:
 *     her words are never in a service-worker cache. The emergency numbers and the welcome, the
 *     same for everyone, are kept (network first) so the configured hotline shows offline.
 * Quick exit deletes every cache and unregisters the worker (web/src/chat/offline.ts).
 */

export const THEME = '#6b1d52';
const BACKGROUND = '#fdf7fa';

/** Icon files the manifest names, written by pwaIcons() into web/dist/icons/. */
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  // Android crops "maskable" icons to a circle or squircle: the symbol sits in the middle 80 %.
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  // iOS ignores the manifest's icons and rounds the corners itself: a full square, like maskable.
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
] as const;

/** The favicon's symbol on a full-bleed square, shrunk into the maskable safe zone. */
export function maskableSvg(favicon: string): string {
  const inner = favicon
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/<rect[^>]*\/>/, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${THEME}"/>` +
    `<g transform="translate(6.4 6.4) scale(0.8)">${inner}</g></svg>`
  );
}

export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Emits the PNG icons into the bundle, so the service worker's precache list sees them. */
function pwaIcons(faviconPath: string): Plugin {
  return {
    name: 'hieu-luat:pwa-icons',
    apply: 'build',
    generateBundle() {
      const favicon = fs.readFileSync(faviconPath, 'utf8');
      for (const icon of ICONS) {
        this.emitFile({ type: 'asset', fileName: `icons/${icon.file}`, source: renderIcon(icon.maskable ? maskableSvg(favicon) : favicon, icon.size) });
      }
    },
  };
}

/** Only the members' chat is an app: the console and the widget's frame get no manifest link. */
function manifestOnlyOnChat(): Plugin {
  return {
    name: 'hieu-luat:manifest-only-on-chat',
    apply: 'build',
    // After vite-plugin-pwa's own (enforce: 'post') transform, which adds the link to every page.
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return path.basename(ctx.filename) === 'index.html' ? html : html.replace(/<link rel="manifest"[^>]*>/g, '');
      },
    },
  };
}

export function pwaPlugins(webDir: string): PluginOption[] {
  return [
    pwaIcons(path.join(webDir, 'public', 'favicon.svg')),
    VitePWA({
      strategies: 'generateSW',
      // Always the minified worker without Workbox's console logging, whatever NODE_ENV says (vitest sets "test").
      mode: 'production',
      // The page registers the worker itself (web/src/chat/offline.ts), only on the chat.
      injectRegister: false,
      registerType: 'autoUpdate',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: false,
      manifest: {
        name: 'Hiểu Luật — Hỏi đáp pháp luật cho phụ nữ',
        short_name: 'Hiểu Luật',
        description: 'Hỏi đáp pháp luật có trích dẫn điều luật, dành cho hội viên phụ nữ. Số điện thoại khẩn cấp dùng được cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        id: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: BACKGROUND,
        categories: ['education', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // A long press on the home-screen icon goes straight to the numbers.
        shortcuts: [{ name: 'Số điện thoại khẩn cấp', short_name: 'Khẩn cấp', url: '/#khan-cap', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] }],
      },
      workbox: {
        // The manifest is added by the plugin itself.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // The console, the frame page and their scripts are not needed offline by a member.
        globIgnores: ['admin.html', 'embed.html', 'assets/admin-*', 'assets/embed-*', 'widget.js', 'sw.js'],
        // The server serves the chat at `/`, never at /index.html.
        manifestTransforms: [async (entries) => ({ manifest: entries.map((e) => (e.url === 'index.html' ? { ...e, url: '/' } : e)), warnings: [] })],
        // Opening the chat with no signal: the precached page. Only `/`: /admin, /a/<id>, /docs, /api go to the network.
        navigateFallback: '/',
        navigateFallbackAllowlist: [/^\/$/],
        inlineWorkboxRuntime: true,
        sourcemap: false,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // The same for every member and needed most when offline: the configured hotline and the welcome.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname === '/api/emergency' || url.pathname === '/api/welcome'),
            handler: 'NetworkFirst',
            method: 'GET',
            options: { cacheName: 'hieuluat-public', networkTimeoutSeconds: 5, expiration: { maxEntries: 4 }, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
    manifestOnlyOnChat(),
  ];
}

import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { listAllowedOrigins } from '../origins/store.js';

/** Where `npm run build:web` writes the chat, the console, /embed and the widget. */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

export interface WebStaticOptions {
  /** A different build directory (tests). */
  root?: string;
}

/**
 * The built web UI: `/` (members' chat), `/admin` and `/admin/*` (officials' console),
 * `/embed` (the compact chat inside the widget's frame), `/widget.js` and hashed `/assets/*`;
 * for the installable chat, `/sw.js`, `/manifest.webmanifest` and `/icons/*.png`.
 * Only these paths are served, so unknown URLs (and every /api/* miss) still reach the JSON
 * 404 handler instead of an HTML fallback.
 */
const webStatic: FastifyPluginAsync<WebStaticOptions> = async (app, opts) => {
  const root = opts.root ?? WEB_DIST;

  // Hashed file names change with the content, so the browser may keep them for a year.
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    index: false,
    immutable: true,
    maxAge: '365d',
    wildcard: true,
    // The build writes .br and .gz beside each script and style (scripts/build-web.ts); the one
    // the browser accepts is sent as it is, so nothing is compressed per request. This reply
    // decorator also serves /widget.js and the pages, which fall back to the plain file.
    preCompressed: true,
  });

  const missingBuild = (reply: FastifyReply) =>
    reply
      .status(503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hiểu Luật</title>' +
          '<p>Giao diện web chưa được build. Chạy <code>npm run build:web</code> (hoặc <code>npm start</code>, tự build khi cần).</p></html>',
      );

  /** HTML entry points: never cached (they name the current hashed assets) and never framed except by `ancestors`. */
  const page = (file: string, reply: FastifyReply, ancestors: string) => {
    if (!fs.existsSync(path.join(root, file))) return missingBuild(reply);
    reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', contentSecurityPolicy(ancestors))
      // Leaving via "Thoát nhanh" must not tell the next site where she came from.
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff');
    // frame-ancestors decides framing; an X-Frame-Options set elsewhere would contradict it.
    reply.removeHeader('x-frame-options');
    return reply.sendFile(file, root, { cacheControl: false });
  };

  const hidden = { schema: { hide: true } };

  app.get('/', hidden, (_req, reply) => page('index.html', reply, "'self'"));
  app.get('/admin', hidden, (_req, reply) => page('admin.html', reply, "'none'"));
  app.get('/admin/*', hidden, (_req, reply) => page('admin.html', reply, "'none'"));

  app.get('/embed', hidden, async (_req, reply) => {
    const { db, config } = app.services;
    const origins = await allowedFrameOrigins(db, config);
    return page('embed.html', reply, ["'self'", ...origins].join(' '));
  });

  // The loader any allowed site includes with <script src=".../widget.js">: it must load cross-origin.
  app.get('/widget.js', hidden, (_req, reply) => {
    if (!fs.existsSync(path.join(root, 'widget.js'))) return reply.status(503).type('application/javascript').send('/* Hiểu Luật: widget chưa được build */');
    reply
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .type('application/javascript; charset=utf-8');
    return reply.sendFile('widget.js', root, { cacheControl: false });
  });

  // The chat as an installable app (scripts/pwa.ts). The worker must be re-checked on every visit,
  // so a fixed release reaches phones at the next open; it lives at the root to control `/`.
  app.get('/sw.js', hidden, (_req, reply) => {
    if (!fs.existsSync(path.join(root, 'sw.js'))) return reply.callNotFound();
    reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').type('application/javascript; charset=utf-8');
    return reply.sendFile('sw.js', root, { cacheControl: false });
  });
  app.get('/manifest.webmanifest', hidden, (_req, reply) => {
    if (!fs.existsSync(path.join(root, 'manifest.webmanifest'))) return reply.callNotFound();
    reply.header('cache-control', 'no-cache').type('application/manifest+json; charset=utf-8');
    return reply.sendFile('manifest.webmanifest', root, { cacheControl: false });
  });
  app.get<{ Params: { file: string } }>('/icons/:file', hidden, (req, reply) => {
    // Only the build's own file names: nothing else under web/dist is reachable through here.
    const file = req.params.file;
    if (!/^[a-z0-9-]{1,40}\.png$/.test(file) || !fs.existsSync(path.join(root, 'icons', file))) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=604800').sendFile(file, path.join(root, 'icons'), { cacheControl: false });
  });

  app.get('/favicon.svg', hidden, (_req, reply) => {
    if (!fs.existsSync(path.join(root, 'favicon.svg'))) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=86400').sendFile('favicon.svg', root, { cacheControl: false });
  });
};

/**
 * Origins allowed to frame /embed, as CSP source expressions. Anything that is not a bare
 * scheme://host[:port] is dropped so a stored value can never inject another directive.
 */
export async function allowedFrameOrigins(db: Parameters<typeof listAllowedOrigins>[0], config: Parameters<typeof listAllowedOrigins>[1]): Promise<string[]> {
  const all = await listAllowedOrigins(db, config);
  return [...new Set(all.filter((o) => /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+(:\d{1,5})?$|^[a-z][a-z0-9+.-]*:\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i.test(o)))];
}

/** Everything is bundled and same-origin: no CDN, no inline script, no eval. */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export default webStatic;

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/build-web-if-missing.js';
import { ensureFirstAdmin } from '../../server/auth/users.js';
import { testApp } from './app.js';

/** Debian's Chromium (`apt-get install -y chromium`, as .ci/run does); the browser tests fail without it. */
export const CHROMIUM = '/usr/bin/chromium';

export const ADMIN = { email: 'admin@hoiphunu-test.vn', password: 'mat-khau-kiem-thu-2025' };

/** Offline, quiet Chromium: no first-run UI, no background traffic to Google. */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run installs it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Vietnamese browser UI: date fields read dd/mm/yyyy as members and officials expect.
      '--lang=vi-VN',
    ],
  });
}

/**
 * The real app on a random loopback port: built web UI, in-memory PGlite with the bundled
 * corpus, a temp DATA_DIR for uploads, and a first admin account.
 */
export async function startWebServer(env: Record<string, string> = {}) {
  await ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-e2e-'));
  const { app, services } = await testApp({ DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env });
  await ensureFirstAdmin(services.db, services.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    services,
    url,
    async close() {
      await app.close();
      await services.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A stand-in for a partner's website on another origin, serving one HTML page. */
export async function startHostPage(html: (origin: string) => string) {
  const server = http.createServer((req, res) => {
    if (req.url !== '/' && !req.url?.startsWith('/?')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost" rather than 127.0.0.1: another site, not just another port, as a real embed is.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Screenshots for the README are refreshed when missing or when UPDATE_SCREENSHOTS=1. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../docs/screenshots');
export function screenshotPath(name: string): string | undefined {
  const p = path.join(SCREENSHOT_DIR, name);
  if (process.env.UPDATE_SCREENSHOTS !== '1' && fs.existsSync(p)) return undefined;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return p;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.1 A/AA and axe best-practice violations on the page as it is now, as
 * "rule: selector" lines (empty when clean). Evaluated over the DevTools protocol, so the
 * page's own CSP (no inline scripts) stays on.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
      document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    ),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

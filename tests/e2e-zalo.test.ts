import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../server/services.js';
import { testApp } from './helpers/app.js';
import { accessibilityViolations, launchChromium, screenshotPath } from './helpers/e2e.js';
import { ANDROID_ZALO_UA, APP_ID, fakeZaloClient } from './helpers/zalo.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { PLAN, YEAR } from './fixtures/plans.js';
import { invalidateSettingsCache, saveSettings } from '../server/settings/store.js';
import { createUser } from '../server/auth/users.js';
import { bearer, login } from './helpers/officials.js';
import { startFakeZalo, type FakeZalo } from './helpers/fake-zalo.js';

/**
 * The Zalo Mini App (web/zalo) end to end: its production bundle (`npm run build:zalo`) in
 * Debian's Chromium at phone size, against the real API.
 *
 * Where it runs: zmp-sdk only talks to Zalo when the page's host contains "h5.zdn.vn" and its
 * path starts with /zapps/ (how Zalo serves Mini Apps). Chromium resolves every *.localhost
 * name to this machine, so the bundle is served at http://h5.zdn.vn.localhost:PORT/zapps/APP_ID/
 * by the API server itself: the SDK believes it is inside Zalo, and the API is the page's own
 * origin (the build's default), so answers stream for real.
 *
 * The one thing replaced: the Zalo client. No Zalo app runs here, so an init script installs a
 * small stand-in for the native bridge the SDK calls (window.ZaloJavaScriptInterface.jsCall,
 * answered through window.onNativeMessage as the Android client does). It records every call
 * and answers like a real client would: a login "jump" with an app-scoped user id, success for
 * openPhone and closeApp. The real zmp-sdk code runs unchanged on top of it.
 */

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const ZALO_DIR = path.join(ROOT, 'web', 'zalo');
const WWW = path.join(ZALO_DIR, 'www');
const BUILD_INFO = path.join(WWW, 'build-info.json');
const ZALO_USER_ID = '5012345678901234567';
// A made-up hotline: if it shows on the call screen, the numbers come from the server.
const DV_HOTLINE = '1800 5555 02';

/** Newest modification time of the Mini App's sources, including the shared client and chat core (web/shared). */
function newestSource(): number {
  const roots = [ZALO_DIR, path.join(ROOT, 'web', 'shared')];
  const skip = new Set(['www', 'node_modules']);
  const walk = (p: string): number => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    let newest = 0;
    for (const e of fs.readdirSync(p)) if (!e.startsWith('.') && !skip.has(e)) newest = Math.max(newest, walk(path.join(p, e)));
    return newest;
  };
  return Math.max(...roots.map(walk));
}

/** Reuses a fresh same-origin build; otherwise runs `npm run build:zalo` (about 20 s). */
async function ensureZaloBuild(): Promise<void> {
  if (fs.existsSync(BUILD_INFO)) {
    const info = JSON.parse(fs.readFileSync(BUILD_INFO, 'utf8')) as { apiBase?: string };
    if (info.apiBase === '(same origin)' && fs.statSync(BUILD_INFO).mtimeMs > newestSource()) return;
  }
  await exec('npm', ['run', 'build:zalo'], { cwd: ROOT, env: { ...process.env, VITE_API_BASE: '', HIEU_LUAT_API: '' }, maxBuffer: 16 * 1024 * 1024 });
}

describe('Zalo Mini App in Chromium', () => {
  let app: FastifyInstance;
  let services: Services;
  let dataDir: string;
  let browser: Browser;
  let appUrl: string;
  // Zalo's notification API, played locally: what the server sends when an official answers.
  let zaloApi: FakeZalo;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-zalo-'));
    zaloApi = await startFakeZalo();
    const [built, server, chromium] = await Promise.all([
      ensureZaloBuild(),
      testApp({
        DATA_DIR: dataDir,
        EMERGENCY_DV_HOTLINE: DV_HOTLINE,
        ZALO_APP_ID: APP_ID,
        ZALO_NOTIFY_API_KEY: 'e2e-zalo-notify-key',
        ZALO_NOTIFY_API_URL: zaloApi.url,
        ZALO_NOTIFY_HOURS: '0-24',
      }),
      launchChromium(),
    ]);
    void built;
    ({ app, services } = server);
    browser = chromium;
    // Zalo's own static hosting, played by the API server: the bundle under /zapps/<app id>/,
    // without the API's own Content-Security-Policy (Zalo's hosting sets its own, not ours).
    await app.register(async (zapps) => {
      zapps.addHook('onSend', async (_req, reply, payload) => {
        reply.removeHeader('content-security-policy');
        return payload;
      });
      await zapps.register(fastifyStatic, { root: WWW, prefix: `/zapps/${APP_ID}/`, decorateReply: false, index: ['index.html'] });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    appUrl = `http://h5.zdn.vn.localhost:${(app.server.address() as AddressInfo).port}/zapps/${APP_ID}/`;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await services?.db.close();
    await zaloApi?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function zaloPhone(opts: { refuseNotification?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[]; outside: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      userAgent: ANDROID_ZALO_UA,
    });
    // Nothing may leave the machine: the SDK's own log beacons to Zalo are answered here.
    const outside: string[] = [];
    await context.route(/^https?:\/\/(?!h5\.zdn\.vn\.localhost|127\.0\.0\.1)/, (r) => {
      outside.push(r.request().url());
      // Zalo's OAuth server, as the SDK asks it for an access token before a share sheet.
      if (/\/access_token\b/.test(r.request().url()))
        return r.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ access_token: 'fake-access-token', refresh_token: 'fake-refresh', expires_in: '3600' }),
        });
      return r.fulfill({ status: 204, body: '' });
    });
    await context.addInitScript(fakeZaloClient, { appId: APP_ID, userId: ZALO_USER_ID, refuseNotification: opts.refuseNotification ?? false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    return { context, page, errors, outside };
  }

  const zaloCalls = (page: Page) =>
    page.evaluate(() => (window as unknown as { __zaloCalls: { action: string; params: Record<string, unknown> }[] }).__zaloCalls);

  async function ask(page: Page, question: string) {
    const response = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
    const box = page.getByLabel('Câu hỏi của chị');
    await box.fill(question);
    await box.press('Enter');
    const res = await response;
    await page.locator('article.hl-msg-assistant').last().and(page.locator('[data-status="done"], [data-status="error"]')).waitFor();
    return res;
  }

  it('answers a question without diacritics, streamed and cited, opens the cited khoản, calls through Zalo, remembers only on opt-in, quits', async () => {
    const { context, page, errors, outside } = await zaloPhone();
    await page.goto(appUrl);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();

    // 1. A question typed without diacritics: SSE from the page's origin, cited answer.
    const res = await ask(page, 'chong toi hay danh toi thi phai lam sao');
    expect(res.request().headers()['accept']).toBe('text/event-stream');
    expect(res.request().postDataJSON()).toEqual({ message: 'chong toi hay danh toi thi phai lam sao', channel: 'zalo' });
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('meta');
    expect(events.filter((e) => e === 'token').length).toBeGreaterThan(1);
    expect(events.slice(-2)).toEqual(['citations', 'done']);
    const answer = page.locator('article.hl-msg-assistant').last();
    expect(await answer.getAttribute('data-kind')).toBe('answer');
    await expect(answer.locator('.answer').innerText()).resolves.toMatch(/Điều \d+/);
    const chips = answer.getByTestId('citation');
    expect(await chips.count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    const chatShot = screenshotPath('zalo-chat.png');
    if (chatShot) {
      await page.getByLabel('Câu hỏi của chị').blur();
      await answer.locator('.hl-citations').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: chatShot });
    }

    // 2. The source, in the app's own sheet: the whole Điều with the cited khoản highlighted.
    const chipText = await chips.first().innerText();
    await chips.first().click();
    const viewer = page.getByRole('dialog');
    await viewer.locator('.hl-clause.cited').waitFor();
    expect(page.url()).toBe(appUrl);
    const viewerText = await viewer.innerText();
    expect(viewerText).toMatch(/Số hiệu/);
    expect(viewerText).toMatch(/Điều \d+/);
    const clauseLabel = /khoản (\d+)/i.exec(chipText)?.[1];
    if (clauseLabel) expect(await viewer.locator('.hl-clause.cited').getAttribute('data-clause')).toBe(clauseLabel);
    await expect(viewer.locator('.hl-clause.cited').innerText()).resolves.toMatch(/khoản được trích dẫn/i);
    expect(await accessibilityViolations(page)).toEqual([]);
    const sourceShot = screenshotPath('zalo-source.png');
    if (sourceShot) {
      await page.waitForTimeout(400); // the sheet's slide-up animation
      await page.screenshot({ path: sourceShot });
    }
    await viewer.getByRole('button', { name: 'Đóng' }).click();
    await viewer.waitFor({ state: 'detached' });

    // 3. Markup in a question stays text.
    const payload = '<img src=x onerror="window.__xss=1"><b>in đậm</b> ly hon';
    await ask(page, payload);
    await expect(page.locator('.hl-msg-user .hl-bubble').last().innerText()).resolves.toBe(payload);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // 4. Emergency call screen: the server's numbers, dialled through Zalo's openPhone.
    await page.getByRole('button', { name: 'Khẩn cấp', exact: true }).click();
    // The call screen's own buttons (an urgent answer in the chat behind it has its own).
    const screen = page.locator('.hl-emergency-page');
    const call113 = screen.locator('a[data-testid="call"][data-number="113"]');
    await call113.waitFor();
    const hrefs = await screen.getByTestId('call').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['tel:113', 'tel:111', 'tel:115', `tel:${DV_HOTLINE.replace(/\s/g, '')}`]);
    const emergencyShot = screenshotPath('zalo-emergency.png');
    if (emergencyShot) await page.screenshot({ path: emergencyShot });
    await call113.click();
    await expect
      .poll(async () => (await zaloCalls(page)).filter((c) => /phone/i.test(c.action)).map((c) => c.params))
      .toEqual([expect.objectContaining({ phoneNum: '113' })]);
    expect(page.url()).toBe(appUrl);

    // 5. No history, no Zalo id by default; with the switch on, a SHA-256 of the id keys her conversations.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hieuluat-zalo:')))).toEqual([]);
    await page.getByRole('button', { name: 'Giới thiệu', exact: true }).click();
    await expect(page.locator('.hl-disclaimer').innerText()).resolves.toContain('không thay thế tư vấn của luật sư');
    await page.getByLabel('Ghi nhớ lịch sử bằng tài khoản Zalo').check();
    await page.getByText('Đã bật.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    await page.getByRole('button', { name: 'Chủ đề', exact: true }).click();
    await page.getByRole('tab', { name: 'Hôn nhân – ly hôn' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    const req = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await page.getByRole('button', { name: 'Vợ chồng thuận tình ly hôn cần điều kiện gì?' }).click();
    const ownerKey = crypto.createHash('sha256').update(`hieu-luat:zalo-owner:v1:${ZALO_USER_ID}`).digest('hex');
    expect((await req).postDataJSON()).toEqual({ message: 'Vợ chồng thuận tình ly hôn cần điều kiện gì?', channel: 'zalo', ownerKey });
    await page.locator('article.hl-msg-assistant[data-status="done"]').last().waitFor();
    const owned = await services.db.query<{ id: string }>('select id from conversations where owner_key = $1', [ownerKey]);
    expect(owned.rows.length).toBe(1);
    // Only the hash is stored; the Zalo id itself appears nowhere on the server or the phone.
    const leaked = await services.db.query<{ n: number }>("select count(*)::int as n from conversations where owner_key like '%' || $1 || '%'", [ZALO_USER_ID]);
    expect(leaked.rows[0]!.n).toBe(0);
    expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(ZALO_USER_ID);

    // Reopening the Mini App brings her last conversation back.
    await page.reload();
    await expect(page.locator('.hl-msg-user .hl-bubble').first().innerText()).resolves.toBe('Vợ chồng thuận tình ly hôn cần điều kiện gì?');

    // 6. "Thoát nhanh": everything on the phone wiped, the Mini App closed through Zalo.
    await page.getByRole('button', { name: 'Thoát nhanh' }).first().click();
    await expect.poll(async () => (await zaloCalls(page)).some((c) => /close/i.test(c.action))).toBe(true);
    expect(await page.locator('.hl-msg').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hieuluat-zalo:')))).toEqual([]);

    expect(errors).toEqual([]);
    // Only the SDK's log beacons to Zalo tried to leave (answered locally); never the API or a question.
    expect(outside.every((u) => /zalo\.me|zdn\.vn|zaloapp\.com/.test(u))).toBe(true);
    await context.close();
  });

  it('suggests two or three next questions under an answer, through the shared chat core; one tap asks it', async () => {
    const { context, page, errors } = await zaloPhone();
    await page.goto(appUrl);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();
    await ask(page, 'vợ chồng thuận tình ly hôn cần điều kiện gì');
    const chips = page.locator('article.hl-msg-assistant').last().getByTestId('next-questions').getByRole('button');
    const n = await chips.count();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(3);
    const first = (await chips.first().innerText()).trim();
    const response = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
    await chips.first().click();
    // The same conversation goes on: the suggestion is sent as her next question in it.
    const sent = (await response).request().postDataJSON() as { message: string; channel: string; conversationId?: string };
    expect(sent.message).toBe(first);
    expect(sent.channel).toBe('zalo');
    expect(sent.conversationId).toMatch(/\S/);
    expect((await page.locator('.hl-msg-user .hl-bubble').nth(1).innerText()).trim()).toBe(first);
    await page.locator('article.hl-msg-assistant').nth(1).and(page.locator('[data-status="done"]')).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows tap-to-call numbers at the top of an emergency answer', async () => {
    const { context, page, errors } = await zaloPhone();
    await page.goto(appUrl);
    await ask(page, 'chồng đang đánh tôi, cứu với');
    const banner = page.getByTestId('emergency');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    const hrefs = await banner.getByTestId('call').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['tel:113', 'tel:111', `tel:${DV_HOTLINE.replace(/\s/g, '')}`]));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the Zalo origins call the API (CORS) and refuses a malformed ownerKey', async () => {
    for (const origin of ['https://h5.zdn.vn', 'zbrowser://h5.zdn.vn']) {
      const pre = await app.inject({
        method: 'OPTIONS',
        url: '/api/chat',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.statusCode, origin).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe(origin);
      const em = await app.inject({ method: 'GET', url: '/api/emergency', headers: { origin } });
      expect(em.headers['access-control-allow-origin']).toBe(origin);
      expect(em.json().numbers.map((n: { number: string }) => n.number)).toEqual(['113', '111', '115', DV_HOTLINE]);
    }
    for (const ownerKey of ['ABC', 'f'.repeat(63), 'F'.repeat(64), ZALO_USER_ID]) {
      const r = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'ly hon', ownerKey } });
      expect(r.statusCode, ownerKey).toBe(400);
    }
  });

  it("bundles no request to Zalo's CDN: zmp-ui's remote icon font is left out", () => {
    const css = fs.readdirSync(path.join(WWW, 'assets')).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const f of css) {
      const text = fs.readFileSync(path.join(WWW, 'assets', f), 'utf8');
      expect(text).not.toContain('h5.zadn.vn');
      // zmp-ui's own rules are still there.
      if (f.startsWith('index')) expect(text).toContain('.zaui-btn');
    }
  });

  it('rates an answer 👎 with a comment, hands the question over (saying how she will get the reply) and shares it through Zalo', async () => {
    const { context, page, errors } = await zaloPhone();
    await page.goto(appUrl);
    await ask(page, 'vo chong thuan tinh ly hon can dieu kien gi');
    const answer = page.locator('article.hl-msg-assistant').last();
    await answer.getByRole('button', { name: 'Chưa đúng' }).click();
    await answer.getByLabel('Câu trả lời chưa đúng ở đâu? (không bắt buộc)').fill('Tôi muốn biết về chia tài sản');
    await answer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await answer.getByText('Cảm ơn chị đã góp ý.', { exact: false }).waitFor();
    await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).click();
    // Not remembering: she is told to turn it on, or she will not find the reply.
    await expect(answer.getByTestId('handover-how').innerText()).resolves.toContain('bật “Ghi nhớ bằng tài khoản Zalo”');
    await answer.getByRole('button', { name: 'Gửi câu hỏi cho cán bộ Hội' }).click();
    await answer
      .getByRole('status')
      .filter({ hasText: /cán bộ/i })
      .first()
      .waitFor();
    // The status can show before the offer is taken away (one render later): wait for it to go.
    await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).waitFor({ state: 'detached' });
    expect(await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).count()).toBe(0);
    const fb = await services.db.query<{ rating: number; comment: string }>('select rating, comment from feedback order by created_at desc limit 1');
    expect(fb.rows[0]).toEqual({ rating: -1, comment: 'Tôi muốn biết về chia tài sản' });
    // Not remembering by her Zalo account: Zalo is not asked to notify her (nothing to file the reply under).
    expect((await zaloCalls(page)).some((c) => /NOTIFICATION/i.test(c.action))).toBe(false);
    const ho = await services.db.query<{ question: string }>('select question from handover order by id desc limit 1');
    expect(ho.rows[0]?.question).toBe('vo chong thuan tinh ly hon can dieu kien gi');
    // "Chia sẻ" goes through Zalo's own share sheet, with a page naming the topic, not her words.
    await answer.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
    await answer.getByRole('button', { name: 'Chia sẻ qua Zalo' }).click();
    await answer.getByRole('status').filter({ hasText: 'Đã gửi liên kết qua Zalo.' }).waitFor();
    const link = await answer.getByTestId('share-link').innerText();
    expect(link).toMatch(/\/a\/[A-Za-z0-9_-]{16,}$/);
    expect((await zaloCalls(page)).some((c) => JSON.stringify(c.params).includes(link))).toBe(true);
    const shared = await services.db.query<{ question: string | null }>('select question from shared_answers where id = $1', [link.split('/a/')[1]]);
    expect(shared.rows).toEqual([{ question: null }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the welcome and suggested questions officials set in the console', async () => {
    const admin = await createUser(services.db, { email: 'canbo@zalo.test', role: 'editor', password: 'mat-khau-rat-dai-123' });
    await saveSettings(services.db, admin.id, {
      welcome: 'Hội Phụ nữ tỉnh luôn bên chị.\nMọi câu hỏi đều được giữ kín.',
      suggestions: ['Chồng đánh vợ thì bị xử lý thế nào?'],
    });
    invalidateSettingsCache(services.db);
    try {
      const { context, page } = await zaloPhone();
      await page.goto(appUrl);
      await expect.poll(() => page.getByTestId('welcome-lines').innerText()).toBe('Hội Phụ nữ tỉnh luôn bên chị.\nMọi câu hỏi đều được giữ kín.');
      await expect(page.getByRole('list', { name: 'Câu hỏi gợi ý' }).getByRole('button').allInnerTexts()).resolves.toEqual([
        'Chồng đánh vợ thì bị xử lý thế nào?',
      ]);
      await context.close();
    } finally {
      await saveSettings(services.db, admin.id, { welcome: null, suggestions: [] });
      invalidateSettingsCache(services.db);
    }
  });

  it('tells her on reopening that an official answered the question she handed over, and shows the answer', async () => {
    const { context, page, errors } = await zaloPhone();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Giới thiệu', exact: true }).click();
    await page.getByLabel('Ghi nhớ lịch sử bằng tài khoản Zalo').check();
    await page.getByText('Đã bật.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Hỏi đáp', exact: true }).click();
    await ask(page, 'chia tai san khi ly hon the nao');
    const answer = page.locator('article.hl-msg-assistant').last();
    await answer.getByRole('button', { name: 'Chưa đúng' }).click();
    await answer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).click();
    await expect(answer.getByTestId('handover-how').innerText()).resolves.toContain('đang ghi nhớ cuộc trò chuyện');
    await answer.getByRole('button', { name: 'Gửi câu hỏi cho cán bộ Hội' }).click();
    await expect.poll(async () => (await services.db.query("select 1 from handover where question = 'chia tai san khi ly hon the nao'")).rows.length).toBe(1);
    // Remembering by her Zalo account: Zalo asked her whether to notify her, she agreed, and she is told so.
    expect((await zaloCalls(page)).some((c) => /NOTIFICATION/i.test(c.action))).toBe(true);
    await expect(answer.getByText('thông báo qua Zalo', { exact: false }).innerText()).resolves.toContain('không ghi nội dung');
    expect(
      (
        await services.db.query<{ n: number }>(
          "select count(*)::int as n from handover where question = 'chia tai san khi ly hon the nao' and notify_recipient is not null",
        )
      ).rows[0]!.n,
    ).toBe(1);

    // An official answers and approves it in the console.
    await createUser(services.db, { email: 'quantri@zalo.test', role: 'admin', password: 'mat-khau-rat-dai-123' });
    const official = await login(app, 'quantri@zalo.test', 'mat-khau-rat-dai-123');
    const id = (await services.db.query<{ id: string }>("select id from handover where question = 'chia tai san khi ly hon the nao'")).rows[0]!.id;
    const answered = await app.inject({
      method: 'POST',
      url: `/api/admin/handover/${id}/answer`,
      headers: bearer(official),
      payload: {
        answer: 'Tài sản chung của vợ chồng về nguyên tắc được chia đôi, có tính đến công sức đóng góp.',
        citations: [{ documentId: '52-2014-qh13', article: '59', clause: '2' }],
      },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(official) })).statusCode).toBe(200);
    // Zalo is asked to notify her, and only her: no word of the question or the answer.
    await expect.poll(() => zaloApi.requests.length).toBe(1);
    expect(zaloApi.requests[0]!.headers['x-user-id']).toBe(ZALO_USER_ID);
    for (const text of ['chia tai san', 'chia đôi', 'Điều 59']) expect(zaloApi.requests[0]!.raw).not.toContain(text);

    // She opens the Mini App again: told once, the answer in her conversation, marked and cited.
    await page.reload();
    const notice = page.getByTestId('reply-notice');
    await expect(notice.innerText()).resolves.toContain('Cán bộ Hội đã trả lời câu hỏi chị gửi.');
    const reply = page.locator('article.hl-msg-assistant', { has: page.getByTestId('reply-to') });
    await expect(reply.getByTestId('official').innerText()).resolves.toContain('Cán bộ Hội đã trả lời');
    await expect(reply.getByTestId('reply-to').innerText()).resolves.toContain('chia tai san khi ly hon the nao');
    await expect(reply.locator('.answer').innerText()).resolves.toContain('được chia đôi');
    await expect(reply.getByTestId('citation').first().innerText()).resolves.toMatch(/khoản 2 Điều 59/i);
    await notice.getByRole('button', { name: 'Xem câu trả lời' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await reply.waitFor();
    expect(await page.getByTestId('reply-notice').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hands the question over all the same when she says no to Zalo notifications, and keeps no Zalo id', async () => {
    const { context, page, errors } = await zaloPhone({ refuseNotification: true });
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Giới thiệu', exact: true }).click();
    await page.getByLabel('Ghi nhớ lịch sử bằng tài khoản Zalo').check();
    await page.getByText('Đã bật.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Hỏi đáp', exact: true }).click();
    await ask(page, 'ai nuoi con khi ly hon');
    const answer = page.locator('article.hl-msg-assistant').last();
    await answer.getByRole('button', { name: 'Chưa đúng' }).click();
    await answer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).click();
    await answer.getByRole('button', { name: 'Gửi câu hỏi cho cán bộ Hội' }).click();
    await expect(answer.getByText('Câu hỏi của chị đã được gửi', { exact: false }).innerText()).resolves.not.toContain('Zalo');
    expect((await zaloCalls(page)).some((c) => /NOTIFICATION/i.test(c.action))).toBe(true);
    const rows = await services.db.query<{ notify_recipient: string | null }>(
      "select notify_recipient from handover where question = 'ai nuoi con khi ly hon'",
    );
    expect(rows.rows).toEqual([{ notify_recipient: null }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Last: the plan joins the library for this test only.
  it("opens a plan's cited mục (no Điều) in the sheet, through the sections API", async () => {
    await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(PLAN, 'utf8'), filename: 'kh.txt' });
    await services.retriever.refresh();
    const { context, page, errors } = await zaloPhone();
    await page.goto(appUrl);
    await ask(page, 'chỉ tiêu tư vấn pháp lý miễn phí cho người bị bạo lực gia đình của tỉnh');
    const answer = page.locator('article.hl-msg-assistant').last();
    const chip = answer.getByTestId('citation').filter({ hasText: '123/KH-UBND' }).first();
    const place = /Mục ([IVX]+(?:\.\d+)*)/u.exec(await chip.innerText())![1]!;
    const section = page.waitForResponse((r) => r.url().includes('/api/sections/'));
    await chip.click();
    expect((await section).status()).toBe(200);
    const viewer = page.getByRole('dialog');
    await viewer.locator('.hl-clause.cited').waitFor();
    await expect(viewer.getByTestId('heading-path').innerText()).resolves.toMatch(new RegExp(`^${place.split('.')[0]}\\. `));
    const cited = (await viewer.locator('.hl-clause.cited').getAttribute('data-section'))!;
    expect([place, place.split('.').slice(0, -1).join('.')]).toContain(cited);
    const text = await viewer.innerText();
    expect(text).toContain('Thời gian thực hiện');
    expect(text).toContain(`năm ${YEAR}`);
    expect(text).not.toMatch(/Điều [IVX]/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, accessibilityViolations, launchChromium, screenshotPath, startWebServer } from './helpers/e2e.js';

/**
 * Issue 18, item 4 in Chromium at phone width, with the network really cut (context.setOffline):
 * the installed chat opens from the service worker's precache, the emergency screen and the
 * configured hotline are there, the answer she kept is shown, a question typed offline waits as
 * "Đang chờ gửi" and is answered when the network returns, and quick exit leaves no cache, no
 * service worker and no stored question behind. Officials list and withdraw shared answers.
 */

const HOTLINE = '0237 3000 111';

describe('poor signal: installable, offline emergency screen, questions that wait (Chromium, 360 px)', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer({ EMERGENCY_DV_HOTLINE: HOTLINE }), launchChromium()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    return { context, page, errors };
  }

  async function typeQuestion(page: Page, question: string) {
    await page.getByLabel('Câu hỏi của chị').fill(question);
    await page.getByLabel('Câu hỏi của chị').press('Enter');
  }

  const done = (page: Page) => page.locator('article.msg-assistant[data-status="done"]');

  it('serves the manifest, its generated icons and the worker, which precaches the chat and nothing of the console', async () => {
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const m = (await manifest.json()) as { lang: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose: string }[] };
    expect(m).toMatchObject({ lang: 'vi', start_url: '/', display: 'standalone' });
    expect(m.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
    for (const icon of m.icons) {
      const res = await fetch(`${server.url}${icon.src}`);
      expect(res.status, icon.src).toBe(200);
      const png = Buffer.from(await res.arrayBuffer());
      // PNG signature, then the IHDR's width and height as the manifest states them.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    expect((await fetch(`${server.url}/icons/..%2Fsw.js`)).status).toBe(404);

    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const code = await sw.text();
    expect(code).toContain('url:"/"');
    expect(code).not.toMatch(/admin-|admin\.html|embed\.html/);
    // Only the chat page links the manifest.
    expect(await (await fetch(`${server.url}/`)).text()).toContain('rel="manifest"');
    expect(await (await fetch(`${server.url}/admin`)).text()).not.toContain('rel="manifest"');
  });

  it('with the network cut: opens from the phone with the numbers and the kept answer; a question waits and goes when the network returns; quick exit clears everything', async () => {
    const { context, page, errors } = await phone();
    await page.goto(server.url);
    // The worker takes control of this page as soon as it is active (clientsClaim).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    // Always reachable, online too: the header's emergency button.
    await page.getByTestId('open-emergency').click();
    const screen = page.getByTestId('emergency-screen');
    await screen.waitFor();
    expect(await screen.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['tel:113', 'tel:111', 'tel:115', `tel:${HOTLINE.replace(/\s/g, '')}`]),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    await typeQuestion(page, 'vợ chồng thuận tình ly hôn cần điều kiện gì');
    await done(page).first().waitFor();
    const kept = (await done(page).first().locator('.bubble').innerText()).slice(0, 60);
    // A reload while online: the page and the numbers now come through the worker, which keeps the numbers.
    await page.reload();
    await done(page).first().waitFor();
    await page.getByTestId('next-questions').first().waitFor();

    await context.setOffline(true);
    // The phone reports the loss at once: the notice and the numbers come before any request fails.
    const notice = page.getByTestId('offline-notice');
    await notice.waitFor();
    expect(await notice.getByRole('heading').innerText()).toBe('Máy đang không có mạng');
    await page.reload();
    await notice.waitFor();
    expect(await notice.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining(['tel:113', 'tel:111', 'tel:115', `tel:${HOTLINE.replace(/\s/g, '')}`]),
    );
    // The answer she had is on the phone, with its suggestions.
    await done(page).first().waitFor();
    expect(await done(page).first().locator('.bubble').innerText()).toContain(kept);
    expect(await page.getByTestId('next-questions').count()).toBeGreaterThan(0);
    await notice.getByRole('button', { name: 'Cách giữ an toàn' }).click();
    await expect(page.getByTestId('emergency-screen').innerText()).resolves.toMatch(/Ngay bây giờ[\s\S]*hàng xóm/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    // A question typed now waits, on the phone, clearly marked.
    const waiting = 'chồng không cho tiền nuôi con sau ly hôn thì sao';
    await typeQuestion(page, waiting);
    const queued = page.getByTestId('queued');
    await queued.waitFor();
    expect(await queued.innerText()).toMatch(/Đang chờ gửi/);
    expect(await page.evaluate(() => localStorage.getItem('hieuluat:queue:page'))).toContain(waiting);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    const shot = screenshotPath('offline-360.png');
    if (shot) await page.screenshot({ path: shot });

    // The network returns: it is sent by itself and answered; nothing waits any more.
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelectorAll('article.msg-assistant[data-status="done"]').length === 2, undefined, { timeout: 30_000 });
    expect(await queued.count()).toBe(0);
    expect(await page.locator('.msg-user .bubble').last().innerText()).toBe(waiting);
    expect(await page.evaluate(() => localStorage.getItem('hieuluat:queue:page'))).toBeNull();
    expect(await page.getByTestId('offline-notice').count()).toBe(0);

    // Quick exit: the app's caches (shell, numbers, kept answers) and the worker go too.
    expect((await page.evaluate(() => caches.keys())).length).toBeGreaterThan(0);
    await context.route('https://vnexpress.net/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Thời tiết</title><p>Thời tiết</p>' }),
    );
    await page.getByRole('button', { name: 'Thoát nhanh' }).click();
    await page.waitForURL(/vnexpress\.net/);
    const after = await context.newPage();
    // A JSON address of the same site: no page of the app runs there to register the worker again.
    await after.goto(`${server.url}/api/health`);
    expect(await after.evaluate(() => caches.keys())).toEqual([]);
    expect(await after.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await after.evaluate(() => localStorage.length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('officials see the shared answers and withdraw one', async () => {
    const chat = (await server.app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'nghỉ thai sản được bao nhiêu tháng' } })).json();
    const share = await server.app.inject({ method: 'POST', url: '/api/share', payload: { conversationId: chat.conversationId, messageId: chat.messageId } });
    expect(share.statusCode, share.body).toBe(200);
    const { id } = share.json() as { id: string };

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/admin#/chia-se`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const row = page.getByTestId('share-row').filter({ has: page.locator(`a[href="/a/${id}"]`) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Không/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi trang chia sẻ.').waitFor();
    expect((await fetch(`${server.url}/a/${id}`)).status).toBe(410);
    await context.close();
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, launchChromium, startHostPage, startWebServer } from './helpers/e2e.js';

/**
 * Issue 16, items 6 and 7 in a browser at 360 px: officials set what members see from a phone,
 * the console's tabs show that they scroll, the hand-over form fits, and the widget on a site
 * that is not allowed says so and can be closed.
 */
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer({ EMERGENCY_DV_HOTLINE: '1900 0001' }), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true };
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function logIn(page: Page, hash: string) {
  await page.goto(`${server.url}/admin#/${hash}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('360 px, officials and the widget', () => {
  it('an official sets the hotline, welcome and suggestions from a phone; members see them', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await logIn(page, 'hoi-vien-thay');
    const form = page.getByTestId('member-settings');
    // The configured number is shown until an official replaces it.
    await expect.poll(() => form.getByLabel('Đường dây nóng phòng, chống bạo lực gia đình').inputValue()).toBe('1900 0001');
    await form.getByLabel('Đường dây nóng phòng, chống bạo lực gia đình').fill('1800 1567');
    await form.getByLabel('Đường dây bảo vệ trẻ em của tỉnh').fill('0237 3 852 111');
    await form.getByLabel(/^Lời chào/).fill('Chào chị, Hội Phụ nữ tỉnh Thanh Hóa luôn bên chị.\nMọi câu hỏi đều được giữ kín.');
    await form.getByLabel(/^Câu hỏi gợi ý/).fill('Chồng đánh vợ thì bị xử lý thế nào?\nLy hôn đơn phương cần giấy tờ gì?');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu. Hội viên sẽ thấy thay đổi trong khoảng một phút.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const emergency = await (await fetch(`${server.url}/api/emergency`)).json();
    expect(emergency.numbers.map((n: { number: string }) => n.number)).toEqual(expect.arrayContaining(['1800 1567', '0237 3 852 111']));

    const member = await (await browser.newContext(PHONE)).newPage();
    await member.goto(server.url);
    // The built-in lines show until GET /api/welcome answers.
    await expect
      .poll(() => member.getByTestId('welcome-lines').innerText())
      .toBe('Chào chị, Hội Phụ nữ tỉnh Thanh Hóa luôn bên chị.\nMọi câu hỏi đều được giữ kín.');
    const suggestions = member.getByRole('list', { name: 'Câu hỏi gợi ý' }).getByRole('button');
    await expect(suggestions.allInnerTexts()).resolves.toEqual(['Chồng đánh vợ thì bị xử lý thế nào?', 'Ly hôn đơn phương cần giấy tờ gì?']);
    expect(await member.getByRole('list', { name: 'Chủ đề' }).count()).toBe(0);
    await context.close();
    await member.context().close();
  }, 120_000);

  it("the console's tabs show that more are off screen, and the hand-over form fits", async () => {
    // A question handed over, so the form has a law to choose from.
    const chat = await (
      await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'chong toi hay danh toi thi phai lam sao' }),
      })
    ).json();
    const ho = await fetch(`${server.url}/api/handover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: chat.messageId, conversationId: chat.conversationId }),
    });
    expect(ho.status).toBe(201);

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await logIn(page, 'tai-len');
    const nav = page.getByRole('navigation', { name: 'Mục quản trị' });
    await nav.getByRole('link', { name: 'Tải văn bản' }).waitFor();
    await expect(nav.getAttribute('data-more-after')).resolves.toBe('true');
    await expect(nav.getAttribute('data-more-before')).resolves.toBeNull();
    await page.locator('.tabs-more-after').click();
    await page.waitForFunction(() => document.querySelector('.tabs')?.getAttribute('data-more-before') === 'true');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Choosing a tab at the far end scrolls it into view.
    await page.goto(`${server.url}/admin#/chuyen-can-bo`);
    const current = nav.locator('a[aria-current="page"]');
    await expect(current.innerText()).resolves.toBe('Chuyển cán bộ');
    const box = await current.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    const card = page.locator('article.card', { hasText: 'chong toi hay danh toi thi phai lam sao' });
    await card.waitFor();
    const toggle = card.getByRole('button', { expanded: false }).first();
    if (await toggle.count()) await toggle.click();
    await card.getByLabel('Câu trả lời của cán bộ Hội').waitFor();
    await card.getByRole('button', { name: 'Thêm điều luật' }).click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const right = await card.evaluate((el) =>
      Math.max(...[...el.querySelectorAll('select, input, textarea, button')].map((x) => x.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(360);
    await context.close();
  }, 120_000);

  it('the widget on a site that is not allowed says so and closes', async () => {
    const host = await startHostPage(
      () => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang chưa được phép</title></head><body><h1>Trang khác</h1>
<script src="${server.url}/widget.js" data-title="Hỏi luật cùng Hội" async></script></body></html>`,
    );
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(host.origin);
      const launcher = page.getByRole('button', { name: 'Hỏi luật cùng Hội' });
      await launcher.click();
      const refusal = page.getByRole('alert');
      await expect(refusal.innerText()).resolves.toContain('Không mở được khung hỏi đáp trên trang này');
      expect(await page.locator('iframe').count()).toBe(0);
      await refusal.getByRole('button', { name: 'Đóng' }).click();
      await expect(page.getByRole('dialog', { name: 'Hỏi luật cùng Hội' }).isVisible()).resolves.toBe(false);
      await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
      await context.close();
    } finally {
      await host.close();
    }
  }, 120_000);
});

import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, accessibilityViolations, launchChromium, screenshotPath, startHostPage, startWebServer } from './helpers/e2e.js';

/**
 * The web UI end to end in Debian's Chromium against the real server: members' chat at phone
 * width, the source viewer, feedback and hand-over, the emergency banner, quick exit, the
 * officials' console (upload → indexed → answerable), and the widget on another site.
 */

const NEUTRAL = 'https://vnexpress.net/thoi-tiet';
// A made-up hotline: if it shows up as a tel: link, the banner reads numbers from the server.
const DV_HOTLINE = '1800 5555 01';

describe('web UI in Chromium', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  /** The first member's phone (her saved conversation), to come back after an official replied. */
  let memberPhone: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer({ EMERGENCY_DV_HOTLINE: DV_HOTLINE }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh phone: 360 px wide, empty storage, no way out to the internet. */
  async function phone(storageState?: typeof memberPhone): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      storageState,
    });
    await context.route('https://vnexpress.net/**', (r) =>
      r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Thời tiết</title><h1>Thời tiết</h1>' }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    return { context, page, errors };
  }

  async function ask(page: Page, question: string) {
    const response = page.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
    await page.getByLabel('Câu hỏi của chị').fill(question);
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    const res = await response;
    await page.locator('article.msg-assistant').last().and(page.locator('[data-status="done"], [data-status="error"]')).waitFor();
    return res;
  }

  it('answers a question typed without diacritics, streamed, with citations that open the full article; 👎 with a comment, hand-over', async () => {
    const { context, page, errors } = await phone();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Chị cần hỏi gì về pháp luật?' }).waitFor();

    const res = await ask(page, 'chong toi hay danh toi thi phai lam sao');
    expect(res.request().headers()['accept']).toBe('text/event-stream');
    expect(res.headers()['content-type']).toContain('text/event-stream');
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('meta');
    expect(events.filter((e) => e === 'token').length).toBeGreaterThan(1);
    expect(events.slice(-2)).toEqual(['citations', 'done']);

    const answer = page.locator('article.msg-assistant').last();
    expect(await answer.getAttribute('data-kind')).toBe('answer');
    await expect(answer.locator('.answer').innerText()).resolves.toMatch(/Điều \d+/);
    const chips = answer.getByTestId('citation');
    expect(await chips.count()).toBeGreaterThan(0);

    // Phone width: nothing wider than the screen; labels, roles, contrast as WCAG 2.1 AA asks.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    const chatShot = screenshotPath('chat-360.png');
    if (chatShot) {
      await page.locator('#composer-input').blur();
      await answer.locator('.citations').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: chatShot });
    }

    // The source: law name, số hiệu, validity, the whole Điều with the cited khoản marked.
    const chipText = await chips.first().innerText();
    await chips.first().click();
    const viewer = page.getByRole('dialog');
    await viewer.locator('.clause.cited').waitFor();
    const viewerText = await viewer.innerText();
    expect(viewerText).toMatch(/Số hiệu/);
    expect(viewerText).toMatch(/Hiệu lực\s*\n?\s*Còn hiệu lực/);
    const clauseLabel = /khoản (\d+)/i.exec(chipText)?.[1];
    if (clauseLabel) expect(await viewer.locator('.clause.cited').getAttribute('data-clause')).toBe(clauseLabel);
    expect(await viewer.locator('.clause.cited').innerText()).toContain('Khoản được trích dẫn'.toUpperCase());
    expect(await accessibilityViolations(page)).toEqual([]);
    const viewerShot = screenshotPath('source-viewer.png');
    if (viewerShot) await page.screenshot({ path: viewerShot });
    await viewer.getByRole('button', { name: 'Đóng' }).click();
    await viewer.waitFor({ state: 'detached' });

    // 👎 with a comment, then send the question to the officials.
    await answer.getByRole('button', { name: 'Chưa đúng' }).click();
    await answer.getByLabel('Câu trả lời chưa đúng ở đâu? (không bắt buộc)').fill('Tôi cần biết cách xin lệnh cấm tiếp xúc');
    await answer.getByRole('button', { name: 'Gửi góp ý' }).click();
    await answer.getByText('Cảm ơn chị đã góp ý', { exact: false }).waitFor();
    const fb = await server.services.db.query<{ rating: number; comment: string }>('select rating, comment from feedback');
    expect(fb.rows).toEqual([{ rating: -1, comment: 'Tôi cần biết cách xin lệnh cấm tiếp xúc' }]);

    await answer.getByRole('button', { name: 'Gửi cho cán bộ Hội' }).click();
    // Before she sends it, the form says how the reply will reach her.
    await expect(answer.locator('.inline-form .hint').innerText()).resolves.toMatch(/câu trả lời hiện ngay trong cuộc\s+trò chuyện này/);
    await answer.getByRole('button', { name: 'Gửi câu hỏi cho cán bộ Hội' }).click();
    await answer.getByText('đã được gửi tới cán bộ Hội', { exact: false }).waitFor();
    const ho = await server.services.db.query<{ n: number }>('select count(*)::int as n from handover');
    expect(ho.rows[0]!.n).toBe(1);

    // A reload brings the conversation back from the server.
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hieuluat:')));
    expect(stored.length).toBe(1);
    await page.reload();
    await page.locator('article.msg-assistant[data-status="done"]').waitFor();
    await expect(page.locator('.msg-user .bubble').first().innerText()).resolves.toBe('chong toi hay danh toi thi phai lam sao');
    expect(errors).toEqual([]);
    memberPhone = await context.storageState();
    await context.close();
  });

  it('shows the emergency banner with tap-to-call numbers from the server', async () => {
    const { context, page, errors } = await phone();
    await page.goto(server.url);
    const res = await ask(page, 'chồng đang đánh tôi, cứu với');
    const done = /event: done\ndata: (.*)\n/.exec(await res.text());
    expect(done).not.toBeNull();
    const banner = page.getByTestId('emergency');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    const hrefs = await banner.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['tel:113', 'tel:111', `tel:${DV_HOTLINE.replace(/\s/g, '')}`]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    const shot = screenshotPath('emergency-360.png');
    if (shot) {
      await page.locator('#composer-input').blur();
      await page.screenshot({ path: shot });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders markup in a question as inert text', async () => {
    const { context, page, errors } = await phone();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(server.url);
    const payload = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script><b>in đậm</b> chong toi danh toi';
    await ask(page, payload);
    await expect(page.locator('.msg-user .bubble').last().innerText()).resolves.toBe(payload);
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps nothing on the phone in no-history mode', async () => {
    const { context, page } = await phone();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Tùy chọn' }).click();
    await page.getByLabel('Không lưu lịch sử', { exact: false }).check();
    const req = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await ask(page, 'thu tuc ly hon don phuong');
    expect((await req).postDataJSON()).toMatchObject({ noHistory: true });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hieuluat:')))).toEqual([]);
    await context.close();
  });

  it('leaves at once on "Thoát nhanh" and on Esc pressed twice, forgetting the conversation', async () => {
    const { context, page } = await phone();
    await page.goto(server.url);
    await ask(page, 'chong toi hay danh toi');
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Thoát nhanh' }).click();
    await page.waitForURL(NEUTRAL);
    // The chat page was replaced in the history, so Back cannot bring it back.
    expect(await page.evaluate(() => history.length)).toBe(entries);

    const check = await context.newPage();
    await check.goto(`${server.url}/favicon.svg`);
    expect(await check.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hieuluat:')))).toEqual([]);

    await page.goto(server.url);
    await page.locator('#composer-input').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL);
    await context.close();
  });

  it('lets an official upload a DOCX, see it indexed and its structure; members then get answers from it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tải văn bản lên thư viện' }).waitFor();

    await page.getByLabel('Tệp văn bản', { exact: false }).setInputFiles({
      name: 'nq-27-2025-mac-ca.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await resolutionDocx(),
    });
    await page.getByRole('button', { name: 'Xem trước cấu trúc' }).click();
    const preview = page.getByTestId('preview');
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toContain('27/2025/NQ-HĐND');
    await expect(preview.locator('.outline').innerText()).resolves.toContain('Điều 2');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    await page.getByRole('button', { name: 'Tải lên và lập chỉ mục' }).click();
    const row = page.getByTestId('upload-row').first();
    await page.locator('[data-testid="upload-row"][data-state="indexed"]').waitFor({ timeout: 30_000 });
    await expect(row.innerText()).resolves.toContain('Đã lập chỉ mục');
    expect(await page.locator('#upload-progress').getAttribute('value')).toBe('100');
    expect(await accessibilityViolations(page)).toEqual([]);
    const consoleShot = screenshotPath('console.png');
    if (consoleShot) await page.screenshot({ path: consoleShot });

    await page.getByRole('link', { name: 'Thư viện văn bản' }).click();
    const docRow = page.locator('tr[data-document="27-2025-nq-hdnd"]');
    await docRow.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await docRow.getByRole('button', { name: 'Cấu trúc' }).click();
    await page.getByTestId('structure').locator('summary', { hasText: 'Điều 2. Mức hỗ trợ' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    // A member asks; the answer cites the uploaded resolution.
    const member = await phone();
    await member.page.goto(server.url);
    await ask(member.page, 'Phụ nữ khởi nghiệp trồng cây mắc ca được hỗ trợ bao nhiêu tiền?');
    const chips = member.page.locator('article.msg-assistant').last().getByTestId('citation');
    await expect(chips.allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('27/2025/NQ-HĐND')]));
    await member.context.close();
    await context.close();
  });

  it("shows members' 👎 comments to officials, who answer a handed-over question with a cited article and approve it for reuse", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin#/cau-hoi`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The first test's 👎 and its comment.
    await expect(page.getByTestId('disliked').first().innerText()).resolves.toContain('Tôi cần biết cách xin lệnh cấm tiếp xúc');

    await page.getByRole('link', { name: 'Chuyển cán bộ' }).click();
    const card = page.locator('article.card', { hasText: 'chong toi hay danh toi thi phai lam sao' });
    await card.waitFor();
    await card.getByLabel('Câu trả lời của cán bộ Hội').fill('Chị có thể báo Công an xã hoặc Chủ tịch UBND xã; hành vi đánh đập là bạo lực gia đình.');
    await card.getByLabel('Văn bản').selectOption('13-2022-qh15');
    await card.getByLabel('Điều').fill('3');
    await card.getByLabel('Khoản').fill('1');
    await card.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await card.getByText('Đã lưu câu trả lời.').waitFor();
    await page.locator('article.card[data-state="answered"]').getByRole('button', { name: 'Duyệt' }).click();
    await page.locator('article.card[data-state="approved"]').waitFor();
    const row = await server.services.db.query<{ state: string; citations: { documentId: string; article: string }[] }>(
      'select state, citations from handover',
    );
    expect(row.rows[0]).toMatchObject({ state: 'approved', citations: [{ documentId: '13-2022-qh15', article: '3' }] });
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    // The member who handed it over opens the chat again on her phone: she is told, and the reply is in her conversation.
    expect(memberPhone).toBeDefined();
    const her = await phone(memberPhone);
    await her.page.goto(server.url);
    const notice = her.page.getByTestId('reply-notice');
    await expect(notice.innerText()).resolves.toContain('Cán bộ Hội đã trả lời câu hỏi chị gửi');
    const reply = her.page.locator('article.msg-assistant', { has: her.page.getByTestId('reply-to') });
    await expect(reply.getByTestId('official').innerText()).resolves.toContain('Cán bộ Hội đã trả lời');
    await expect(reply.getByTestId('reply-to').innerText()).resolves.toContain('chong toi hay danh toi thi phai lam sao');
    await expect(reply.locator('.answer').innerText()).resolves.toContain('Chị có thể báo Công an xã');
    await expect(reply.getByTestId('citation').first().innerText()).resolves.toMatch(/khoản 1 Điều 3/i);
    expect(await her.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(her.page)).toEqual([]);
    await notice.getByRole('button', { name: 'Xem câu trả lời' }).click();
    await notice.waitFor({ state: 'detached' });
    // Told once: the next time she opens the chat the reply is still there, the notice is not.
    await her.page.reload();
    await reply.waitFor();
    expect(await her.page.getByTestId('reply-notice').count()).toBe(0);
    expect(her.errors).toEqual([]);
    await her.context.close();

    // The next member asking the same thing gets the approved answer, marked as the officials'.
    const member = await phone();
    await member.page.goto(server.url);
    await ask(member.page, 'chong toi hay danh toi thi phai lam sao');
    const answer = member.page.locator('article.msg-assistant').last();
    await expect(answer.getByTestId('official').innerText()).resolves.toContain('Cán bộ Hội đã trả lời');
    await expect(answer.locator('.answer').innerText()).resolves.toContain('Chị có thể báo Công an xã');
    await member.context.close();
  });

  it('runs the widget on another site once an admin allows that site, isolated from its CSS', async () => {
    const host = await startHostPage(
      () => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hội Phụ nữ xã</title>
<style>button{background:lime!important;font-size:40px!important} iframe{display:none!important} *{font-family:serif!important}</style>
</head><body><h1>Hội Liên hiệp Phụ nữ xã</h1>
<script src="${server.url}/widget.js" data-title="Hỏi luật cùng Hội" async></script></body></html>`,
    );
    try {
      // Not allowed yet: /embed may only be framed by the app itself.
      const before = await fetch(`${server.url}/embed`);
      expect(before.headers.get('content-security-policy')).not.toContain(host.origin);

      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
      const admin = await context.newPage();
      await admin.goto(`${server.url}/admin#/trang-nhung`);
      await admin.getByLabel('Email').fill(ADMIN.email);
      await admin.getByLabel('Mật khẩu').fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Đăng nhập' }).click();
      await admin.getByLabel('Địa chỉ trang web').fill(host.origin);
      await admin.getByRole('button', { name: 'Cho phép' }).click();
      await admin.getByText(`Đã cho phép ${host.origin}.`).waitFor();
      const after = await fetch(`${server.url}/embed`);
      expect(after.headers.get('content-security-policy')).toMatch(new RegExp(`frame-ancestors 'self' .*${host.origin.replace(/[.:/]/g, '\\$&')}`));

      const page = await context.newPage();
      await page.goto(host.origin);
      const launcher = page.getByRole('button', { name: 'Hỏi luật cùng Hội' });
      await launcher.waitFor();
      // The host page's `button { background: lime }` does not reach into the widget.
      expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgb(0, 255, 0)');
      await launcher.click();
      const frame = page.frameLocator('iframe[title="Hỏi luật cùng Hội"]');
      await frame.getByRole('heading', { name: 'Hỏi luật cùng Hội' }).waitFor();
      await frame.getByLabel('Câu hỏi của chị').fill('vo chong thuan tinh ly hon can dieu kien gi');
      await frame.getByLabel('Câu hỏi của chị').press('Enter');
      await frame.locator('article.msg-assistant[data-status="done"]').waitFor();
      expect(await frame.getByTestId('citation').count()).toBeGreaterThan(0);
      expect(await page.locator('iframe[title="Hỏi luật cùng Hội"]').isVisible()).toBe(true);

      // "Đóng" inside the frame closes the panel on the host page.
      await frame.getByRole('button', { name: 'Đóng' }).click();
      await expect(page.locator('iframe[title="Hỏi luật cùng Hội"]').isVisible()).resolves.toBe(false);

      // "Thoát nhanh" inside the frame takes the whole tab away from the host page.
      await context.route('https://vnexpress.net/**', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<h1>Thời tiết</h1>' }));
      await launcher.click();
      await frame.getByRole('button', { name: 'Thoát nhanh' }).click();
      await page.waitForURL(NEUTRAL);
      await context.close();
    } finally {
      await host.close();
    }
  });

  it('serves the console deep links as the app and keeps API misses as JSON 404s', async () => {
    const deep = await fetch(`${server.url}/admin/van-ban`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(deep.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const miss = await fetch(`${server.url}/api/khong-co`);
    expect(miss.status).toBe(404);
    expect(await miss.json()).toMatchObject({ error: 'not_found:route' });
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.headers.get('content-type')).toContain('javascript');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

/** A provincial resolution as officials receive it: a Word file with số hiệu and Điều. */
async function resolutionDocx(): Promise<Buffer> {
  const lines = [
    'HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA',
    'Số: 27/2025/NQ-HĐND',
    'NGHỊ QUYẾT',
    'Quy định chính sách hỗ trợ phụ nữ khởi nghiệp trồng cây mắc ca trên địa bàn tỉnh Thanh Hóa',
    'Điều 1. Phạm vi điều chỉnh',
    'Nghị quyết này quy định chính sách hỗ trợ phụ nữ khởi nghiệp trồng cây mắc ca trên địa bàn tỉnh Thanh Hóa.',
    'Điều 2. Mức hỗ trợ',
    '1. Phụ nữ khởi nghiệp trồng cây mắc ca được hỗ trợ 15 triệu đồng cho mỗi héc-ta trồng mới.',
    '2. Hội Liên hiệp Phụ nữ cấp xã tiếp nhận hồ sơ đề nghị hỗ trợ trồng cây mắc ca.',
    'Điều 3. Hiệu lực thi hành',
    'Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.',
  ];
  const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  return Packer.toBuffer(doc);
}

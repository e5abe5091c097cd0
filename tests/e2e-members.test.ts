import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, startWebServer } from './helpers/e2e.js';

/**
 * Issue 18 in Chromium at phone width: sharing one answer to a public page opened from a fresh
 * phone (no conversation data on it), its Open Graph card; more member features below.
 */

describe('reaching members where they are (Chromium, 360 px)', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(init?: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    return { context, page, errors };
  }

  async function ask(page: Page, question: string) {
    await page.getByLabel('Câu hỏi của chị').fill(question);
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    const answer = page.locator('article.msg-assistant').last();
    await answer.and(page.locator('[data-status="done"], [data-status="error"]')).waitFor();
    return answer;
  }

  it('shares one answer: the public page opens on a fresh phone with the answer and sources, without her words or conversation', async () => {
    const question = 'vợ chồng thuận tình ly hôn cần điều kiện gì';
    const { context, page, errors } = await phone();
    await page.goto(server.url);
    const answer = await ask(page, question);
    const conversationId = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('hieuluat:conversation'))?.[1]);
    expect(conversationId).toBeTruthy();

    await answer.getByRole('button', { name: 'Chia sẻ' }).click();
    const panel = answer.getByTestId('share-panel');
    // Her words are not shared unless she ticks the box.
    expect(await panel.getByRole('checkbox').isChecked()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Tạo liên kết chia sẻ' }).click();
    const link = panel.getByTestId('share-link');
    await link.waitFor();
    const url = (await link.getAttribute('href'))!;
    expect(url).toMatch(new RegExp(`^${server.url}/a/[A-Za-z0-9_-]{20,}$`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();

    // Another member, another phone: nothing of the first one's storage.
    const other = await phone();
    const res = await other.page.goto(url);
    expect(res!.status()).toBe(200);
    const body = await other.page.locator('main').innerText();
    expect(body).toMatch(/Căn cứ pháp lý/);
    expect(body).toMatch(/Điều \d+/);
    expect(body).toMatch(/còn hiệu lực/);
    expect(body).not.toContain(question);
    expect(await other.page.content()).not.toContain(conversationId!);
    expect(await other.page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await other.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(other.page)).toEqual([]);

    // The card the Zalo/Facebook preview shows.
    const card = await other.page.locator('meta[property="og:image"]').getAttribute('content');
    expect(card).toBe(`${url}/card.png`);
    const img = await other.context.request.get(card!);
    expect(img.status()).toBe(200);
    expect(img.headers()['content-type']).toBe('image/png');
    const png = await img.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(other.errors).toEqual([]);
    await other.context.close();
  }, 90_000);

  it('suggests two or three next questions under an answer; one tap asks it', async () => {
    const { context, page, errors } = await phone();
    await page.goto(server.url);
    const answer = await ask(page, 'vợ chồng thuận tình ly hôn cần điều kiện gì');
    const chips = answer.getByTestId('next-questions').getByRole('button');
    const n = await chips.count();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(3);
    const first = (await chips.first().innerText()).trim();
    await chips.first().click();
    await page.locator('.msg-user').nth(1).waitFor();
    expect((await page.locator('.msg-user .bubble').nth(1).innerText()).trim()).toBe(first);
    await page.locator('article.msg-assistant').nth(1).and(page.locator('[data-status="done"]')).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  /** Speech APIs as a phone with a Vietnamese voice and recognition has them; utterances recorded. */
  const SPEECH_STUB = `
    window.__spoken = [];
    class FakeUtterance { constructor(text) { this.text = text; this.rate = 1; this.lang = ''; this.voice = null; this.onend = null; } }
    window.SpeechSynthesisUtterance = FakeUtterance;
    const voice = { lang: 'vi-VN', name: 'Tiếng Việt', default: true, localService: true, voiceURI: 'vi' };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
      getVoices: () => [voice],
      speak: (u) => window.__spoken.push({ text: u.text, rate: u.rate, lang: u.lang }),
      cancel: () => { window.__spoken.push({ cancel: true }); },
      addEventListener() {}, removeEventListener() {},
    } });
    window.SpeechRecognition = class { start() { setTimeout(() => { this.onresult && this.onresult({ results: [[{ transcript: 'chồng tôi không cho tiền nuôi con' }]] }); this.onend && this.onend(); }, 50); } stop() { this.onend && this.onend(); } };
  `;
  /** A browser without a Vietnamese voice or recognition. */
  const NO_SPEECH = `
    delete window.SpeechRecognition; delete window.webkitSpeechRecognition;
    if (window.speechSynthesis) window.speechSynthesis.getVoices = () => [{ lang: 'en-US', name: 'English' }];
  `;

  it('"Nghe" and "Nói" appear only where they can work', async () => {
    const none = await phone(NO_SPEECH);
    await none.page.goto(server.url);
    const a = await ask(none.page, 'nghỉ thai sản được bao nhiêu tháng');
    await a.getByRole('button', { name: 'Sao chép' }).waitFor();
    expect(await a.getByRole('button', { name: /Nghe/ }).count()).toBe(0);
    expect(await none.page.getByTestId('speak').count()).toBe(0);
    await none.context.close();

    const { context, page, errors } = await phone(SPEECH_STUB);
    await page.goto(server.url);
    // "Nói": her words land in the box, with a line saying where the audio goes.
    await page.getByTestId('speak').click();
    await expect.poll(() => page.getByLabel('Câu hỏi của chị').inputValue()).toBe('chồng tôi không cho tiền nuôi con');
    expect(await page.locator('.speech-note').innerText()).toMatch(/gửi tới dịch vụ nhận dạng giọng nói/);
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    const answer = page.locator('article.msg-assistant').last();
    await answer.and(page.locator('[data-status="done"]')).waitFor();

    // "Nghe": the answer, then each source's title, in Vietnamese; the speed can be changed.
    await answer.getByRole('button', { name: /Nghe/ }).click();
    const spoken = await page.evaluate(() =>
      (window as unknown as { __spoken: { text?: string; rate?: number; lang?: string }[] }).__spoken.filter((u) => u.text),
    );
    expect(spoken.length).toBeGreaterThan(2);
    expect(spoken.every((u) => u.lang === 'vi-VN' && u.rate === 1)).toBe(true);
    const texts = spoken.map((u) => u.text!);
    const sourcesAt = texts.indexOf('Căn cứ:');
    expect(sourcesAt).toBeGreaterThan(0);
    expect(texts.slice(sourcesAt + 1).every((t) => /Điều \d+|mục /.test(t))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/\[\d+\]/);
    await answer.getByLabel('Tốc độ đọc').selectOption({ label: 'Chậm' });
    const slower = await page.evaluate(
      () => (window as unknown as { __spoken: { text?: string; rate?: number }[] }).__spoken.filter((u) => u.text).slice(-1)[0],
    );
    expect(slower!.rate).toBe(0.75);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('speaks plainly to her on a phone: "chị" never "bạn", no Esc key, a three-line welcome saying free and private', async () => {
    const { context, page } = await phone();
    await page.goto(server.url);
    const lines = (await page.getByTestId('welcome-lines').innerText()).split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(3);
    expect(lines.join(' ')).toMatch(/Miễn phí/);
    expect(lines.join(' ')).toMatch(/Riêng tư/);
    const visible = await page.locator('body').innerText();
    expect(visible).not.toMatch(/\bbạn\b/iu);
    expect(visible).not.toMatch(/Esc/);
    await context.close();
  }, 60_000);
});

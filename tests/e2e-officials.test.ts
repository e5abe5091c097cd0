import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { ELDERLY_LAW } from './fixtures/elderly-law.js';
import { ADMIN, accessibilityViolations, launchChromium, startWebServer } from './helpers/e2e.js';

/**
 * The officials' tools in Chromium (issue 19): the gap report shows the questions a freshly
 * uploaded law comes closest to, and "Thử câu hỏi" explains a ranking and edits an article's notes.
 */
describe('officials’ tools in the browser', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    // Members ask about older people before the library has a law on them: refused, or answered
    // from another law (social insurance) and marked 👎.
    for (const message of [
      'người cao tuổi không có lương hưu được trợ cấp hằng tháng không',
      'bà em 85 tuổi có được trợ cấp xã hội hằng tháng của người cao tuổi không',
    ]) {
      const r = (await server.app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).json();
      if (r.kind === 'out_of_scope') continue;
      const fb = await server.app.inject({
        method: 'POST',
        url: '/api/feedback',
        payload: { messageId: r.messageId, conversationId: r.conversationId, rating: -1 },
      });
      expect(fb.statusCode, `${r.kind} ${r.messageId} ${fb.body}`).toBe(200);
    }
    await ingestDocument(server.services.db, server.services.embedder, { bytes: Buffer.from(ELDERLY_LAW), filename: 'nguoi-cao-tuoi.txt', origin: 'upload' });
    await server.services.retriever.refresh();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the gap report leads with the uploaded law and the questions it comes closest to; try-a-question explains a ranking', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('link', { name: 'Chưa được giải đáp' }).click();
    const first = page.getByTestId('gap-group').first();
    await first.waitFor();
    const text = await first.innerText();
    expect(text).toContain('91/2030/QH15');
    expect(text).toContain('Điều 2');
    expect(text).toContain('mới tải lên');
    expect(text).toContain('người cao tuổi không có lương hưu');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Thử câu hỏi' }).click();
    await page.getByLabel('Gõ câu hỏi như hội viên hỏi').fill('chồng đánh vợ thì báo ai');
    await page.getByRole('button', { name: 'Tìm điều luật' }).click();
    await expect(page.getByTestId('try-why').innerText()).resolves.toMatch(/^Điều \S+ đứng đầu \(điểm [\d.]+\)/);
    await expect(page.getByTestId('try-result').innerText()).resolves.toContain('vocabulary.tsv, dòng');
    expect(await page.getByTestId('try-hit').count()).toBeGreaterThan(1);

    // From a hit, the article's notes open for editing; a saved phrasing is used at the next try.
    await page
      .getByTestId('try-hit')
      .first()
      .getByRole('button', { name: /Sửa cách hỏi/ })
      .click();
    const editor = page.getByTestId('notes-editor');
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Thêm cách hỏi' }).click();
    await editor.getByLabel('Nội dung').last().fill('chồng say rượu về đập phá đồ đạc doạ cả nhà');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(/Đã lưu \d+ dòng/).innerText()).resolves.toContain('Đã lưu');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

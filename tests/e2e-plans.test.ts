import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { LETTER, PLAN, YEAR } from './fixtures/plans.js';
import { ADMIN, accessibilityViolations, launchChromium, startWebServer } from './helpers/e2e.js';

/**
 * A province's plan in the members' chat and in the officials' console, in Chromium (issue 20):
 * the answer cites "mục …" of the plan in its own terms, never "Điều", and the source view opens
 * at that part with its heading path; the console says when a letter was cut by its headings.
 */

describe('plans without Điều in the browser', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    for (const text of [PLAN, LETTER])
      await ingestDocument(server.services.db, server.services.embedder, { bytes: Buffer.from(text, 'utf8'), filename: 'kh.txt' });
    // Written straight to the store: wait for the search index rather than its background rebuild.
    await server.services.retriever.refresh();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a member’s answer cites "mục …" of the plan, and the source view opens at that part with its heading path', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByLabel('Câu hỏi của chị').fill('chỉ tiêu tư vấn pháp lý miễn phí cho người bị bạo lực gia đình của tỉnh');
    await page.getByLabel('Câu hỏi của chị').press('Enter');
    const answer = page.locator('article.msg-assistant').last();
    await answer.and(page.locator('[data-status="done"]')).waitFor();

    const text = await answer.locator('.answer').innerText();
    expect(text).toMatch(/mục (?:II|III)(?:\.\d)? Kế hoạch (?:số )?123\/KH-UBND/);
    // The plan has no Điều: neither the answer nor any of its chips says so.
    expect(text).not.toMatch(/Điều (?:[IVX]+\b|\d+\.? (?:Hỗ trợ|Tiếp nhận|Tuyên truyền|Mục đích|Yêu cầu))/u);
    const chips = answer.getByTestId('citation');
    const chipTexts = await chips.allInnerTexts();
    const planChips = chipTexts.filter((t) => t.includes('123/KH-UBND'));
    expect(planChips.length, chipTexts.join(' | ')).toBeGreaterThan(0);
    for (const t of planChips) {
      expect(t).toMatch(/^(Điểm [a-zđ] )?Mục [IVX]+(\.\d+)*/u);
      expect(t).toContain(`Kế hoạch số 123/KH-UBND ngày 15/3/${YEAR} của UBND tỉnh Thanh Hóa`);
      expect(t).not.toContain('Điều');
    }

    const chip = chips.filter({ hasText: '123/KH-UBND' }).first();
    const place = /Mục ([IVX]+(?:\.\d+)*)/u.exec(await chip.innerText())![1]!;
    await chip.click();
    const viewer = page.getByRole('dialog');
    await viewer.locator('.clause.cited').waitFor();
    const path = await viewer.getByTestId('heading-path').innerText();
    const part = place.split('.')[0]!;
    expect(path).toMatch(new RegExp(`^${part}\\. `));
    // The cited block is the section itself, or the part's list that holds the cited item.
    const cited = (await viewer.locator('.clause.cited').getAttribute('data-section'))!;
    expect([place, place.split('.').slice(0, -1).join('.')]).toContain(cited);
    const viewerText = await viewer.innerText();
    expect(viewerText).toContain('Thời gian thực hiện');
    expect(viewerText).toContain(`năm ${YEAR}`);
    expect(viewerText).toContain('UBND tỉnh Thanh Hóa');
    expect(viewerText).not.toMatch(/Điều [IVX]/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/hieuluat-plan-source.png' }).catch(() => undefined);
    await viewer.getByRole('button', { name: 'Đóng' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the console says a letter without numbering was cut by its headings, and lists the plan’s hotline for confirmation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Thư viện văn bản' }).click();

    const letter = page.locator('tr', { hasText: '35/UBND-VP' });
    await letter.getByRole('button', { name: 'Cấu trúc' }).click();
    await expect(page.getByTestId('scheme-note').innerText()).resolves.toContain('đã chia theo tiêu đề và đoạn văn');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    const plan = page.locator('tr[data-document="123-kh-ubnd"]');
    await plan.getByRole('button', { name: 'Cấu trúc' }).click();
    await expect(page.getByTestId('scheme-note').innerText()).resolves.toContain('mục III.2');
    const contacts = page.getByTestId('contacts');
    await expect(contacts.innerText()).resolves.toContain('0237 3852 111');
    await contacts.getByRole('button', { name: 'Xác nhận là số liên hệ chính thức' }).click();
    await contacts.getByRole('button', { name: 'Bỏ xác nhận' }).waitFor();
    const r = await server.services.db.query<{ confirmed_by: string }>("select confirmed_by from document_contacts where value = '0237 3852 111'");
    expect(r.rows).toEqual([{ confirmed_by: ADMIN.email }]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

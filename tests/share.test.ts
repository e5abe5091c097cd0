import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../server/maintenance/retention.js';
import { topicLabel } from '../server/share/format.js';
import { testApp } from './helpers/app.js';
import { addOfficial, bearer, login } from './helpers/officials.js';

type Ctx = Awaited<ReturnType<typeof testApp>>;
let app: Ctx['app'];
let services: Ctx['services'];

beforeAll(async () => {
  ({ app, services } = await testApp());
});
afterAll(async () => {
  await app.close();
  await services.db.close();
});

const QUESTION = 'vợ chồng thuận tình ly hôn cần điều kiện gì';

async function ask(message: string) {
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function share(payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/share', payload, headers: { host: 'hieuluat.test' } });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('shared answers (/a/<id>)', () => {
  it('shares the answer and its citations, with the topic instead of her words unless she ticks it', async () => {
    const r = await ask(QUESTION);
    expect(r.kind).toBe('answer');
    const res = await share({ conversationId: r.conversationId, messageId: r.messageId });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.url).toBe(`http://hieuluat.test/a/${s.id}`);
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const page = await app.inject({ method: 'GET', url: `/a/${s.id}`, headers: { host: 'hieuluat.test' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body;
    // Her words are not there; the topic is.
    expect(html).not.toContain(QUESTION);
    const topic = (await services.db.query<{ topic: string }>('select topic from messages where id = $1', [r.messageId])).rows[0]!.topic;
    const heading = `Hỏi đáp pháp luật về: ${topicLabel(topic)}`;
    expect(topicLabel(topic)).toMatch(/^[A-ZĐ]/);
    expect(html).toContain(`<h1>${heading}</h1>`);
    // The citations with their quoted khoản and validity, the date and the disclaimer.
    const c = r.citations[0];
    expect(html).toContain(`Điều ${c.article}`);
    expect(html).toContain(c.quote.slice(0, 40).replace(/&/g, '&amp;'));
    expect(html).toMatch(/còn hiệu lực/);
    expect(html).toMatch(/Trả lời ngày \d{2}\/\d{2}\/\d{4}/);
    expect(html).toContain('không thay thế');
    // No script on the page, its own CSP, not indexed, tells nothing to the next site.
    expect(html).not.toContain('<script');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Open Graph: absolute card address, its size, title and description.
    expect(html).toContain(`<meta property="og:image" content="http://hieuluat.test/a/${s.id}/card.png">`);
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta property="og:image:height" content="630">');
    expect(html).toContain(`<meta property="og:title" content="${heading}">`);
    expect(html).toMatch(/<meta property="og:description" content="[^"]{20,}">/);
    // Nothing of the conversation: its id is not on the page.
    expect(html).not.toContain(r.conversationId);

    const withWords = (await share({ conversationId: r.conversationId, messageId: r.messageId, includeQuestion: true })).json();
    const html2 = (await app.inject({ method: 'GET', url: `/a/${withWords.id}` })).body;
    expect(html2).toContain(`<h1>${QUESTION}</h1>`);
  });

  it('serves the card images at 1200×630 and 1200×1200', async () => {
    const r = await ask('chồng không cho tiền nuôi con sau ly hôn thì sao');
    const s = (await share({ conversationId: r.conversationId, messageId: r.messageId })).json();
    const wide = await app.inject({ method: 'GET', url: `/a/${s.id}/card.png` });
    expect(wide.statusCode).toBe(200);
    expect(wide.headers['content-type']).toBe('image/png');
    expect(wide.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(pngSize(wide.rawPayload)).toEqual({ width: 1200, height: 630 });
    expect(wide.rawPayload.length).toBeGreaterThan(10_000);
    const square = await app.inject({ method: 'GET', url: `/a/${s.id}/card-square.png` });
    expect(pngSize(square.rawPayload)).toEqual({ width: 1200, height: 1200 });
  }, 30_000);

  it("refuses an emergency answer, another conversation's message and unknown fields", async () => {
    const em = await ask('chồng đang cầm dao dọa giết em, cứu em với');
    expect(em.kind).toBe('emergency');
    const refused = await share({ conversationId: em.conversationId, messageId: em.messageId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid:share_emergency' });
    expect(refused.json().message).toMatch(/chị/);

    const other = await ask(QUESTION);
    const wrong = await share({ conversationId: em.conversationId, messageId: other.messageId });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toBe('not_found:message');

    const extra = await share({ conversationId: other.conversationId, messageId: other.messageId, conversation: 'all' });
    expect(extra.statusCode).toBe(400);
  });

  it('lets an official withdraw a share: the page says so, the text and card are gone, and it is audited', async () => {
    const r = await ask(QUESTION);
    const s = (await share({ conversationId: r.conversationId, messageId: r.messageId, includeQuestion: true })).json();
    // Not for members.
    expect((await app.inject({ method: 'POST', url: `/api/admin/shares/${s.id}/withdraw` })).statusCode).toBe(401);

    await addOfficial(services, 'canbo@hoiphunu-test.vn', 'editor');
    const who = await login(app, 'canbo@hoiphunu-test.vn');
    const list = await app.inject({ method: 'GET', url: '/api/admin/shares', headers: bearer(who) });
    expect(list.json().items.some((i: { id: string; withQuestion: boolean }) => i.id === s.id && i.withQuestion)).toBe(true);

    const w = await app.inject({ method: 'POST', url: `/api/admin/shares/${s.id}/withdraw`, headers: bearer(who) });
    expect(w.statusCode, w.body).toBe(200);
    const page = await app.inject({ method: 'GET', url: `/a/${s.id}` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('thu hồi');
    expect(page.body).not.toContain(QUESTION);
    expect((await app.inject({ method: 'GET', url: `/a/${s.id}/card.png` })).statusCode).toBe(404);
    const row = (await services.db.query<{ answer: string; question: string | null }>('select answer, question from shared_answers where id = $1', [s.id]))
      .rows[0]!;
    expect(row).toEqual({ answer: '', question: null });
    const audit = await services.db.query<{ action: string }>("select action from audit_log where target_type = 'share' and target_id = $1", [s.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['share.withdraw']);
    expect((await app.inject({ method: 'POST', url: `/api/admin/shares/${s.id}/withdraw`, headers: bearer(who) })).statusCode).toBe(404);
  });

  it('expires by the retention policy: 404 after expiry, deleted by the sweep', async () => {
    const r = await ask(QUESTION);
    const s = (await share({ conversationId: r.conversationId, messageId: r.messageId })).json();
    const days = Math.round((Date.parse(s.expiresAt) - Date.now()) / 86_400_000);
    expect(days).toBe(services.config.RETENTION_DAYS);
    await services.db.query("update shared_answers set expires_at = now() - interval '1 minute' where id = $1", [s.id]);
    expect((await app.inject({ method: 'GET', url: `/a/${s.id}` })).statusCode).toBe(404);
    expect((await sweep(services.db, { retentionDays: 30 })).shares).toBeGreaterThanOrEqual(1);
    expect((await services.db.query('select 1 from shared_answers where id = $1', [s.id])).rows).toHaveLength(0);
  });
});

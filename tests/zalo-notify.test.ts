import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ingestDocument } from '../ingest/pipeline.js';
import type { Services } from '../server/services.js';
import { addMessage, createConversation } from '../store/conversations.js';
import { zaloOwnerKeyOf } from '../server/notify/notifier.js';
import { notifyOfficialReply, sendDeferred } from '../server/notify/official-reply.js';
import { createZaloNotifier, NOTIFICATION } from '../server/notify/zalo.js';
import { loadConfig } from '../config/config.js';
import { sweep } from '../server/maintenance/retention.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';
import { startFakeZalo, type FakeZalo } from './helpers/fake-zalo.js';

/**
 * The member hears back in Zalo: with her consent, approving the official's answer sends one
 * Zalo notification that says only that the union answered; never without consent or config,
 * and a Zalo API that refuses or hangs does not touch the approval. Zalo is a local fake.
 */

const ZID = '5837261904471239001';
const OTHER_ZID = '1111222233334444555';
const APP_ID = '4318657068771012646';
const API_KEY = 'zalo-secret-key-for-tests';
const QUESTION = 'Chồng tôi giữ hết lương, tôi có quyền đòi lại không?';
const ANSWER = 'Thu nhập của vợ chồng trong thời kỳ hôn nhân là tài sản chung, chị có quyền ngang nhau.';

const LAW = `title: Luật Thử nghiệm gia đình
number: 88/2030/QH15
type: Luật
issued: 2030-01-01
status: còn hiệu lực

Điều 5. Tài sản chung
1. Thu nhập do lao động trong thời kỳ hôn nhân là tài sản chung.
2. Vợ chồng bình đẳng về quyền đối với tài sản chung.
`;

let zalo: FakeZalo;
let withZalo: Awaited<ReturnType<typeof officialsApp>>;
let without: Awaited<ReturnType<typeof officialsApp>>;

async function setUp(env: Record<string, string>) {
  const a = await officialsApp(env);
  await ingestDocument(a.services.db, a.services.embedder, { bytes: Buffer.from(LAW), origin: 'upload' });
  await a.services.retriever.refresh();
  await addOfficial(a.services, 'bientap@hoiphunu.vn', 'editor');
  await addOfficial(a.services, 'admin@hoiphunu.vn', 'admin');
  return { ...a, editor: await login(a.app, 'bientap@hoiphunu.vn'), admin: await login(a.app, 'admin@hoiphunu.vn') };
}

beforeAll(async () => {
  zalo = await startFakeZalo();
  withZalo = await setUp({
    ZALO_APP_ID: APP_ID,
    ZALO_NOTIFY_API_KEY: API_KEY,
    ZALO_NOTIFY_API_URL: zalo.url,
    ZALO_NOTIFY_TIMEOUT_MS: '400',
    ZALO_NOTIFY_HOURS: '0-24',
  });
  without = await setUp({});
});
afterAll(async () => {
  await withZalo.close();
  await without.close();
  await zalo.close();
});

type Env = typeof withZalo & { editor: Login; admin: Login };

/** A conversation filed under her Zalo owner key (she opted in), with a refused question in it. */
async function conversationOf(s: Services, ownerZid: string | null) {
  const conversationId = `conv-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await createConversation(s.db, conversationId, { ownerKey: ownerZid ? zaloOwnerKeyOf(ownerZid) : null });
  await addMessage(s.db, { conversationId, role: 'user', content: QUESTION, resolvedQuery: QUESTION });
  const messageId = await addMessage(s.db, { conversationId, role: 'assistant', content: 'Ngoài phạm vi…', kind: 'out_of_scope' });
  return { conversationId, messageId };
}

const handover = (app: FastifyInstance, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/handover', payload });

async function answerAndApprove(e: Env, id: number, text = ANSWER) {
  const a = await e.app.inject({
    method: 'POST',
    url: `/api/admin/handover/${id}/answer`,
    headers: bearer(e.editor),
    payload: { answer: text, citations: [{ documentId: '88-2030-qh15', article: '5', clause: '1' }] },
  });
  expect(a.statusCode).toBe(200);
  return e.app.inject({ method: 'POST', url: `/api/admin/handover/${id}/approve`, headers: bearer(e.admin) });
}

const row = async (s: Services, id: number) =>
  (await s.db.query<{ notify_recipient: string | null; notified_at: string | null }>('select notify_recipient, notified_at from handover where id = $1', [id]))
    .rows[0]!;

async function until(check: () => boolean | Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in time');
}
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('Zalo notification of an official reply', () => {
  it('records her consent with the hand-over, her Zalo id sealed, and tells her so', async () => {
    const c = await conversationOf(withZalo.services, ZID);
    const r = await handover(withZalo.app, { ...c, zaloUserId: ZID });
    expect(r.statusCode).toBe(201);
    expect(json(r).notify).toBe(true);
    expect(json(r).message).toMatch(/thông báo qua Zalo/);
    const stored = (await row(withZalo.services, json(r).id)).notify_recipient;
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(ZID);
    expect(Buffer.from(stored!.split('.').at(-1)!, 'base64url').toString('latin1')).not.toContain(ZID);
  });

  it('notifies only the Zalo account her conversation is filed under, and never fails her hand-over over it', async () => {
    const mine = await conversationOf(withZalo.services, ZID);
    const wrong = await handover(withZalo.app, { ...mine, zaloUserId: OTHER_ZID });
    expect(wrong.statusCode).toBe(201);
    expect(json(wrong).notify).toBe(false);
    expect((await row(withZalo.services, json(wrong).id)).notify_recipient).toBeNull();
    // Begun before she turned on "Ghi nhớ bằng tài khoản Zalo": filed under her account now.
    const earlier = await conversationOf(withZalo.services, null);
    const r = await handover(withZalo.app, { ...earlier, zaloUserId: ZID });
    expect(json(r).notify).toBe(true);
    const owner = await withZalo.services.db.query<{ owner_key: string }>('select owner_key from conversations where id = $1', [earlier.conversationId]);
    expect(owner.rows[0]!.owner_key).toBe(zaloOwnerKeyOf(ZID));
  });

  it('sends one notification on approval, to her, saying only that the union answered', async () => {
    const before = zalo.requests.length;
    const c = await conversationOf(withZalo.services, ZID);
    const id = json(await handover(withZalo.app, { ...c, zaloUserId: ZID })).id as number;
    expect(zalo.requests.length).toBe(before); // nothing before approval
    expect((await answerAndApprove(withZalo as Env, id)).statusCode).toBe(200);
    await until(() => zalo.requests.length === before + 1);
    const sent = zalo.requests.at(-1)!;
    expect(sent.path).toBe('/notification/template');
    expect(sent.headers['x-user-id']).toBe(ZID);
    expect(sent.headers['x-miniapp-id']).toBe(APP_ID);
    expect(sent.headers['x-api-key']).toBe(`Bearer ${API_KEY}`);
    expect(sent.body.templateId).toBe('00126fd75392bacce383');
    expect(sent.body.templateData).toMatchObject(NOTIFICATION);
    expect(NOTIFICATION.title.length).toBeLessThanOrEqual(32);
    // Neither her question nor the answer, in any form.
    for (const text of [QUESTION, ANSWER, 'lương', 'tài sản chung', 'Điều 5']) expect(sent.raw).not.toContain(text);
    expect(await row(withZalo.services, id)).toMatchObject({ notify_recipient: null, notified_at: expect.anything() });

    // Approving again after an edit rewrites her message but does not notify twice.
    expect((await answerAndApprove(withZalo as Env, id, `${ANSWER} Chị có thể nhờ hòa giải viên.`)).statusCode).toBe(200);
    await settle();
    expect(zalo.requests.length).toBe(before + 1);
  });

  it('sends nothing without her consent', async () => {
    const before = zalo.requests.length;
    const c = await conversationOf(withZalo.services, ZID);
    const r = await handover(withZalo.app, c);
    expect(json(r).notify).toBe(false);
    expect((await answerAndApprove(withZalo as Env, json(r).id)).statusCode).toBe(200);
    await settle();
    expect(zalo.requests.length).toBe(before);
  });

  it('keeps nothing and sends nothing when Zalo notifications are not configured', async () => {
    const before = zalo.requests.length;
    const c = await conversationOf(without.services, ZID);
    const r = await handover(without.app, { ...c, zaloUserId: ZID });
    expect(r.statusCode).toBe(201);
    expect(json(r).notify).toBe(false);
    expect(json(r).message).not.toMatch(/Zalo/);
    expect((await row(without.services, json(r).id)).notify_recipient).toBeNull();
    expect((await answerAndApprove(without as Env, json(r).id)).statusCode).toBe(200);
    await settle();
    expect(zalo.requests.length).toBe(before);
  });

  it.each(['hang', 'down', 'fail'] as const)('approval succeeds and her reply is delivered when Zalo %s', async (mode) => {
    zalo.mode = mode;
    try {
      const before = zalo.requests.length;
      const c = await conversationOf(withZalo.services, ZID);
      const id = json(await handover(withZalo.app, { ...c, zaloUserId: ZID })).id as number;
      // A Zalo that hangs for ever would hold an approval that waited on it past the test's timeout.
      const r = await answerAndApprove(withZalo as Env, id);
      expect(r.statusCode).toBe(200);
      expect(json(r).item.state).toBe('approved');
      const conv = json(await withZalo.app.inject({ method: 'GET', url: `/api/conversations/${c.conversationId}` }));
      expect(conv.messages.at(-1)).toMatchObject({ official: true });
      await until(() => zalo.requests.length === before + 1);
      // Tried once; her sealed id is gone whatever Zalo said.
      await until(async () => (await row(withZalo.services, id)).notify_recipient === null);
    } finally {
      zalo.mode = 'ok';
    }
  });

  it('logs a failure with the hand-over number only, no text of hers and not her Zalo id', async () => {
    const c = await conversationOf(withZalo.services, ZID);
    const id = json(await handover(withZalo.app, { ...c, zaloUserId: ZID })).id as number;
    // Deliver without going through the route, so the notification is ours to watch.
    await withZalo.services.db.query(`update handover set answer = $2, state = 'approved' where id = $1`, [id, ANSWER]);
    const { deliverOfficialReply } = await import('../server/handover/reply.js');
    await deliverOfficialReply(withZalo.services.db, id);
    const lines: unknown[] = [];
    const log = { info: (...a: unknown[]) => lines.push(a), warn: (...a: unknown[]) => lines.push(a) } as unknown as FastifyBaseLogger;
    zalo.mode = 'hang';
    try {
      const cfg = loadConfig({
        ZALO_APP_ID: APP_ID,
        ZALO_NOTIFY_API_KEY: API_KEY,
        ZALO_NOTIFY_API_URL: zalo.url,
        ZALO_NOTIFY_TIMEOUT_MS: '200',
        ZALO_NOTIFY_HOURS: '0-24',
      }).zaloNotify!;
      expect(await notifyOfficialReply(withZalo.services.db, createZaloNotifier(cfg), id, log)).toBe('failed');
    } finally {
      zalo.mode = 'ok';
    }
    const logged = JSON.stringify(lines);
    expect(logged).toContain(String(id));
    expect(logged).toContain('timeout');
    for (const text of [ZID, QUESTION, ANSWER, 'lương']) expect(logged).not.toContain(text);
    // Already tried: never a second attempt.
    expect(
      await notifyOfficialReply(
        withZalo.services.db,
        createZaloNotifier(
          loadConfig({ ZALO_APP_ID: APP_ID, ZALO_NOTIFY_API_KEY: API_KEY, ZALO_NOTIFY_API_URL: zalo.url, ZALO_NOTIFY_HOURS: '0-24' }).zaloNotify!,
        ),
        id,
        log,
      ),
    ).toBe('not_asked');
  });

  it("waits for Zalo's daytime hours: an answer approved at night is notified in the morning, once", async () => {
    const c = await conversationOf(withZalo.services, ZID);
    const id = json(await handover(withZalo.app, { ...c, zaloUserId: ZID })).id as number;
    await withZalo.services.db.query(`update handover set answer = $2, state = 'approved' where id = $1`, [id, ANSWER]);
    const { deliverOfficialReply } = await import('../server/handover/reply.js');
    await deliverOfficialReply(withZalo.services.db, id);
    const daytime = createZaloNotifier(loadConfig({ ZALO_APP_ID: APP_ID, ZALO_NOTIFY_API_KEY: API_KEY, ZALO_NOTIFY_API_URL: zalo.url }).zaloNotify!);
    const night = new Date('2030-03-01T16:30:00Z'); // 23:30 in Việt Nam
    const morning = new Date('2030-03-02T01:00:00Z'); // 8:00
    const before = zalo.requests.length;
    expect(await notifyOfficialReply(withZalo.services.db, daytime, id, undefined, night)).toBe('deferred');
    expect(await sendDeferred(withZalo.services.db, daytime, undefined, night)).toBe(0);
    expect((await row(withZalo.services, id)).notify_recipient).not.toBeNull();
    expect(zalo.requests.length).toBe(before);
    expect(await sendDeferred(withZalo.services.db, daytime, undefined, morning)).toBeGreaterThanOrEqual(1);
    expect(zalo.requests.filter((r) => r.headers['x-user-id'] === ZID).length).toBeGreaterThan(0);
    expect((await row(withZalo.services, id)).notify_recipient).toBeNull();
    const after = zalo.requests.length;
    expect(await sendDeferred(withZalo.services.db, daytime, undefined, morning)).toBe(0);
    expect(zalo.requests.length).toBe(after);
  });

  it('forgets her sealed Zalo id with her conversation (retention, "Thoát nhanh")', async () => {
    const c = await conversationOf(withZalo.services, ZID);
    const id = json(await handover(withZalo.app, { ...c, zaloUserId: ZID })).id as number;
    expect((await row(withZalo.services, id)).notify_recipient).not.toBeNull();
    await withZalo.services.db.query('delete from conversations where id = $1', [c.conversationId]);
    await sweep(withZalo.services.db, { retentionDays: 30 });
    expect((await row(withZalo.services, id)).notify_recipient).toBeNull();
  });

  it('config: app id and API key set both or neither; off by default', () => {
    expect(loadConfig({}).zaloNotify).toBeNull();
    expect(() => loadConfig({ ZALO_APP_ID: APP_ID })).toThrow(/ZALO_APP_ID\/ZALO_NOTIFY_API_KEY/);
    expect(() => loadConfig({ ZALO_NOTIFY_API_KEY: API_KEY })).toThrow(/ZALO_APP_ID\/ZALO_NOTIFY_API_KEY/);
    expect(loadConfig({ ZALO_APP_ID: APP_ID, ZALO_NOTIFY_API_KEY: API_KEY }).zaloNotify).toMatchObject({
      appId: APP_ID,
      baseUrl: 'https://openapi.mini.zalo.me',
      hours: [6, 22],
    });
    expect(() => loadConfig({ ZALO_NOTIFY_HOURS: '22-6' })).toThrow(/ZALO_NOTIFY_HOURS/);
  });
});

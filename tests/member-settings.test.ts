import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.js';
import { normalisePhone } from '../server/settings/store.js';
import { addOfficial, bearer, json, login, officialsApp, type Login } from './helpers/officials.js';

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;
let editor: Login;

beforeAll(async () => {
  ({ app, services, close } = await officialsApp({ EMERGENCY_DV_HOTLINE: '1900 0001', LEGAL_AID_PHONE: '0237 000 000' }));
  await addOfficial(services, 'canbo@hoiphunu.vn', 'editor');
  editor = await login(app, 'canbo@hoiphunu.vn');
});
afterAll(() => close());

const numbers = async () => json(await app.inject({ method: 'GET', url: '/api/emergency' })).numbers as { label: string; number: string }[];
const put = (payload: Record<string, unknown>, headers: Record<string, string> = bearer(editor)) =>
  app.inject({ method: 'PUT', url: '/api/admin/member-settings', headers, payload });

describe('what members see, set by officials', () => {
  it('accepts dialable numbers only', () => {
    expect(normalisePhone(' 1800  1567 ')).toBe('1800 1567');
    expect(normalisePhone('+84 237.3852.111')).toBe('+84 237.3852.111');
    for (const bad of ['11', 'gọi 111', '1234567890123456', '--', '']) expect(normalisePhone(bad)).toBeNull();
  });

  it('starts from the configured defaults', async () => {
    expect((await numbers()).map((n) => n.number)).toEqual(['113', '111', '115', '1900 0001']);
    expect(json(await app.inject({ method: 'GET', url: '/api/welcome' }))).toEqual({
      welcome: null,
      suggestions: [],
      limits: { messageChars: 2000, noteChars: 1000 },
      zaloNotify: false,
    });
  });

  it('an official sets the hotlines, the welcome and the suggestions; members see them at once; audited', async () => {
    const res = await put({
      dvHotline: '1800 1567',
      provinceChildLine: '0237 3 852 111',
      welcome: 'Chào chị,  Hội Phụ nữ tỉnh Thanh Hóa  luôn bên chị.\n\n\n\nMiễn phí.',
      suggestions: ['Chồng đánh vợ thì bị xử lý thế nào?', ' Chồng đánh vợ thì bị xử lý thế nào? ', 'Ly hôn đơn phương cần giấy tờ gì?'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).changed.sort()).toEqual(['dvHotline', 'provinceChildLine', 'suggestions', 'welcome']);

    const list = await numbers();
    expect(list.map((n) => n.number)).toEqual(['113', '111', '0237 3 852 111', '115', '1800 1567']);
    expect(list.find((n) => n.number === '0237 3 852 111')!.label).toBe('Đường dây bảo vệ trẻ em của tỉnh');
    expect(json(await app.inject({ method: 'GET', url: '/api/welcome' }))).toEqual({
      welcome: 'Chào chị, Hội Phụ nữ tỉnh Thanh Hóa luôn bên chị.\n\nMiễn phí.',
      suggestions: ['Chồng đánh vợ thì bị xử lý thế nào?', 'Ly hôn đơn phương cần giấy tờ gì?'],
      limits: { messageChars: 2000, noteChars: 1000 },
      zaloNotify: false,
    });

    // An emergency answer offers the hotline officials set, not the configured one.
    const chat = json(await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'Chồng tôi đang cầm dao đòi giết tôi, cứu tôi với' } }));
    expect(chat.kind).toBe('emergency');
    const offered = chat.emergency.numbers.map((n: { number: string }) => n.number);
    expect(offered).toContain('1800 1567');
    expect(offered).not.toContain('1900 0001');
    expect(chat.answer).toContain('1800 1567');

    const audit = (
      await services.db.query<{ action: string; actor_email: string; details: Record<string, unknown> }>(
        `select action, actor_email, details from audit_log where action = 'settings.update'`,
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_email: 'canbo@hoiphunu.vn',
      details: { dvHotline: '1800 1567', provinceChildLine: '0237 3 852 111', suggestions: 2 },
    });

    // The same values again change nothing and write no audit entry.
    expect(json(await put({ dvHotline: '1800 1567' })).changed).toEqual([]);
    expect((await services.db.query(`select 1 from audit_log where action = 'settings.update'`)).rows).toHaveLength(1);
  });

  it('clearing a value brings the default back; the console sees effective, saved and default values', async () => {
    expect((await put({ dvHotline: '', welcome: null, suggestions: [] })).statusCode).toBe(200);
    expect((await numbers()).map((n) => n.number)).toContain('1900 0001');
    const view = json(await app.inject({ method: 'GET', url: '/api/admin/member-settings', headers: bearer(editor) }));
    expect(view.effective).toMatchObject({
      dvHotline: '1900 0001',
      legalAidPhone: '0237 000 000',
      provinceChildLine: '0237 3 852 111',
      welcome: null,
      suggestions: [],
    });
    expect(view.saved).toEqual({ provinceChildLine: '0237 3 852 111' });
    expect(view.defaults).toMatchObject({ dvHotline: '1900 0001', provinceChildLine: '' });
  });

  it('the legal-aid number officials set closes every answer (disclaimer and next step), not the configured one', async () => {
    expect((await put({ legalAidPhone: '1900 6198' })).statusCode).toBe(200);
    const chat = json(await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'Chồng tôi đang cầm dao đòi giết tôi, cứu tôi với' } }));
    expect(chat.kind).toBe('emergency');
    expect(chat.answer).toContain('(1900 6198)');
    expect(chat.answer).not.toContain('0237 000 000');
    expect((await put({ legalAidPhone: '' })).statusCode).toBe(200);
  });

  it('refuses bad input in Vietnamese, and anyone who is not an official', async () => {
    const bad = await put({ dvHotline: 'gọi cho Hội' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toMatch(/đường dây nóng .* không hợp lệ/);
    const many = await put({ suggestions: Array.from({ length: 9 }, (_, i) => `Câu hỏi số ${i}?`) });
    expect(many.statusCode).toBe(400);
    expect(json(many).message).toMatch(/Tối đa 8/);
    expect((await put({ dvHotline: '1800 1567' }, {})).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/admin/member-settings' })).statusCode).toBe(401);
  });
});

import type { FastifyPluginAsync } from 'fastify';
import { officialOf, requireRole } from '../auth/guard.js';
import { badRequest } from '../errors.js';
import { guardedErrors, security } from '../admin/schemas.js';
import { NOTE_MAX_CHARS } from '../feedback/limits.js';
import {
  cleanText,
  defaults,
  memberSettings,
  normalisePhone,
  savedSettings,
  SUGGESTION_MAX_CHARS,
  SUGGESTIONS_MAX,
  WELCOME_MAX_CHARS,
  type MemberSettings,
} from './store.js';
import { updateMemberSettings } from './service.js';

const settingsSchema = {
  type: 'object',
  properties: {
    dvHotline: { type: 'string' },
    legalAidPhone: { type: 'string' },
    provinceChildLine: { type: 'string' },
    welcome: { type: ['string', 'null'] },
    suggestions: { type: 'array', items: { type: 'string' } },
  },
} as const;

const PHONES = [
  ['dvHotline', 'Số đường dây nóng phòng, chống bạo lực gia đình'],
  ['legalAidPhone', 'Số trợ giúp pháp lý'],
  ['provinceChildLine', 'Số đường dây bảo vệ trẻ em của tỉnh'],
] as const;

type Body = { [K in keyof MemberSettings]?: MemberSettings[K] | null };

/** Checks and cleans what an official typed; the first problem becomes a Vietnamese 400. */
function clean(body: Body): Partial<MemberSettings> {
  const out: Partial<MemberSettings> = {};
  for (const [key, name] of PHONES) {
    const v = body[key];
    if (v === undefined) continue;
    if (v === null || !v.trim()) out[key] = '';
    else {
      const phone = normalisePhone(v);
      if (!phone) throw badRequest('phone', `${name} không hợp lệ: chỉ gồm chữ số (có thể có dấu cách, dấu chấm, dấu +), từ 3 đến 15 chữ số.`);
      out[key] = phone;
    }
  }
  if (body.welcome !== undefined) {
    const w = body.welcome === null ? '' : cleanText(body.welcome);
    if (w.length > WELCOME_MAX_CHARS) throw badRequest('welcome', `Lời chào dài quá ${WELCOME_MAX_CHARS} ký tự.`);
    out.welcome = w || null;
  }
  if (body.suggestions !== undefined) {
    const list = [...new Set((body.suggestions ?? []).map((q) => cleanText(q).replace(/\n+/g, ' ')).filter(Boolean))];
    if (list.length > SUGGESTIONS_MAX) throw badRequest('suggestions', `Tối đa ${SUGGESTIONS_MAX} câu hỏi gợi ý.`);
    if (list.some((q) => q.length > SUGGESTION_MAX_CHARS)) throw badRequest('suggestions', `Mỗi câu hỏi gợi ý không dài quá ${SUGGESTION_MAX_CHARS} ký tự.`);
    out.suggestions = list;
  }
  return out;
}

/**
 * What members see that officials set: the hotline numbers (call buttons and emergency answers),
 * the welcome text and the suggested questions. Public reads for the chats; console edits audited.
 */
const memberSettingsRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;
  const official = requireRole('editor');

  app.get(
    '/api/welcome',
    {
      schema: {
        tags: ['chat'],
        summary: "The welcome text and suggested questions officials set (null / empty: the chat's built-in ones)",
        response: {
          200: {
            type: 'object',
            required: ['welcome', 'suggestions', 'limits'],
            properties: {
              welcome: { type: ['string', 'null'] },
              suggestions: { type: 'array', items: { type: 'string' } },
              // What the server accepts, so the chats say "too long" before sending instead of hard-coding it.
              limits: {
                type: 'object',
                required: ['messageChars', 'noteChars'],
                properties: { messageChars: { type: 'integer' }, noteChars: { type: 'integer' } },
              },
              // The Mini App asks for Zalo's notification permission only when the server can send one.
              zaloNotify: { type: 'boolean' },
            },
          },
        },
      },
    },
    async (_req, reply) => {
      const s = await memberSettings(db, config);
      reply.header('cache-control', 'public, max-age=60');
      return {
        welcome: s.welcome,
        suggestions: s.suggestions,
        limits: { messageChars: config.MAX_MESSAGE_CHARS, noteChars: NOTE_MAX_CHARS },
        zaloNotify: config.zaloNotify !== null,
      };
    },
  );

  app.get(
    '/api/admin/member-settings',
    {
      onRequest: official,
      schema: {
        tags: ['admin'],
        summary: 'What members see: the values in effect, those saved in the console and the server defaults',
        security,
        response: { 200: { type: 'object', properties: { effective: settingsSchema, saved: settingsSchema, defaults: settingsSchema } }, ...guardedErrors },
      },
    },
    async () => ({ effective: await memberSettings(db, config), saved: await savedSettings(db), defaults: defaults(config) }),
  );

  app.put<{ Body: Body }>(
    '/api/admin/member-settings',
    {
      onRequest: official,
      schema: {
        tags: ['admin'],
        summary: 'Set hotline numbers, the welcome text and suggested questions (empty or null: back to the default); audited',
        security,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            dvHotline: { type: ['string', 'null'], maxLength: 40 },
            legalAidPhone: { type: ['string', 'null'], maxLength: 40 },
            provinceChildLine: { type: ['string', 'null'], maxLength: 40 },
            welcome: { type: ['string', 'null'], maxLength: WELCOME_MAX_CHARS * 2 },
            suggestions: { type: ['array', 'null'], maxItems: SUGGESTIONS_MAX * 2, items: { type: 'string', maxLength: SUGGESTION_MAX_CHARS * 2 } },
          },
        },
        response: {
          200: { type: 'object', properties: { effective: settingsSchema, changed: { type: 'array', items: { type: 'string' } } } },
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      return updateMemberSettings(app.services, officialOf(req), clean(req.body));
    },
  );
};

export default memberSettingsRoutes;

import type { FastifyPluginAsync } from 'fastify';
import { errorResponse } from '../routes/schemas.js';
import { notFound } from '../errors.js';
import { createHandover, messageInConversation } from '../handover/store.js';
import { recordNotifyConsent } from '../notify/consent.js';
import { noNotifier } from '../notify/notifier.js';
import { NOTE_MAX_CHARS } from './limits.js';

const messageRef = {
  messageId: { type: 'integer', minimum: 1 },
  conversationId: { type: 'string', minLength: 8, maxLength: 120 },
} as const;

/** Members' 👍/👎 and "gửi câu hỏi cho cán bộ Hội": public, proven by the conversation id. */
const memberFeedback: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  const notifier = app.services.notifier ?? noNotifier;

  app.post<{ Body: { messageId: number; conversationId: string; rating: 1 | -1; comment?: string } }>(
    '/api/feedback',
    {
      config: { rateLimitGroup: 'search' },
      schema: {
        tags: ['feedback'],
        summary: 'Rate an answer (1 = hữu ích, -1 = chưa đúng); rating again replaces the earlier rating',
        body: {
          type: 'object',
          required: ['messageId', 'conversationId', 'rating'],
          additionalProperties: false,
          properties: { ...messageRef, rating: { type: 'integer', enum: [1, -1] }, comment: { type: 'string', maxLength: NOTE_MAX_CHARS } },
        },
        response: {
          200: { type: 'object', properties: { ok: { type: 'boolean' }, rating: { type: 'integer' } } },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const { messageId, conversationId, rating, comment } = req.body;
      const msg = await messageInConversation(db, messageId, conversationId);
      if (!msg || msg.role !== 'assistant') throw notFound('message', 'Không tìm thấy câu trả lời này trong cuộc trò chuyện.');
      await db.query(
        `insert into feedback (message_id, rating, comment) values ($1, $2, $3)
         on conflict (message_id) do update set rating = excluded.rating, comment = excluded.comment, created_at = now()`,
        [messageId, rating, comment?.trim() || null],
      );
      return { ok: true, rating };
    },
  );

  app.post<{ Body: { messageId: number; conversationId: string; note?: string; zaloUserId?: string } }>(
    '/api/handover',
    {
      config: { rateLimitGroup: 'search' },
      schema: {
        tags: ['feedback'],
        summary: 'Send the question behind an answer to the union officials',
        body: {
          type: 'object',
          required: ['messageId', 'conversationId'],
          additionalProperties: false,
          properties: {
            ...messageRef,
            note: { type: 'string', maxLength: NOTE_MAX_CHARS },
            // Sent only from the Mini App, after she agreed to Zalo's notification prompt.
            zaloUserId: {
              type: 'string',
              pattern: '^[0-9A-Za-z_-]{1,64}$',
              description: 'Her app-scoped Zalo id, to be told in Zalo when an official answers; stored encrypted, deleted once used',
            },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['id', 'state', 'message', 'notify'],
            properties: {
              id: { type: 'integer' },
              state: { type: 'string' },
              created: { type: 'boolean' },
              message: { type: 'string' },
              notify: { type: 'boolean', description: 'Whether she will also be told in Zalo when an official answers' },
            },
          },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (req, reply) => {
      const { zaloUserId, ...body } = req.body;
      // One transaction: the hand-over and her consent are stored together or not at all.
      const { r, notify } = await db.transaction(async (tx) => {
        const r = await createHandover(tx, body);
        const notify = zaloUserId ? await recordNotifyConsent(tx, notifier, { handoverId: r.id, conversationId: body.conversationId, zaloUserId }) : false;
        return { r, notify };
      });
      return reply.status(201).send({
        ...r,
        notify,
        // In plain words how she hears back (server/handover/reply.ts delivers the approved answer).
        message:
          'Câu hỏi của chị đã được gửi tới cán bộ Hội Phụ nữ. Khi cán bộ trả lời, câu trả lời sẽ hiện ngay trong cuộc trò chuyện này: chị mở lại Hiểu Luật trên máy này là thấy, không cần để lại số điện thoại.' +
          (notify ? ' Hiểu Luật cũng sẽ gửi chị một thông báo qua Zalo (chỉ báo là cán bộ đã trả lời, không ghi nội dung).' : ''),
      });
    },
  );
};

export default memberFeedback;

import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { officialOf, requireRole } from '../auth/guard.js';
import { disclaimer } from '../answer/disclaimer.js';
import { memberSettings } from '../settings/store.js';
import { notFound } from '../errors.js';
import { errorResponse, guardedErrors, security } from '../admin/schemas.js';
import { renderCard, type CardShape } from './card.js';
import { topicLabel } from './format.js';
import { gonePage, SHARE_PAGE_CSP, shareHeading, sharePage } from './page.js';
import { createShare, listShares, readShare, withdrawShare } from './service.js';

/**
 * Shared answers (issue 18): POST /api/share makes a public copy of one answer; /a/<id> is its
 * read-only page with Open Graph tags; /a/<id>/card.png and /a/<id>/card-square.png the preview
 * images; officials list and withdraw shares under /api/admin/shares.
 */

const shareId = { type: 'string', minLength: 16, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' } as const;
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: shareId } } as const;

/** Rendering takes a few hundred milliseconds: recent cards are kept, and checked live each time. */
const CARD_CACHE_MAX = 64;
const cardCache = new Map<string, Buffer>();

/** Absolute base address as the member's browser (or the preview crawler) reached us. */
function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

const shareRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.services;
  // The legal-aid number officials set in the console, as the chat's answers show it.
  const disc = async () => disclaimer((await memberSettings(db, config)).legalAidPhone);

  app.post<{ Body: { conversationId: string; messageId: number; includeQuestion?: boolean } }>(
    '/api/share',
    {
      config: { rateLimitGroup: 'search' },
      schema: {
        tags: ['chat'],
        summary: 'Share one answer as a public read-only page (the question only when includeQuestion)',
        body: {
          type: 'object',
          required: ['conversationId', 'messageId'],
          additionalProperties: false,
          properties: {
            conversationId: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
            messageId: { type: 'integer', minimum: 1 },
            includeQuestion: { type: 'boolean' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['id', 'url', 'expiresAt'],
            properties: {
              id: { type: 'string' },
              url: { type: 'string' },
              cardUrl: { type: 'string' },
              title: { type: 'string' },
              expiresAt: { type: 'string' },
            },
          },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const row = await createShare(app.services, req.body);
      req.log.info({ share: row.id, withQuestion: Boolean(row.question) }, 'answer shared');
      return {
        id: row.id,
        url: `${origin(req)}/a/${row.id}`,
        cardUrl: `${origin(req)}/a/${row.id}/card.png`,
        title: shareHeading(row),
        expiresAt: new Date(row.expires_at).toISOString(),
      };
    },
  );

  const hidden = { schema: { hide: true, params: idParams } };

  app.get<{ Params: { id: string } }>('/a/:id', hidden, async (req, reply) => {
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', SHARE_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      // Shared in a group, not published: search engines are asked to stay away.
      .header('x-robots-tag', 'noindex')
      // A withdrawal must show at the next visit.
      .header('cache-control', 'no-cache');
    const { row, withdrawn } = await readShare(app.services, req.params.id);
    if (!row) {
      return reply.status(withdrawn ? 410 : 404).send(gonePage(withdrawn));
    }
    const base = `${origin(req)}/a/${row.id}`;
    return sharePage(row, { url: base, cardUrl: `${base}/card.png`, disclaimer: await disc() });
  });

  const card = (shape: CardShape) => async (req: FastifyRequest<{ Params: { id: string } }>, reply: import('fastify').FastifyReply) => {
    const { row } = await readShare(app.services, req.params.id);
    if (!row) throw notFound('share', 'Không tìm thấy câu trả lời được chia sẻ (có thể đã hết hạn hoặc bị thu hồi).');
    const key = `${row.id}:${shape}`;
    let png = cardCache.get(key);
    if (!png) {
      png = await renderCard(row, shape, await disc());
      cardCache.set(key, png);
      if (cardCache.size > CARD_CACHE_MAX) cardCache.delete(cardCache.keys().next().value!);
    }
    return (
      reply
        .type('image/png')
        // Zalo and Facebook fetch it from their own servers and show it inside their apps.
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=600')
        .send(png)
    );
  };
  app.get('/a/:id/card.png', hidden, card('wide'));
  app.get('/a/:id/card-square.png', hidden, card('square'));

  app.get<{ Querystring: { limit: number } }>(
    '/api/admin/shares',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Shared answers that have not expired (newest first), to review and withdraw',
        security,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    url: { type: 'string' },
                    title: { type: 'string' },
                    topic: { type: ['string', 'null'] },
                    withQuestion: { type: 'boolean' },
                    createdAt: { type: 'string' },
                    expiresAt: { type: 'string' },
                    withdrawn: { type: 'boolean' },
                  },
                },
              },
            },
          },
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      const rows = await listShares(app.services, req.query.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          url: `/a/${r.id}`,
          title: r.withdrawn_at ? 'Đã thu hồi' : shareHeading(r),
          topic: topicLabel(r.topic),
          withQuestion: Boolean(r.question),
          createdAt: new Date(r.created_at).toISOString(),
          expiresAt: new Date(r.expires_at).toISOString(),
          withdrawn: Boolean(r.withdrawn_at),
        })),
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/shares/:id/withdraw',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Withdraw a shared answer: its page says so and its text is erased',
        security,
        params: idParams,
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, 404: errorResponse, ...guardedErrors },
      },
    },
    async (req) => {
      await withdrawShare(app.services, req.params.id, officialOf(req));
      for (const shape of ['wide', 'square']) cardCache.delete(`${req.params.id}:${shape}`);
      return { ok: true };
    },
  );
};

export default shareRoutes;

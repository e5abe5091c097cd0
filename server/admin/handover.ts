import type { FastifyPluginAsync } from 'fastify';
import { AppError, notFound } from '../errors.js';
import { audit } from '../audit/log.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { answerHandover, approveHandover, getHandover, listHandover, resolveCitations, type HandoverCitation, type HandoverState } from '../handover/store.js';
import { errorResponse, guardedErrors, intIdParam, security } from './schemas.js';
import { notifyOfficialReply } from '../notify/official-reply.js';
import { noNotifier } from '../notify/notifier.js';

const citationSchema = {
  type: 'object',
  properties: {
    documentId: { type: 'string' },
    article: { type: 'string' },
    clause: { type: ['string', 'null'] },
    documentName: { type: 'string' },
    articleTitle: { type: ['string', 'null'] },
  },
} as const;

export const handoverItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    question: { type: 'string' },
    note: { type: ['string', 'null'] },
    reason: { type: 'string', enum: ['refused', 'disliked', 'member_request'] },
    topic: { type: ['string', 'null'] },
    state: { type: 'string', enum: ['pending', 'answered', 'approved'] },
    answer: { type: ['string', 'null'] },
    citations: { type: 'array', items: citationSchema },
    createdAt: { type: 'string' },
    answeredBy: { type: ['string', 'null'] },
    answeredAt: { type: ['string', 'null'] },
    approvedBy: { type: ['string', 'null'] },
    approvedAt: { type: ['string', 'null'] },
  },
} as const;

const itemResponse = { type: 'object', properties: { item: handoverItem } } as const;

/** "Điều 51" / "51" → "51": the chunks table stores the bare label. */
const articleLabel = (a: string) => a.trim().replace(/^điều\s*/iu, '');

const handoverRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.services;

  app.get<{ Querystring: { state?: HandoverState; limit: number } }>(
    '/api/admin/handover',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Questions members sent to officials (pending first)',
        security,
        querystring: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: ['pending', 'answered', 'approved'] },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: handoverItem } } }, ...guardedErrors },
      },
    },
    async (req) => ({ items: await listHandover(db, req.query) }),
  );

  app.post<{ Params: { id: number }; Body: { answer: string; citations: HandoverCitation[] } }>(
    '/api/admin/handover/:id/answer',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Write (or rewrite) the official answer; every cited article must exist. A rewritten answer needs approval again.',
        security,
        params: intIdParam,
        body: {
          type: 'object',
          required: ['answer', 'citations'],
          additionalProperties: false,
          properties: {
            answer: { type: 'string', minLength: 1, maxLength: 8000 },
            citations: {
              type: 'array',
              maxItems: 20,
              items: {
                type: 'object',
                required: ['documentId', 'article'],
                additionalProperties: false,
                properties: {
                  documentId: { type: 'string', minLength: 1, maxLength: 120 },
                  article: { type: 'string', minLength: 1, maxLength: 20 },
                  clause: { type: ['string', 'null'], maxLength: 10 },
                },
              },
            },
          },
        },
        response: { 200: itemResponse, ...guardedErrors, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = officialOf(req);
      const answer = req.body.answer.trim();
      if (!answer) throw new AppError(400, 'invalid:answer', 'Câu trả lời không được để trống.');
      if (!(await getHandover(db, req.params.id))) throw notFound('handover', 'Không tìm thấy câu hỏi này.');
      const citations = await resolveCitations(
        db,
        req.body.citations.map((c) => ({ ...c, article: articleLabel(c.article), clause: c.clause?.trim() || null })),
      );
      await db.transaction(async (tx) => {
        await answerHandover(tx, req.params.id, actor.id, answer, citations);
        await audit(tx, actor, 'handover.answer', { type: 'handover', id: req.params.id }, { citations: citations.map((c) => `${c.documentId}#${c.article}`) });
      });
      return { item: (await getHandover(db, req.params.id))! };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/admin/handover/:id/approve',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Approve an official answer: from now on it is reused for similar questions',
        security,
        params: intIdParam,
        response: { 200: itemResponse, ...guardedErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (req) => {
      const actor = officialOf(req);
      const r = await db.transaction(async (tx) => {
        const res = await approveHandover(tx, req.params.id, actor.id);
        if (res === 'approved') await audit(tx, actor, 'handover.approve', { type: 'handover', id: req.params.id });
        return res;
      });
      if (r === 'not_found') throw notFound('handover', 'Không tìm thấy câu hỏi này.');
      if (r === 'no_answer') throw new AppError(409, 'conflict:no_answer', 'Câu hỏi này chưa có câu trả lời của cán bộ để duyệt.');
      // After the commit, and not awaited: Zalo being slow or down never holds up or fails the approval.
      void notifyOfficialReply(db, app.services.notifier ?? noNotifier, req.params.id, req.log).catch((err: unknown) =>
        req.log.warn({ handover: req.params.id, err: err instanceof Error ? err.message : 'unknown' }, 'Zalo notification not attempted'),
      );
      return { item: (await getHandover(db, req.params.id))! };
    },
  );
};

export default handoverRoutes;

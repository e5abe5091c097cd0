import type { FastifyPluginAsync } from 'fastify';
import { getDocument } from '../../store/documents.js';
import { answersToReview, articlesOf, compareArticles, findReplacement } from '../library/compare.js';
import { requireRole } from '../auth/guard.js';
import { notFound } from '../errors.js';
import { guardedErrors, security } from './schemas.js';

/** Routes of the version comparison (server/library/compare.ts) for the console. */

const compare: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  app.get<{ Params: { id: string }; Querystring: { with?: string } }>(
    '/api/admin/documents/:id/compare',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: "Article-level comparison of a replaced document with its replacement (replaced_by, or ?with=); word-level diff of each changed khoản; official answers to review",
        security,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { with: { type: 'string', minLength: 1, maxLength: 120 } } },
      },
    },
    async (req) => {
      const old = await getDocument(db, req.params.id);
      if (!old) throw notFound('document', 'Không tìm thấy văn bản này.');
      const target = req.query.with ?? old.replaced_by;
      if (!target) throw notFound('document', 'Văn bản này chưa ghi văn bản thay thế: chọn văn bản để so sánh.');
      const next = await findReplacement(db, target);
      if (!next) throw notFound('document', `Không tìm thấy văn bản thay thế "${target}" trong thư viện.`);
      const diff = compareArticles(await articlesOf(db, old.id), await articlesOf(db, next.id));
      return {
        old: { id: old.id, number: old.number, title: old.title, status: old.status },
        new: { id: next.id, number: next.number, title: next.title, status: next.status },
        ...diff,
        answersToReview: await answersToReview(db, [old.id, next.id]),
      };
    },
  );

  app.get('/api/admin/answers-to-review', {
    onRequest: requireRole('editor'),
    schema: { tags: ['admin'], summary: 'Approved official answers that cite a replaced, retired or deleted document, or an article no longer there', security, response: { ...guardedErrors } },
  }, async () => ({ answers: await answersToReview(db) }));
};

export default compare;

import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { redact } from '../privacy/redact.js';
import { guardedErrors, security } from './schemas.js';

const questionItem = {
  type: 'object',
  properties: { question: { type: 'string' }, topic: { type: ['string', 'null'] }, at: { type: 'string' } },
} as const;

/** The question a member asked just before an answer. */
const PRECEDING_QUESTION = `(select u.content from messages u
    where u.conversation_id = m.conversation_id and u.id < m.id and u.role = 'user' order by u.id desc limit 1)`;

/**
 * What members ask about and where the assistant falls short. Only question text (with phone
 * numbers, e-mails and ID numbers removed), topics, comments and times: no conversation ids,
 * no names, no IPs.
 */
const insights: FastifyPluginAsync = async (app) => {
  const { db } = app.services;

  app.get<{ Querystring: { days: number; limit: number } }>(
    '/api/admin/insights',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Most asked topics, recent out-of-scope questions and 👎 answers with comments',
        security,
        querystring: {
          type: 'object',
          properties: { days: { type: 'integer', minimum: 1, maximum: 365, default: 30 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 30 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              days: { type: 'integer' },
              totals: {
                type: 'object',
                properties: {
                  questions: { type: 'integer' },
                  answers: { type: 'integer' },
                  outOfScope: { type: 'integer' },
                  helpful: { type: 'integer' },
                  notHelpful: { type: 'integer' },
                  handoverPending: { type: 'integer' },
                },
              },
              topics: { type: 'array', items: { type: 'object', properties: { topic: { type: 'string' }, count: { type: 'integer' } } } },
              outOfScope: { type: 'array', items: questionItem },
              disliked: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    question: { type: ['string', 'null'] },
                    answerExcerpt: { type: 'string' },
                    comment: { type: ['string', 'null'] },
                    topic: { type: ['string', 'null'] },
                    at: { type: 'string' },
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
      const { days, limit } = req.query;
      const totals = (
        await db.query<Record<string, number>>(
          `select
             (select count(*)::int from messages where role = 'user' and created_at > now() - make_interval(days => $1)) as questions,
             (select count(*)::int from messages where role = 'assistant' and created_at > now() - make_interval(days => $1)) as answers,
             (select count(*)::int from messages where role = 'assistant' and kind = 'out_of_scope' and created_at > now() - make_interval(days => $1)) as "outOfScope",
             (select count(*)::int from feedback where rating = 1 and created_at > now() - make_interval(days => $1)) as helpful,
             (select count(*)::int from feedback where rating = -1 and created_at > now() - make_interval(days => $1)) as "notHelpful",
             (select count(*)::int from handover where state = 'pending') as "handoverPending"`,
          [days],
        )
      ).rows[0]!;
      // One topic per answered question: the answer row carries the topic the question was classed under.
      const topics = (
        await db.query<{ topic: string; count: number }>(
          `select topic, count(*)::int as count from messages
            where role = 'assistant' and topic is not null and created_at > now() - make_interval(days => $1)
            group by topic order by count desc, topic limit 20`,
          [days],
        )
      ).rows;
      const outOfScope = (
        await db.query<{ question: string | null; topic: string | null; at: string | Date }>(
          `select ${PRECEDING_QUESTION} as question, m.topic, m.created_at as at from messages m
            where m.role = 'assistant' and m.kind = 'out_of_scope' and m.created_at > now() - make_interval(days => $1)
            order by m.id desc limit $2`,
          [days, limit],
        )
      ).rows;
      const disliked = (
        await db.query<{ question: string | null; answer: string; comment: string | null; topic: string | null; at: string | Date }>(
          `select ${PRECEDING_QUESTION} as question, m.content as answer, f.comment, m.topic, f.created_at as at
             from feedback f join messages m on m.id = f.message_id
            where f.rating = -1 and f.created_at > now() - make_interval(days => $1)
            order by f.id desc limit $2`,
          [days, limit],
        )
      ).rows;
      return {
        days,
        totals,
        topics,
        outOfScope: outOfScope.filter((r) => r.question).map((r) => ({ question: redact(r.question!), topic: r.topic, at: new Date(r.at).toISOString() })),
        disliked: disliked.map((r) => ({
          question: r.question ? redact(r.question) : null,
          answerExcerpt: redact(r.answer.length > 300 ? `${r.answer.slice(0, 300)}…` : r.answer),
          comment: r.comment ? redact(r.comment) : null,
          topic: r.topic,
          at: new Date(r.at).toISOString(),
        })),
      };
    },
  );
};

export default insights;

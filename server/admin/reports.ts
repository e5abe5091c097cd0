import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { buildReport, tables, toCsv } from '../insights/monthly-report.js';
import { guardedErrors, security } from './schemas.js';
import { xlsx } from '../insights/xlsx.js';

/** The monthly report's route (server/insights/monthly-report.ts): JSON, CSV or XLSX. */

const reports: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  app.get<{ Querystring: { months: number; format: 'json' | 'csv' | 'xlsx' } }>(
    '/api/admin/reports',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Monthly figures (questions, refusals, 👍/👎, hand-overs and time to answer) questions per topic and per channel; JSON, CSV or XLSX',
        security,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            months: { type: 'integer', minimum: 1, maximum: 36, default: 12 },
            format: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
          },
        },
        response: { ...guardedErrors },
      },
    },
    async (req, reply) => {
      const r = await buildReport(db, req.query.months);
      const file = `bao-cao-hieu-luat-${new Date().toISOString().slice(0, 7)}`;
      if (req.query.format === 'csv')
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}.csv"`).send(toCsv(r));
      if (req.query.format === 'xlsx')
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${file}.xlsx"`)
          .send(xlsx(tables(r)));
      return r;
    },
  );
};

export default reports;

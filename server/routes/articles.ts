import type { FastifyPluginAsync } from 'fastify';
import { readArticle } from '../library/read.js';
import { presentDocument } from '../present.js';
import { documentSummary, errorResponse } from './schemas.js';

interface Clause {
  label: string;
  text: string;
  points: { label: string; text: string }[];
  cited: boolean;
}

const articles: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { documentId: string; article: string }; Querystring: { clause?: string } }>(
    '/api/articles/:documentId/:article',
    {
      schema: {
        tags: ['documents'],
        summary: 'The full text of one article (Điều) with the cited khoản marked: the source view',
        params: {
          type: 'object',
          required: ['documentId', 'article'],
          properties: { documentId: { type: 'string', maxLength: 120 }, article: { type: 'string', pattern: '^[0-9]{1,4}[a-zđ]?$' } },
        },
        querystring: { type: 'object', additionalProperties: false, properties: { clause: { type: 'string', pattern: '^[0-9]{1,3}[a-zđ]?$' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              document: documentSummary,
              article: { type: 'string' },
              title: { type: ['string', 'null'] },
              path: { type: 'array', items: { type: 'string' } },
              header: { type: 'string' },
              intro: { type: 'array', items: { type: 'string' } },
              clauses: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    label: { type: 'string' },
                    text: { type: 'string' },
                    cited: { type: 'boolean' },
                    points: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, text: { type: 'string' } } } },
                  },
                },
              },
              text: { type: 'string' },
            },
          },
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const { doc, chunks, body } = await readArticle(app.services, req.params.documentId, req.params.article);
      const first = chunks[0]!;
      const intro: string[] = [];
      const clauses: Clause[] = [];
      for (const line of body) {
        const cm = /^(\d+[a-zđ]?)\.\s+/.exec(line);
        const pm = /^([a-zđ]\d?)\)\s*/.exec(line);
        const last = clauses[clauses.length - 1];
        if (cm) clauses.push({ label: cm[1]!, text: line, points: [], cited: cm[1] === req.query.clause });
        else if (pm && last) last.points.push({ label: pm[1]!, text: line });
        else if (last) last.text += `\n${line}`;
        else intro.push(line);
      }
      return {
        document: presentDocument(doc),
        article: req.params.article,
        title: first.article_title,
        path: first.path,
        header: first.header,
        intro,
        clauses,
        text: [first.text.split('\n')[0], ...body].join('\n'),
      };
    },
  );
};

export default articles;

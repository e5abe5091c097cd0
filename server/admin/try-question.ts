import type { FastifyPluginAsync } from 'fastify';
import { officialOf, requireRole } from '../auth/guard.js';
import { articleWithNotes, editArticleNotes, notesTsv, type NewNote } from '../library/article-notes.js';
import { createQuestionTrial } from '../insights/try-question.js';
import { guardedErrors, security } from './schemas.js';

/**
 * "Thử câu hỏi": an official types a question and sees the ranked articles with their scores and
 * why (server/retrieval/explain.ts); from a hit she edits the article's member phrasings (hỏi) and
 * plain-language sentences (nghĩa) through server/library/article-notes.ts.
 */

const MAX_NOTES = 40;
const MAX_TEXT = 300;

const note = {
  type: 'object',
  required: ['kind', 'text'],
  additionalProperties: false,
  properties: {
    clause: { type: ['string', 'null'], maxLength: 8 },
    point: { type: ['string', 'null'], maxLength: 4 },
    kind: { type: 'string', enum: ['ask', 'meaning'] },
    text: { type: 'string', minLength: 1, maxLength: MAX_TEXT },
  },
} as const;

const storedNote = { ...note, properties: { ...note.properties, id: { type: 'integer' }, origin: { type: 'string' } } } as const;

const articleParams = {
  type: 'object',
  required: ['documentId', 'article'],
  additionalProperties: false,
  properties: { documentId: { type: 'string', minLength: 1, maxLength: 120 }, article: { type: 'string', minLength: 1, maxLength: 40 } },
} as const;

const term = {
  type: 'object',
  properties: { term: { type: 'string' }, weight: { type: 'number' }, score: { type: 'number' }, fields: { type: 'array', items: { type: 'string' } } },
} as const;

const tryResponse = {
  type: 'object',
  properties: {
    expanded: { type: 'string' },
    concepts: { type: 'array', items: { type: 'string' } },
    topics: { type: 'array', items: { type: 'string' } },
    coverage: { type: 'number' },
    why: { type: 'string' },
    vocabulary: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          line: { type: 'integer' },
          topic: { type: 'string' },
          phrases: { type: 'array', items: { type: 'string' } },
          concepts: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    hits: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rank: { type: 'integer' },
          document: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, status: { type: 'string' } } },
          article: { type: ['string', 'null'] },
          articleTitle: { type: ['string', 'null'] },
          heading: { type: ['string', 'null'] },
          clause: { type: ['string', 'null'] },
          score: { type: 'number' },
          lexical: { type: 'number' },
          terms: { type: 'array', items: term },
          phrasings: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                text: { type: 'string' },
                clause: { type: ['string', 'null'] },
                score: { type: 'number' },
                shared: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          missing: { type: 'array', items: { type: 'string' } },
          asks: { type: 'integer' },
          meaning: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

const tryQuestion: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  const trial = createQuestionTrial(app.services);
  app.addHook('onClose', async () => trial.close());

  app.post<{ Body: { question: string; k?: number; includeExpired?: boolean } }>(
    '/api/admin/try',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: 'Try a question: ranked articles with scores, matched terms, phrasings and vocabulary rows, and why the first won',
        security,
        body: {
          type: 'object',
          required: ['question'],
          additionalProperties: false,
          properties: {
            question: { type: 'string', minLength: 1, maxLength: 500 },
            k: { type: 'integer', minimum: 1, maximum: 20, default: 8 },
            includeExpired: { type: 'boolean', default: false },
          },
        },
        response: { 200: tryResponse, ...guardedErrors },
      },
    },
    async (req) => {
      const { result, explanation } = await trial.explain(req.body.question, { k: req.body.k, includeExpired: req.body.includeExpired });
      return {
        expanded: result.expanded,
        concepts: result.concepts,
        topics: result.topics,
        coverage: result.coverage,
        why: explanation.why,
        vocabulary: explanation.vocabulary,
        hits: result.hits.map((h, i) => {
          const e = explanation.hits[i]!;
          const notes = h.notes ?? [];
          return {
            ...e,
            document: { id: h.document.id, name: h.document.name, status: h.document.status },
            articleTitle: h.articleTitle,
            heading: h.heading,
            clause: h.clause,
            asks: notes.filter((n) => n.kind === 'ask').length,
            meaning: notes.find((n) => n.kind === 'meaning' && !n.clause)?.text ?? null,
          };
        }),
      };
    },
  );

  app.get<{ Params: { documentId: string; article: string } }>(
    '/api/admin/notes/:documentId/:article',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: "An article's member phrasings and plain-language sentences, with its text",
        security,
        params: articleParams,
        response: {
          200: {
            type: 'object',
            properties: {
              documentId: { type: 'string' },
              documentTitle: { type: 'string' },
              article: { type: 'string' },
              title: { type: ['string', 'null'] },
              clauses: { type: 'array', items: { type: 'string' } },
              text: { type: 'string' },
              notes: { type: 'array', items: storedNote },
            },
          },
          404: guardedErrors[400],
          ...guardedErrors,
        },
      },
    },
    async (req) => articleWithNotes(db, req.params.documentId, req.params.article),
  );

  app.put<{ Params: { documentId: string; article: string }; Body: { notes: NewNote[] } }>(
    '/api/admin/notes/:documentId/:article',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: "Replace an article's notes with an official's (audited; live at the next question)",
        security,
        params: articleParams,
        body: {
          type: 'object',
          required: ['notes'],
          additionalProperties: false,
          properties: { notes: { type: 'array', maxItems: MAX_NOTES, items: note } },
        },
        response: {
          200: { type: 'object', properties: { saved: { type: 'integer' }, replaced: { type: 'integer' } } },
          404: guardedErrors[400],
          ...guardedErrors,
        },
      },
    },
    async (req) => {
      const out = await editArticleNotes(db, officialOf(req), req.params.documentId, req.params.article, req.body.notes);
      // Her next search finds the article by the new phrasings (members' go on with the old index meanwhile).
      await app.services.retriever.refresh();
      return out;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/admin/documents/:id/notes.tsv',
    {
      onRequest: requireRole('editor'),
      schema: {
        tags: ['admin'],
        summary: "A document's notes in the corpus/articles TSV format (officials' edits included), to commit back to the data files",
        security,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 120 } } },
      },
    },
    async (req, reply) => {
      const { file, text } = await notesTsv(db, req.params.id);
      return reply
        .header('content-type', 'text/tab-separated-values; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(text);
    },
  );
};

export default tryQuestion;

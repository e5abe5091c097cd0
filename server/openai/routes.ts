import crypto from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Citation } from '../answer/answerer.js';
import { citationLabel } from '../answer/citation.js';
import { apiKeyFor } from '../api-keys/keys.js';
import { respond, type ChatResult } from '../chat/respond.js';
import { badRequest, RequestAborted, toHttpError } from '../errors.js';
import { openEventStream } from '../plugins/sse.js';

/**
 * An OpenAI-compatible face of the one chat core, so Open WebUI, LibreChat or any OpenAI SDK can
 * use Hiểu Luật as a model: GET /v1/models, POST /v1/chat/completions (JSON or SSE `stream: true`),
 * behind an API key with the 'chat' scope. The answer carries its citations twice: as a "Căn cứ"
 * list in the text (what a chat UI shows) and as a structured `citations` field (what a program
 * reads). Clients send the whole conversation each time; the last user message is the question and
 * nothing is kept beyond the 24-hour "không lưu lịch sử" window.
 */

export const MODEL_ID = 'hieu-luat';

interface Message {
  role: string;
  content: string | { type: string; text?: string }[] | null;
}

interface CompletionBody {
  model?: string;
  messages: Message[];
  stream?: boolean;
}

const message = {
  type: 'object',
  required: ['role'],
  properties: {
    role: { type: 'string', maxLength: 20 },
    content: { anyOf: [{ type: 'string', maxLength: 20_000 }, { type: 'array', maxItems: 50, items: { type: 'object' } }, { type: 'null' }] },
  },
} as const;

function textOf(m: Message): string {
  if (typeof m.content === 'string') return m.content;
  if (Array.isArray(m.content)) return m.content.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join(' ');
  return '';
}

export function structuredCitations(citations: Citation[]) {
  return citations.map((c, i) => ({
    index: i + 1,
    label: citationLabel(c),
    documentId: c.document.id,
    documentNumber: c.document.number,
    documentName: c.document.name,
    article: c.article || null,
    section: c.section ?? null,
    clause: c.clause,
    point: c.point,
    status: c.document.status,
    quote: c.quote,
  }));
}

/** The "Căn cứ" list appended to the text: a chat UI shows the sources without reading `citations`. */
export function sourcesText(citations: Citation[]): string {
  if (!citations.length) return '';
  return `\n\nCăn cứ:\n${citations.map((c, i) => `[${i + 1}] ${citationLabel(c)}`).join('\n')}`;
}

const openai: FastifyPluginAsync = async (app) => {
  app.get('/v1/models', { schema: { tags: ['openai'], summary: 'OpenAI-compatible model list (API key, scope chat)' } }, async (req) => {
    await apiKeyFor(req, 'chat');
    return { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 1_735_689_600, owned_by: 'hieu-luat' }] };
  });

  app.post<{ Body: CompletionBody }>(
    '/v1/chat/completions',
    {
      schema: {
        tags: ['openai'],
        summary: 'OpenAI-compatible chat completion with citations (JSON, or SSE with stream: true); API key with scope chat',
        body: {
          type: 'object',
          required: ['messages'],
          // Clients send many OpenAI options (temperature, max_tokens, user…); they do not apply here.
          additionalProperties: true,
          properties: {
            model: { type: 'string', maxLength: 100 },
            messages: { type: 'array', minItems: 1, maxItems: 200, items: message },
            stream: { type: 'boolean' },
          },
        },
      },
    },
    async (req, reply) => {
      await apiKeyFor(req, 'chat');
      const last = [...req.body.messages].reverse().find((m) => m.role === 'user');
      const question = last ? textOf(last).trim() : '';
      if (!question) throw badRequest('messages', 'Cần ít nhất một tin nhắn của người dùng (role "user") có nội dung.');
      const id = `chatcmpl-${crypto.randomBytes(12).toString('base64url')}`;
      const created = Math.floor(Date.now() / 1000);
      const model = MODEL_ID;
      const services = app.services;

      if (!req.body.stream) {
        const r = await respond(services, { message: question, noHistory: true, channel: 'api' });
        return completion(id, created, model, r);
      }

      const res = openEventStream(reply);
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const send = (data: unknown) => {
        if (!res.writableEnded) res.write(`data: ${JSON.stringify(data)}\n\n`);
      };
      const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) =>
        send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
      chunk({ role: 'assistant', content: '' });
      try {
        const r = await respond(
          services,
          { message: question, noHistory: true, channel: 'api', signal: abort.signal },
          { onToken: (t) => chunk({ content: t }) },
        );
        chunk({ content: sourcesText(r.citations) });
        chunk({}, 'stop', { citations: structuredCitations(r.citations), hieu_luat: { kind: r.kind, fallback: r.fallback } });
        if (!res.writableEnded) res.write('data: [DONE]\n\n');
      } catch (err) {
        if (!(err instanceof RequestAborted)) {
          // The code and message the JSON path would answer (server/errors.ts), in OpenAI's error shape.
          const e = toHttpError(err);
          if (e.status >= 500) req.log.error({ err }, 'v1 stream failed');
          send({ error: { message: e.message, type: e.status >= 500 ? 'server_error' : 'invalid_request_error', code: e.code } });
        }
      } finally {
        res.end();
      }
    },
  );
};

function completion(id: string, created: number, model: string, r: ChatResult) {
  const content = `${r.answer}${sourcesText(r.citations)}`;
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    citations: structuredCitations(r.citations),
    hieu_luat: { kind: r.kind, fallback: r.fallback },
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

export default openai;

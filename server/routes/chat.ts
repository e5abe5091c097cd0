import type { FastifyPluginAsync } from 'fastify';
import { emergencyNumbers, respond, type ChatResult } from '../chat/respond.js';
import { RequestAborted, toHttpError } from '../errors.js';
import { openEventStream } from '../plugins/sse.js';
import { readConversation } from '../chat/conversations.js';
import { citationSchema, errorResponse } from './schemas.js';
import { CLIENT_CHANNELS, type Channel } from '../chat/channel.js';

const citation = citationSchema;

/** Numbers to call, as emergency answers, urgent answers and the Mini App's call screen show them. */
const emergencySchema = {
  type: 'object',
  required: ['numbers'],
  properties: {
    numbers: { type: 'array', items: { type: 'object', required: ['label', 'number'], properties: { label: { type: 'string' }, number: { type: 'string' } } } },
  },
} as const;

const chatResponse = {
  type: 'object',
  required: ['conversationId', 'messageId', 'answer', 'citations', 'kind', 'fallback', 'suggestions'],
  properties: {
    conversationId: { type: 'string' },
    messageId: { type: 'integer' },
    answer: { type: 'string' },
    citations: { type: 'array', items: citation },
    kind: { type: 'string', enum: ['answer', 'emergency', 'out_of_scope'] },
    fallback: { type: 'boolean' },
    official: { type: 'boolean' },
    // Two or three next questions from how members ask about the neighbouring articles (server/chat/suggest.ts).
    suggestions: {
      type: 'array',
      items: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, documentId: { type: 'string' }, article: { type: 'string' } } },
    },
    emergency: emergencySchema,
    // Danger found in the message: "emergency" (with kind emergency) or "urgent" (helplines above an answer).
    safety: {
      type: 'object',
      required: ['level', 'numbers'],
      properties: {
        level: { type: 'string', enum: ['emergency', 'urgent'] },
        numbers: emergencySchema.properties.numbers,
      },
    },
  },
} as const;

interface ChatBody {
  message: string;
  conversationId?: string;
  noHistory?: boolean;
  ownerKey?: string;
  channel?: Channel;
}

const chat: FastifyPluginAsync = async (app) => {
  const maxChars = app.services.config.MAX_MESSAGE_CHARS;

  app.post<{ Body: ChatBody }>(
    '/api/chat',
    {
      config: { rateLimitGroup: 'chat' },
      schema: {
        tags: ['chat'],
        summary: 'Ask a question; JSON, or SSE (meta, token, citations, done, error) with Accept: text/event-stream',
        body: {
          type: 'object',
          required: ['message'],
          additionalProperties: false,
          properties: {
            message: { type: 'string', minLength: 1, maxLength: maxChars },
            conversationId: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
            noHistory: { type: 'boolean' },
            // The Zalo Mini App's opt-in: SHA-256 (hex) of the member's app-scoped Zalo id, never the id itself.
            ownerKey: { type: 'string', pattern: '^[a-f0-9]{64}$' },
            // Which client asks: counted in the officials' monthly report (never anything about her).
            channel: { type: 'string', enum: CLIENT_CHANNELS },
          },
        },
        response: { 200: chatResponse, 400: errorResponse },
      },
    },
    async (req, reply) => {
      const wantsSse = (req.headers.accept ?? '').includes('text/event-stream');
      if (!wantsSse) {
        const r = await respond(app.services, { ...req.body });
        req.log.info(answeredLog(r), 'chat answered');
        return present(r);
      }

      // SSE: headers go out now; errors after this point become an `error` event.
      // With the CORS and security headers the plugins set on the reply (server/plugins/sse.ts).
      const res = openEventStream(reply);
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      try {
        const r = await respond(
          app.services,
          { ...req.body, signal: controller.signal },
          { onMeta: (m) => send('meta', m), onToken: (text) => send('token', { text }) },
        );
        send('citations', { citations: r.citations });
        send('done', present(r));
        req.log.info(answeredLog(r), 'chat answered (sse)');
      } catch (err) {
        // Nobody is listening any more: nothing to send and nothing went wrong.
        if (err instanceof RequestAborted) req.log.info('chat stream closed by the client');
        else {
          // The same code, status and message the JSON path would answer (server/errors.ts).
          const e = toHttpError(err);
          if (e.status >= 500) req.log.error({ err }, 'chat stream failed');
          send('error', { error: e.code, message: e.message, status: e.status });
        }
      } finally {
        res.end();
      }
    },
  );

  // Public and the same for everyone: the Zalo Mini App's call screen shows these before any emergency answer.
  app.get(
    '/api/emergency',
    {
      schema: {
        tags: ['chat'],
        summary: 'Emergency numbers (police, child protection, the configured domestic-violence hotline) as emergency answers show them',
        response: {
          200: emergencySchema,
        },
      },
    },
    async (_req, reply) => {
      // A minute: a number officials correct in the console reaches phones soon.
      reply.header('cache-control', 'public, max-age=60');
      return { numbers: await emergencyNumbers(app.services) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/conversations/:id',
    {
      schema: {
        tags: ['chat'],
        summary: 'Messages of a conversation (the id is the secret that grants access)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } } },
        response: {
          200: {
            type: 'object',
            required: ['id', 'messages'],
            properties: {
              id: { type: 'string' },
              messages: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'role', 'content', 'kind', 'citations', 'createdAt'],
                  properties: {
                    id: { type: 'integer' },
                    role: { type: 'string', enum: ['user', 'assistant'] },
                    content: { type: 'string' },
                    kind: { type: ['string', 'null'], enum: ['answer', 'emergency', 'out_of_scope', null] },
                    citations: { type: 'array', items: citation },
                    fallback: { type: 'boolean' },
                    official: { type: 'boolean' },
                    // An official's answer to a question she handed over, delivered when it was approved.
                    reply: { type: 'object', required: ['question'], properties: { question: { type: 'string' } } },
                    // The next questions suggested with this answer when it was given.
                    suggestions: chatResponse.properties.suggestions,
                    emergency: emergencySchema,
                    createdAt: { type: 'string' },
                  },
                },
              },
            },
          },
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const rows = await readConversation(app.services, req.params.id);
      const numbers = rows.some((m) => m.kind === 'emergency') ? await emergencyNumbers(app.services) : [];
      return {
        id: req.params.id,
        messages: rows.map((m) => ({
          id: Number(m.id),
          role: m.role,
          content: m.content,
          kind: m.kind,
          // Stored with the message; fields added since then get their empty value (the schema requires them).
          citations: (m.citations as Record<string, unknown>[]).map((c, i) => ({ clause: null, point: null, quote: '', source: i + 1, ...c })) as never[],
          fallback: m.fallback,
          official: m.official,
          ...(m.reply ? { reply: m.reply } : {}),
          ...(m.role === 'assistant' && Array.isArray(m.suggestions) && m.suggestions.length ? { suggestions: m.suggestions as never[] } : {}),
          ...(m.kind === 'emergency' ? { emergency: { numbers } } : {}),
          createdAt: new Date(m.created_at).toISOString(),
        })),
      };
    },
  );
};

/** What a chat leaves in the log: ids, counts and why an LLM was stood in for; never her words or the answer. */
function answeredLog(r: ChatResult) {
  return {
    conversationId: r.conversationId,
    kind: r.kind,
    citations: r.citations.length,
    fallback: r.fallback,
    fallbackReason: r.fallbackReason,
    droppedCitations: r.droppedCitations,
  };
}

function present(r: ChatResult) {
  return {
    conversationId: r.conversationId,
    messageId: r.messageId,
    answer: r.answer,
    citations: r.citations,
    kind: r.kind,
    fallback: r.fallback,
    ...(r.official ? { official: true } : {}),
    ...(r.emergency ? { emergency: r.emergency } : {}),
    ...(r.safety ? { safety: r.safety } : {}),
    suggestions: r.suggestions,
  };
}

export default chat;

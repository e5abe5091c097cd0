import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Starts a server-sent-events response on a hijacked reply. Hijacking skips Fastify's onSend
 * and its header handling, so everything the plugins put on the reply before the handler ran
 * is copied onto the stream: the CORS grant of @fastify/cors (without it a Zalo Mini App or a
 * partner page served from another origin cannot read the stream), helmet's security headers
 * and any `vary`. A request from an origin that is not allowed got no CORS header from the
 * plugin, so it gets none here either.
 */
export function openEventStream(reply: FastifyReply): ServerResponse {
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  // A length or an encoding set for a JSON body would be wrong for an open-ended stream.
  delete headers['content-length'];
  delete headers['content-encoding'];
  Object.assign(headers, {
    'content-type': 'text/event-stream; charset=utf-8',
    // no-transform: proxies and compression must pass every event through as it is written.
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx (docker-compose) would otherwise buffer the answer and deliver it all at the end.
    'x-accel-buffering': 'no',
  });
  reply.hijack();
  reply.raw.writeHead(200, headers);
  return reply.raw;
}

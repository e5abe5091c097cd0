import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Services } from './services.js';
import errors from './plugins/errors.js';
import health from './routes/health.js';
import documents from './routes/documents.js';
import search from './routes/search.js';
import chat from './routes/chat.js';
import articles from './routes/articles.js';
import sections from './routes/sections.js';
import auth from './auth/plugin.js';
import corsOrigins from './origins/cors.js';
import officials from './officials.js';
import webStatic from './plugins/static.js';
import security, { privateLoggerOptions } from './plugins/security.js';
import compress from './plugins/compress.js';
import maintenance from './maintenance/retention.js';
import share from './share/routes.js';

export interface BuildOptions {
  logger?: boolean | object;
}

/**
 * The app is one root plugin tree: external plugins → services → routes. Services are built
 * by the caller (server/main.ts, or a test), so the app itself never reads the environment.
 */
export async function buildApp(services: Services, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: privateLoggerOptions(opts.logger ?? false, services.config),
    bodyLimit: 256 * 1024,
    // X-Forwarded-For is believed only from this machine and the proxies named in TRUST_PROXY (the
    // nginx of docker-compose): a client on the LAN or the internet cannot pick her own address
    // for the rate limits and the login lockout.
    trustProxy: ['loopback', ...services.config.TRUST_PROXY],
    // Idle and slowly dribbled connections are closed, so one client cannot hold every socket:
    // no byte for HTTP_IDLE_TIMEOUT_MS (SSE answers send within the LLM's own deadlines), headers
    // within HTTP_HEADERS_TIMEOUT_MS, a whole request (a 25 MB upload on a slow phone) within
    // HTTP_REQUEST_TIMEOUT_MS, and a kept-alive connection with no new request after 5 s.
    connectionTimeout: services.config.HTTP_IDLE_TIMEOUT_MS,
    keepAliveTimeout: 5_000,
    requestTimeout: services.config.HTTP_REQUEST_TIMEOUT_MS,
    http: {
      headersTimeout: services.config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: services.config.HTTP_REQUEST_TIMEOUT_MS,
      // How often Node checks the two deadlines above (default 30 s, longer than a headers deadline).
      connectionsCheckingInterval: Math.min(1_000, services.config.HTTP_HEADERS_TIMEOUT_MS),
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.decorate('services', services);
  // Background work on the store ends with the app (tests close the database right after).
  app.addHook('onClose', async () => services.embeddings?.stop());

  await app.register(errors);
  await app.register(security);
  await app.register(compress);
  await app.register(maintenance);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hiểu Luật API', description: 'Trợ lý pháp luật có trích dẫn — API cho web, widget và Zalo Mini App', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'hl_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(corsOrigins);
  await app.register(auth);

  await app.register(health);
  await app.register(documents);
  await app.register(search);
  await app.register(articles);
  await app.register(sections);
  await app.register(chat);
  await app.register(share);
  await app.register(officials);
  await app.register(webStatic);
  return app;
}

import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import { CSRF_HEADER } from '../auth/guard.js';
import { isAllowedOrigin } from './store.js';

/**
 * Cross-origin browser access for the embedded widget and the Zalo Mini App: an origin is
 * allowed only if isAllowedOrigin says so; everything else gets no CORS headers (deny by
 * default). No credentials: the widget is anonymous, and the console is same-origin.
 */
export default fp(
  async (app) => {
    await app.register(cors, {
      origin: async (origin: string | undefined) => {
        // Same-origin requests and non-browser clients send no Origin header: nothing to grant.
        if (!origin) return false;
        const { db, config } = app.services;
        return isAllowedOrigin(db, origin, config);
      },
      credentials: false,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
      maxAge: 600,
    });
  },
  // Allowed origins are read from the store (server/origins/store.ts).
  { name: 'cors-origins', fastify: '5.x', decorators: { fastify: ['services'] } },
);

import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { onRequestHookHandler, RouteOptions } from 'fastify';
import { guardRoleOf, requireRole } from './guard.js';
import type { Role } from './users.js';

export interface GuardedRoute {
  method: string;
  url: string;
  role: Role | 'any';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/admin route and every other guarded route, with the role it requires. */
    guardedRoutes: GuardedRoute[];
  }
}

/**
 * Cookies, the `request.official` slot and a safety net: any /api/admin route registered
 * after this plugin without a guard gets the strictest one (admin), so a forgotten guard
 * fails closed. Register before any route plugin.
 */
export default fp(
  async (app) => {
    if (!app.hasDecorator('parseCookie')) await app.register(cookie);
    app.decorateRequest('official', undefined);
    const guarded: GuardedRoute[] = [];
    app.decorate('guardedRoutes', guarded);

    app.addHook('onRoute', (route: RouteOptions) => {
      const hooks = [route.onRequest, route.preHandler, route.preValidation].flatMap((h) => (h ? (Array.isArray(h) ? h : [h]) : []));
      let role = hooks.map(guardRoleOf).find((r) => r !== undefined);
      const isAdmin = route.url === '/api/admin' || route.url.startsWith('/api/admin/');
      if (!role && isAdmin) {
        role = 'admin';
        const guard = requireRole('admin') as unknown as onRequestHookHandler;
        route.onRequest = route.onRequest ? [guard, ...(Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest])] : [guard];
      }
      if (!role) return;
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) guarded.push({ method, url: route.url, role });
    });
  },
  // Its guards throw AppErrors (401, 403) that the error handler renders, and read sessions and
  // API keys from services.db.
  { name: 'auth', fastify: '5.x', dependencies: ['errors'], decorators: { fastify: ['services'] } },
);

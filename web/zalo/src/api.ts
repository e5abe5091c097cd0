import { createApi } from '../../shared/api.js';

/**
 * The same client as the web chat (web/shared/api.ts), pointed at the API named at build time.
 * Zalo serves the Mini App from its own origin, so requests are cross-origin and anonymous:
 * no cookies travel, the server's CORS allows the Zalo origins.
 */
export const api = createApi({ baseUrl: __API_BASE__, credentials: 'omit' });

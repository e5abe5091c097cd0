import { createApi } from '../../shared/api.js';

/**
 * Where the API is. The pages are normally served by the API server itself (same origin). A
 * deployment that serves the built pages from elsewhere (a CDN, the union's own site) names the
 * API in the page: <meta name="hieu-luat-api" content="https://hieuluat.example.vn">. Requests
 * then go cross-origin and anonymous (no cookies), as the widget's and the Mini App's do; the
 * API must list the page's origin (console → Trang được nhúng, or CORS_ORIGINS).
 */
export function apiBaseFromPage(doc: Pick<Document, 'querySelector'> | undefined = typeof document === 'undefined' ? undefined : document): string {
  const raw = doc?.querySelector<HTMLMetaElement>('meta[name="hieu-luat-api"]')?.content?.trim();
  if (!raw) return '';
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
    return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

const base = apiBaseFromPage();

export const api = createApi(base ? { baseUrl: base, credentials: 'omit' } : {});

/** The API's address, fixed at build time by vite.config.ts ('' = the page's own origin). */
declare const __API_BASE__: string;

declare module '*.css';

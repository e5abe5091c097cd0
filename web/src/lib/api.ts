import { createApi } from '../../shared/api.js';

/** The pages are served by the API server itself, so the client talks to its own origin. */
export const api = createApi();

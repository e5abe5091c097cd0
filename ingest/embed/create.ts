import type { Config } from '../../config/config.js';
import type { Embedder } from './embedder.js';
import { HashedEmbedder } from './hashed.js';

/**
 * The one place that picks the embedder from config. The provider client (@langchain/openai,
 * about 60 MB of resident memory) is loaded only when a provider is configured.
 */
export async function createEmbedder(cfg: Config['embedder'], opts: { lazy?: boolean } = {}): Promise<Embedder> {
  if (cfg.kind === 'hashed') return new HashedEmbedder(cfg.dimension);
  const { OpenAIEmbedder } = await import('./openai.js');
  // The client's own timeout ends a hung request (and frees its connection); waiting callers have shorter deadlines of their own.
  const e = new OpenAIEmbedder({ model: cfg.model, apiKey: cfg.apiKey, baseURL: cfg.baseURL, dimension: cfg.dimension, timeoutMs: cfg.timeoutMs });
  // The server does not wait for the provider at start (server/resilience/embeddings-job.ts).
  if (!opts.lazy) await e.init();
  return e;
}

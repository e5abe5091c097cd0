import type { Config } from '../../config/config.js';
import type { Embedder } from './embedder.js';
import { HashedEmbedder } from './hashed.js';
import { OpenAIEmbedder } from './openai.js';

/** The one place that picks the embedder from config. */
export async function createEmbedder(cfg: Config['embedder']): Promise<Embedder> {
  if (cfg.kind === 'hashed') return new HashedEmbedder(cfg.dimension);
  const e = new OpenAIEmbedder({ model: cfg.model, apiKey: cfg.apiKey, baseURL: cfg.baseURL, dimension: cfg.dimension });
  await e.init();
  return e;
}

import type { Embedder } from '../../ingest/embed/embedder.js';
import { EmbedderError } from '../../ingest/embed/embedder.js';

export interface GuardedEmbedder extends Embedder {
  /** False from a failed call until the next successful one: shown as degraded in /api/health. */
  isHealthy(): boolean;
}

export interface GuardOptions {
  /** A question waits at most this long for its vector (a provider usually answers in 100–400 ms). */
  timeoutMs?: number;
  /** After a failure, questions skip the provider this long instead of each waiting for it. */
  retryAfterMs?: number;
}

/**
 * The embedder as seen by retrieval at question time. A provider that is down or slow costs a
 * question at most `timeoutMs`, then nothing for `retryAfterMs` (the circuit is open): every
 * failure surfaces as an EmbedderError, which the retriever answers with full-text only.
 * Ingest keeps the plain embedder: a document must not be stored without its vectors.
 */
export function guardQueryEmbedder(inner: Embedder, opts: GuardOptions = {}): GuardedEmbedder {
  const timeoutMs = opts.timeoutMs ?? 1000;
  const retryAfterMs = opts.retryAfterMs ?? 30_000;
  let healthy = true;
  let openUntil = 0;
  return {
    get id() {
      return inner.id;
    },
    get dimension() {
      return inner.dimension;
    },
    isHealthy: () => healthy,
    async embed(texts: string[]): Promise<number[][]> {
      if (Date.now() < openUntil) throw new EmbedderError('embedding provider marked down; waiting before the next try');
      let timer: NodeJS.Timeout | undefined;
      try {
        const out = await Promise.race([
          inner.embed(texts),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new EmbedderError(`embedding provider gave no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        healthy = true;
        return out;
      } catch (err) {
        healthy = false;
        openUntil = Date.now() + retryAfterMs;
        throw err instanceof EmbedderError ? err : new EmbedderError(`embedding provider failed: ${(err as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

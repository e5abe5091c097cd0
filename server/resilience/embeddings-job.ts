import { EmbedderError, type Embedder } from '../../ingest/embed/embedder.js';
import type { Db } from '../../store/db.js';
import { embedAllMissing, ensureEmbedderState, storedDimension } from '../../store/embeddings.js';

/** A provider embedder whose dimension may still be unknown (OpenAIEmbedder). */
export interface ProviderEmbedder extends Embedder {
  readonly initialised: boolean;
  init(): Promise<void>;
  assumeDimension(dimension: number): void;
}

/** The provider is not usable now; try again after `retryAfterMs` (an upload answers 503 + Retry-After). */
export class EmbedderUnavailable extends EmbedderError {
  override name = 'EmbedderUnavailable';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export interface EmbeddingsJob {
  /** Every chunk has the configured embedder's vector: semantic retrieval may use them. */
  complete(): boolean;
  /** The last attempt failed (the provider is down or hangs): shown as a degraded embedder. */
  failing(): boolean;
  /**
   * Resolves once the store's vector column matches the embedder, so a new document may be
   * written with its vectors; tries the provider now if needed. Throws EmbedderUnavailable.
   */
  ensureSchema(): Promise<void>;
  /** New chunks were stored without vectors (the bundled corpus at start): embed them. */
  kick(): void;
  stop(): void;
}

export interface JobOptions {
  /** One provider call (learning the dimension, one batch) waits at most this long. */
  timeoutMs: number;
  /** First wait after a failure; doubles up to `maxRetryMs` (default 32 × retryMs, at most ten minutes). */
  retryMs: number;
  maxRetryMs?: number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/**
 * Embeddings from a provider are made in the background, never on the start-up path: a first
 * start stores the bundled laws without vectors, becomes ready on full-text retrieval (listed
 * as degraded) and fills the vectors here, each call under a deadline, retrying with back-off
 * while the provider is down or hangs. Semantic retrieval waits until every chunk has one.
 */
export function createEmbeddingsJob(db: Db, embedder: ProviderEmbedder, opts: JobOptions): EmbeddingsJob {
  const maxRetryMs = opts.maxRetryMs ?? Math.min(10 * 60_000, opts.retryMs * 32);
  let schemaReady = false;
  let done = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let schemaAttempt: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let lastError: string | null = null;
  let nextAttemptAt = 0;
  let timer: NodeJS.Timeout | undefined;

  const timed = <T>(p: Promise<T>, what: string): Promise<T> => {
    let t: NodeJS.Timeout | undefined;
    return Promise.race([
      p,
      new Promise<never>((_, reject) => {
        t = setTimeout(() => reject(new EmbedderError(`embedding provider gave no answer within ${opts.timeoutMs} ms (${what})`)), opts.timeoutMs);
      }),
    ]).finally(() => clearTimeout(t));
  };
  // Each batch under the deadline: a provider that accepts and never answers cannot hold the job.
  const bounded: Embedder = {
    get id() {
      return embedder.id;
    },
    get dimension() {
      return embedder.dimension;
    },
    semantic: embedder.semantic,
    embed: (texts) => timed(embedder.embed(texts), `${texts.length} text(s)`),
  };

  async function prepareSchema(): Promise<void> {
    if (schemaReady) return;
    if (!embedder.initialised) {
      const known = await storedDimension(db, embedder.id);
      if (known) embedder.assumeDimension(known);
      else await timed(embedder.init(), 'learning the vector dimension');
    }
    await ensureEmbedderState(db, bounded);
    schemaReady = true;
  }

  function schemaOnce(): Promise<void> {
    schemaAttempt ??= prepareSchema().finally(() => (schemaAttempt = null));
    return schemaAttempt;
  }

  async function attempt(): Promise<void> {
    do {
      again = false;
      await schemaOnce();
      await embedAllMissing(db, bounded);
    } while (again && !stopped);
    done = true;
  }

  function run(): void {
    if (stopped || running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = attempt()
      .then(() => {
        if (failures) opts.log?.info({}, 'embedding provider reachable again; vectors complete');
        failures = 0;
        lastError = null;
      })
      .catch((err: Error) => {
        if (stopped) return;
        failures++;
        lastError = err.message;
        const wait = Math.min(maxRetryMs, opts.retryMs * 2 ** Math.min(failures - 1, 20));
        nextAttemptAt = Date.now() + wait;
        opts.log?.warn({ detail: err.message, retryInMs: wait }, 'embedding provider unavailable; full-text retrieval only until it answers');
        timer = setTimeout(run, wait);
        timer.unref();
      })
      .finally(() => (running = null));
  }

  return {
    complete: () => done,
    failing: () => lastError !== null,
    async ensureSchema() {
      if (schemaReady) return;
      // A failure moments ago is not retried for every upload: the caller is told when to come back.
      const wait = nextAttemptAt - Date.now();
      if (lastError && wait > 0 && !schemaAttempt) throw new EmbedderUnavailable(`embedding provider unavailable: ${lastError}`, wait);
      try {
        await schemaOnce();
        lastError = null;
      } catch (err) {
        // Remembered like the job's own failures: the next uploads are told to wait, not made to.
        lastError = (err as Error).message;
        nextAttemptAt = Math.max(nextAttemptAt, Date.now() + opts.retryMs);
        throw new EmbedderUnavailable(`embedding provider unavailable: ${lastError}`, nextAttemptAt - Date.now());
      }
    },
    kick() {
      done = false;
      run();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** The query-time embedder used only once every chunk has a vector; before that, full-text alone answers. */
export function whenComplete(job: EmbeddingsJob, inner: Embedder): Embedder {
  return {
    get id() {
      return inner.id;
    },
    get dimension() {
      return inner.dimension;
    },
    semantic: inner.semantic,
    async embed(texts) {
      if (!job.complete()) throw new EmbedderError('vectors are still being made; full-text retrieval only');
      return inner.embed(texts);
    },
  };
}

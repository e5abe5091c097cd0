import type { Config } from '../config/config.js';
import type { Db } from '../store/db.js';
import type { Embedder } from '../ingest/embed/embedder.js';
import type { IndexedRetriever } from './retrieval/hybrid.js';
import type { Answerer, FollowUpRewriter } from './answer/answerer.js';
import type { DangerClassifier } from './safety/llm-classify.js';
import type { EmbeddingsJob } from './resilience/embeddings-job.js';
import type { MemberNotifier } from './notify/notifier.js';

/** Everything routes need, built once at start-up (server/main.ts) or by a test. */
export interface Services {
  config: Config;
  db: Db;
  embedder: Embedder;
  retriever: IndexedRetriever;
  answerer: Answerer;
  /** The offline answerer, always available as the fallback. */
  offlineAnswerer: Answerer;
  /** Makes a follow-up standalone (the chat model, when one is configured). */
  followUpRewriter?: FollowUpRewriter;
  /** A model that reads messages for danger too (SAFETY_LLM_CLASSIFY); it can only raise the level. */
  dangerClassifier?: DangerClassifier;
  /** Parts that can degrade at run time (LLM provider, embedding provider): true = healthy. */
  health?: () => Record<string, boolean>;
  /** Start-up work /api/ready waits for: false until the bundled corpus has been synced. */
  readiness?: { corpus: boolean };
  /** With a provider embedder: the background job that makes and completes the vectors. */
  embeddings?: EmbeddingsJob;
  /** Tells a member who agreed that an official answered (Zalo); absent = nobody is notified. */
  notifier?: MemberNotifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyContextConfig {
    /** Which per-client rate limit applies (see the security plugin). */
    rateLimitGroup?: 'chat' | 'search' | 'login';
  }
}

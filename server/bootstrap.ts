import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import cliProgress from 'cli-progress';
import { forceTracingOff, type Config } from '../config/config.js';
import { createEmbedder } from '../ingest/embed/create.js';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import type { Db } from '../store/db.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { openDb } from '../store/open.js';
import type { Answerer } from './answer/answerer.js';
import { ExtractiveAnswerer } from './answer/extractive.js';
import type { LlmAnswerer } from './answer/llm.js';
import { createRetriever } from './retrieval/hybrid.js';
import { createIndexHolder } from './retrieval/index/holder.js';
import { snapshotBuilds } from './retrieval/index/snapshot.js';
import { guardQueryEmbedder } from './resilience/query-embedder.js';
import { createProviderBreaker } from './resilience/breaker.js';
import { createEmbeddingsJob, whenComplete, type EmbeddingsJob, type ProviderEmbedder } from './resilience/embeddings-job.js';
import type { Services } from './services.js';
import { withTypingRead } from './safety/typing.js';
import { readOffTopic } from './safety/offtopic.js';
import { recutStaleUploads } from './library/recut.js';
import { noNotifier } from './notify/notifier.js';
import { createZaloNotifier } from './notify/zalo.js';

/** The search index kept between starts, in DATA_DIR. */
export const INDEX_SNAPSHOT = 'search-index.bin';

/** Builds every service from validated config: the one place that picks implementations. */
export async function createServices(config: Config, opts: { db?: Db; progress?: boolean } = {}): Promise<Services> {
  forceTracingOff();
  const db = opts.db ?? (await openDb(config.db, { role: 'server' }));
  const embedder = await createEmbedder(config.embedder, { lazy: true });
  // A provider's vectors are made in the background: start-up never waits for it (it may hang).
  let embeddings: EmbeddingsJob | undefined;
  if (config.embedder.kind === 'openai') {
    embeddings = createEmbeddingsJob(db, embedder as ProviderEmbedder, { timeoutMs: config.EMBEDDING_TIMEOUT_MS, retryMs: config.EMBEDDING_RETRY_MS });
    embeddings.kick();
  } else {
    await ensureEmbeddings(db, embedder, progressBar(opts.progress, 'Tạo vector'));
  }
  // Questions use a guarded view of a provider's embedder: an outage falls back to full-text
  // retrieval, and so does a library whose vectors are not all made yet.
  const queryEmbedder = config.embedder.kind === 'openai' ? guardQueryEmbedder(embedder) : null;
  // Her typing slips are read before any search, whoever asks (chat, search API, MCP, officials' trials).
  const lexical = withTypingRead(
    createRetriever({
      db,
      embedder: embeddings && queryEmbedder ? whenComplete(embeddings, queryEmbedder) : embedder,
      semantic: config.embedder.kind === 'openai',
      // A restart reads the index it built last from DATA_DIR instead of building it again, when the
      // rows and the code are the same (index/snapshot.ts). Only for a store this process opened: a
      // store handed in (tests) lives in memory and leaves nothing behind.
      holder: opts.db ? undefined : createIndexHolder(db, snapshotBuilds(path.join(config.dataDir, INDEX_SNAPSHOT))),
    }),
  );
  // One breaker for the chat provider, shared by every caller: after repeated failures nobody waits for it.
  const chatBreaker = createProviderBreaker({ failures: config.PROVIDER_FAILURES_TO_PAUSE, coolDownMs: config.PROVIDER_COOL_DOWN_MS });
  // The provider's client library (about 60 MB resident) is loaded only when a provider is configured.
  const provider = config.answerer.kind === 'openai' ? await loadProviderModules() : null;
  // With a chat provider, it rewrites questions into the law's words and reorders what was found.
  const retriever =
    provider && config.answerer.kind === 'openai' && config.LLM_ASSIST_TIMEOUT_MS > 0
      ? provider.withQueryAssist(
          lexical,
          new provider.LlmQueryAssist({
            model: config.answerer.model,
            apiKey: config.answerer.apiKey,
            baseURL: config.answerer.baseURL,
            timeoutMs: config.LLM_ASSIST_TIMEOUT_MS,
            breaker: chatBreaker,
          }),
        )
      : lexical;
  // The in-memory index is built before the first question, not inside it.
  await retriever.refresh();
  // So is the off-topic model (about a second to learn from its examples).
  readOffTopic('');
  const offlineAnswerer = new ExtractiveAnswerer(config);
  let answerer: Answerer = offlineAnswerer;
  let llm: LlmAnswerer | null = null;
  if (provider && config.answerer.kind === 'openai') {
    llm = new provider.LlmAnswerer(
      {
        model: config.answerer.model,
        apiKey: config.answerer.apiKey,
        baseURL: config.answerer.baseURL,
        firstTokenTimeoutMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
        totalTimeoutMs: config.LLM_TOTAL_TIMEOUT_MS,
        breaker: chatBreaker,
      },
      offlineAnswerer,
    );
    answerer = llm;
  }
  const services: Services = {
    config,
    db,
    embedder,
    retriever,
    answerer,
    offlineAnswerer,
    // Follow-ups are made standalone by the chat model when there is one; otherwise the previous
    // question is searched along with them (server/chat/respond.ts).
    followUpRewriter: llm ?? undefined,
    readiness: { corpus: false },
    embeddings,
    // Zalo notifications only when the Mini App's id and API key are configured; otherwise none.
    notifier: config.zaloNotify ? createZaloNotifier(config.zaloNotify) : noNotifier,
    dangerClassifier:
      provider && config.answerer.kind === 'openai' && config.SAFETY_LLM_CLASSIFY
        ? provider.createLlmClassifier({
            model: config.answerer.model,
            apiKey: config.answerer.apiKey,
            baseURL: config.answerer.baseURL,
            timeoutMs: config.SAFETY_LLM_TIMEOUT_MS,
            breaker: chatBreaker,
          })
        : undefined,
    health: (): Record<string, boolean> => ({
      ...(llm ? { llm: llm.isHealthy() } : {}),
      ...(queryEmbedder ? { embedder: queryEmbedder.isHealthy() && !embeddings?.failing() } : {}),
      // Vectors still being made (or waiting for the provider): retrieval is full-text only.
      ...(embeddings ? { embeddings: embeddings.complete() } : {}),
    }),
  };
  return services;
}

async function loadProviderModules() {
  const [{ LlmAnswerer }, { LlmQueryAssist, withQueryAssist }, { createLlmClassifier }] = await Promise.all([
    import('./answer/llm.js'),
    import('./retrieval/llm-assist.js'),
    import('./safety/llm-classify.js'),
  ]);
  return { LlmAnswerer, LlmQueryAssist, withQueryAssist, createLlmClassifier };
}

/**
 * Brings the store up to date with the bundled corpus (CORPUS_DIR) at every start: new laws and
 * changed notes are loaded, stored ones skipped by hash (cut again when an older chunker cut them),
 * an official's own version kept.
 */
export async function syncCorpus(s: Services, opts: { progress?: boolean; log?: FastifyBaseLogger } = {}): Promise<number> {
  if (!s.config.AUTO_INGEST || !fs.existsSync(s.config.corpusDir)) {
    if (s.readiness) s.readiness.corpus = true;
    return 0;
  }
  const bar = progressBar(opts.progress, 'Nạp thư viện văn bản');
  // With a provider the laws are stored without vectors and embedded in the background: a provider
  // that is down or hangs must not keep the library empty (or the server from starting).
  const outcomes = await syncBundledCorpus(s.db, s.embeddings ? null : s.embedder, [s.config.corpusDir], { onFile: (_o, i, n) => bar?.(i + 1, n) });
  for (const o of outcomes) {
    if (o.error) opts.log?.warn({ file: o.file, detail: o.error }, 'corpus file not ingested');
    if (o.notes === 'invalid') opts.log?.warn({ file: o.file }, 'corpus notes file has malformed rows (npm run notes:check)');
  }
  await s.retriever.refresh();
  if (s.readiness) s.readiness.corpus = true;
  const written = outcomes.filter((o) => o.document === 'added' || o.document === 'replaced' || o.document === 'rebuilt');
  if (written.length) s.embeddings?.kick();
  return written.length;
}

/**
 * Officials' uploads cut by an older chunker, cut again from their kept originals
 * (library/recut.ts). Run once the server listens: a scanned plan is read by OCR again, and
 * members need not wait for it; the index picks the new chunks up when they commit.
 */
export async function recutUploads(s: Services, log?: FastifyBaseLogger): Promise<void> {
  try {
    for (const o of await recutStaleUploads(s)) {
      if (o.result === 'failed') log?.warn({ document: o.documentId, detail: o.error }, 'upload not cut again by the current chunker');
      else if (o.result === 'no-original') log?.info({ document: o.documentId }, 'upload cut by an older chunker has no kept original here');
      else if (o.result === 'search-text') log?.info({ document: o.documentId }, 'upload without a kept original: its search text derived again');
      else if (o.result === 'rebuilt') log?.info({ document: o.documentId }, 'upload cut again by the current chunker');
    }
  } catch (err) {
    log?.warn({ detail: (err as Error).message }, 'uploads not checked for an older chunker');
  }
}

function progressBar(enabled: boolean | undefined, label: string): ((done: number, total: number) => void) | undefined {
  if (!enabled || !process.stderr.isTTY) {
    return enabled ? (done, total) => done === total && process.stderr.write(`${label}: ${done}/${total}\n`) : undefined;
  }
  let bar: cliProgress.SingleBar | null = null;
  return (done, total) => {
    if (!bar) {
      bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

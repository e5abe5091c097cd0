import fs from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import cliProgress from 'cli-progress';
import type { Config } from '../config/config.js';
import { createEmbedder } from '../ingest/embed/create.js';
import { ingestFiles, listInputs } from '../ingest/folder.js';
import type { Db } from '../store/db.js';
import { countDocuments } from '../store/documents.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { openDb } from '../store/open.js';
import type { Answerer } from './answer/answerer.js';
import { ExtractiveAnswerer } from './answer/extractive.js';
import { LlmAnswerer } from './answer/llm.js';
import { createRetriever } from './retrieval/hybrid.js';
import { guardQueryEmbedder } from './resilience/query-embedder.js';
import type { Services } from './services.js';

/** Builds every service from validated config: the one place that picks implementations. */
export async function createServices(config: Config, opts: { db?: Db; log?: FastifyBaseLogger; progress?: boolean } = {}): Promise<Services> {
  const db = opts.db ?? (await openDb(config.db));
  const embedder = await createEmbedder(config.embedder);
  await ensureEmbeddings(db, embedder, progressBar(opts.progress, 'Tạo vector'));
  // Questions use a guarded view of a provider's embedder: an outage falls back to full-text retrieval.
  const queryEmbedder = config.embedder.kind === 'openai' ? guardQueryEmbedder(embedder) : null;
  const retriever = createRetriever({ db, embedder: queryEmbedder ?? embedder });
  const offlineAnswerer = new ExtractiveAnswerer(config);
  let answerer: Answerer = offlineAnswerer;
  let llm: LlmAnswerer | null = null;
  if (config.answerer.kind === 'openai') {
    llm = new LlmAnswerer(
      {
        model: config.answerer.model,
        apiKey: config.answerer.apiKey,
        baseURL: config.answerer.baseURL,
        firstTokenTimeoutMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
        totalTimeoutMs: config.LLM_TOTAL_TIMEOUT_MS,
        legalAidPhone: config.LEGAL_AID_PHONE,
      },
      offlineAnswerer,
      () => services.log ?? opts.log,
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
    health: (): Record<string, boolean> => ({
      ...(llm ? { llm: llm.isHealthy() } : {}),
      ...(queryEmbedder ? { embedder: queryEmbedder.isHealthy() } : {}),
    }),
  };
  return services;
}

/** Fills an empty store from the bundled corpus (CORPUS_DIR), with a progress bar on a terminal. */
export async function ingestCorpusIfEmpty(s: Services, opts: { progress?: boolean; log?: FastifyBaseLogger } = {}): Promise<number> {
  const { documents } = await countDocuments(s.db);
  if (documents > 0 || !s.config.AUTO_INGEST || !fs.existsSync(s.config.corpusDir)) return 0;
  const files = listInputs([s.config.corpusDir]);
  const bar = progressBar(opts.progress, 'Nạp thư viện văn bản');
  const outcomes = await ingestFiles(s.db, s.embedder, files, { origin: 'corpus', onFile: (_o, i) => bar?.(i + 1, files.length) });
  for (const o of outcomes) if (o.error) opts.log?.warn({ file: o.file, code: o.error.code, detail: o.error.message }, 'corpus file not ingested');
  return outcomes.filter((o) => o.result).length;
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

import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { syncBundledCorpus, type SyncOutcome } from '../ingest/corpus-sync.js';
import { createServices } from '../server/bootstrap.js';
import type { Services } from '../server/services.js';
import { countDocuments } from '../store/documents.js';
import { openMemoryDb } from '../store/open.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHARED_DIR = path.resolve(ROOT, '../shared');
export const DEFAULT_QUESTIONS = path.join(SHARED_DIR, 'eval/dev-questions.jsonl');

/**
 * The bundled corpus, plus the fuller shared corpus when this checkout has one next to it
 * (documents such as 126/2014/NĐ-CP are only there). The shared folder goes last, so a shared
 * text with the same số hiệu replaces the bundled one; identical files are skipped by hash.
 */
export function defaultCorpusDirs(): string[] {
  const dirs = [path.join(ROOT, 'corpus')];
  const shared = path.join(SHARED_DIR, 'corpus');
  if (fs.existsSync(shared)) dirs.push(shared);
  return dirs;
}

export interface EvalStore {
  services: Services;
  dirs: string[];
  documents: number;
  chunks: number;
  /** Số hiệu of every document in the store, as written. */
  laws: string[];
  ingestSeconds: number;
  failures: SyncOutcome[];
  close(): Promise<void>;
}

/**
 * A fresh in-memory store with the given folders ingested and the services built exactly as the
 * server builds them, on offline defaults (hashed embedder, extractive answerer), whatever the
 * caller's environment says: the figures must not depend on an API key being set.
 */
export async function buildEvalStore(dirs: string[], opts: { onFile?: (o: SyncOutcome, i: number, total: number) => void } = {}): Promise<EvalStore> {
  const config = loadConfig({ CORPUS_DIR: dirs[0] ?? 'corpus', AUTO_INGEST: '0', LOG_LEVEL: 'silent', RATE_LIMIT_CHAT: '0', RATE_LIMIT_SEARCH: '0' }, ROOT);
  const db = await openMemoryDb();
  try {
    const services = await createServices(config, { db });
    const t0 = performance.now();
    // Exactly what a server does at start: documents by hash and số hiệu, with their member notes.
    const outcomes = await syncBundledCorpus(db, services.embedder, dirs, { onFile: opts.onFile });
    await services.retriever.refresh();
    const ingestSeconds = (performance.now() - t0) / 1000;
    const counts = await countDocuments(db);
    const laws = (await db.query<{ number: string }>('select number from documents where number is not null order by number')).rows.map((r) => r.number);
    return {
      services,
      dirs,
      documents: counts.documents,
      chunks: counts.chunks,
      laws,
      ingestSeconds,
      failures: outcomes.filter((o) => o.error),
      close: () => db.close(),
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

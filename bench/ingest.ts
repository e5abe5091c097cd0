import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { createEmbedder } from '../ingest/embed/create.js';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import { listInputs } from '../ingest/folder.js';
import { countDocuments } from '../store/documents.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { openDb, openMemoryDb } from '../store/open.js';
import { keepHeapNearLiveSize } from '../server/heap.js';

export interface IngestBench {
  files: number;
  failed: number;
  documents: number;
  chunks: number;
  /** Parse → chunk → embed → store for every file, store already open. */
  ingestSeconds: number;
  chunksPerSecond: number;
  /** Opening the store and applying migrations. */
  openSeconds: number;
  peakRssMb: number;
}

/**
 * Ingests a corpus folder into a fresh store the way the server's first start does (offline
 * embedder, on-disk PGlite unless `dataDir` is null): the laws and, beside them, their member
 * notes (corpus/articles/). A store without the notes is not what members search — the server
 * would load them at its next start and rebuild its index — so everything measured on it after
 * (in-process latency, the cold start, memory) would describe another library.
 */
export async function benchIngest(corpusDir: string, dataDir: string | null): Promise<IngestBench> {
  const config = loadConfig({ DATA_DIR: dataDir ?? os.tmpdir(), LOG_LEVEL: 'silent' }, process.cwd());
  const t0 = performance.now();
  const db = dataDir ? await openDb(config.db) : await openMemoryDb();
  const openSeconds = (performance.now() - t0) / 1000;
  try {
    const embedder = await createEmbedder(config.embedder);
    const files = listInputs([corpusDir]);
    const t1 = performance.now();
    await ensureEmbeddings(db, embedder);
    const outcomes = await syncBundledCorpus(db, embedder, [corpusDir]);
    const ingestSeconds = (performance.now() - t1) / 1000;
    const counts = await countDocuments(db);
    return {
      files: files.length,
      failed: outcomes.filter((o) => o.error).length,
      documents: counts.documents,
      chunks: counts.chunks,
      ingestSeconds: round(ingestSeconds, 2),
      chunksPerSecond: round(counts.chunks / ingestSeconds, 1),
      openSeconds: round(openSeconds, 2),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    };
  } finally {
    await db.close();
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.resolve(import.meta.dirname, '../corpus') },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run bench:ingest -- [--corpus DIR] [--data-dir DIR | --memory] [--json]');
    return 0;
  }
  if (!fs.existsSync(values.corpus)) {
    console.error(`corpus folder not found: ${values.corpus}`);
    return 2;
  }
  // A given data dir is kept (the benchmark then starts a server on it); a temporary one is removed.
  const keep = Boolean(values['data-dir']);
  const dataDir = values.memory ? null : (values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hl-bench-ingest-')));
  try {
    const r = await benchIngest(path.resolve(values.corpus), dataDir && path.resolve(dataDir));
    if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      console.log(`files        ${r.files}${r.failed ? ` (${r.failed} failed)` : ''}`);
      console.log(`documents    ${r.documents}`);
      console.log(`chunks       ${r.chunks}`);
      console.log(`ingest       ${r.ingestSeconds.toFixed(2)} s (${r.chunksPerSecond} chunks/s; store open ${r.openSeconds.toFixed(2)} s)`);
      console.log(`peak RSS     ${r.peakRssMb} MB`);
    }
    return r.failed ? 1 : 0;
  } finally {
    if (dataDir && !keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'ingest.ts');
if (isMain) {
  // As `npm run ingest` and the server run (their entry points set it too).
  keepHeapNearLiveSize();
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`bench:ingest failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}

import { Worker } from 'node:worker_threads';
import type { Queryable } from '../../../store/db.js';
import { readCorpusRows, type CorpusIndex, type CorpusRows } from './corpus-index.js';
import { fromMessage, type IndexMessage } from './transfer.js';

const here = import.meta.url;
const BOOT = new URL('../../../ingest/worker-boot.mjs', here);
const ENTRY = new URL(`./build-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;

type Reply = { ok: true; index: IndexMessage } | { ok: false; error: string };

/**
 * Reads the corpus rows here (the database belongs to this thread) and builds the index in a
 * worker thread: building takes seconds on a large library (BM25 postings, the meaning space's
 * SVD), and requests keep being answered from the old index meanwhile instead of waiting behind it.
 */
export async function loadCorpusIndexInWorker(db: Queryable): Promise<CorpusIndex> {
  return buildCorpusIndexInWorker(await readCorpusRows(db));
}

/** The index from rows already read, built in a worker thread. */
export async function buildCorpusIndexInWorker(rows: CorpusRows): Promise<CorpusIndex> {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY }, stdout: false, stderr: false });
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`index build worker exited with code ${code}`)));
      worker.postMessage(rows);
    });
    if (!reply.ok) throw new Error(`index build failed in its worker: ${reply.error}`);
    return fromMessage(reply.index);
  } finally {
    void worker.terminate().catch(() => undefined);
  }
}

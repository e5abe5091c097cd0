import { parentPort } from 'node:worker_threads';
import { buildCorpusIndex, type CorpusRows } from './corpus-index.js';
import { toMessage } from './transfer.js';

/*
 * Builds one search index from the rows it is sent (index/build-in-worker.ts) and posts it back,
 * arrays transferred. One build per worker: ending the thread gives its heap back.
 */
parentPort!.once('message', (rows: CorpusRows) => {
  try {
    const { message, transfer } = toMessage(buildCorpusIndex(rows));
    parentPort!.postMessage({ ok: true, index: message }, transfer);
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});

import { parentPort } from 'node:worker_threads';
import { IngestError, serializeIngestError } from '../errors.js';
import type { ParseJob, WorkerReply } from './worker-pool.js';

/**
 * The parse worker: one job at a time, formats loaded on first use. Anything thrown that is not
 * an IngestError is reported as a failure of that format's parser.
 */
const port = parentPort;
if (!port) throw new Error('worker-main must run in a worker thread');

const send = (m: WorkerReply) => port.postMessage(m);

let current = 0;

port.on('message', async (job: ParseJob) => {
  current = job.id;
  try {
    let result;
    if (job.format === 'warm') {
      const { warmUpPdf } = await import('./pdf.js');
      await warmUpPdf();
      await import('./docx.js');
      await import('./html.js');
      send({ id: job.id, type: 'warm' });
      return;
    }
    if (job.format === 'pdf') {
      const { extractPdf } = await import('./pdf.js');
      result = await extractPdf(job.bytes, job.limits, { ocr: job.ocr, onProgress: (p) => send({ id: job.id, type: 'progress', ...p }) });
    } else if (job.format === 'docx') {
      const { parseDocx } = await import('./docx.js');
      result = await parseDocx(job.bytes, job.limits);
    } else {
      const { parseHtml } = await import('./html.js');
      result = await parseHtml(job.bytes);
    }
    send({ id: job.id, type: 'done', result });
  } catch (err) {
    if (err instanceof IngestError) send({ id: job.id, type: 'error', error: serializeIngestError(err) });
    else send({ id: job.id, type: 'crash', message: describe(err) });
  } finally {
    current = 0;
  }
});

function describe(err: unknown): string {
  return `${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? String(err)}`;
}

// pdf.js and tesseract report some failures asynchronously: fail the running job rather than
// leave it to the deadline.
process.on('unhandledRejection', (err) => {
  if (current) send({ id: current, type: 'crash', message: describe(err) });
});

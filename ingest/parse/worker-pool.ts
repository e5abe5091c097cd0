import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ingestError, reviveIngestError, type SerializedIngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';

/**
 * PDF, DOCX and HTML are parsed in worker threads so a hostile or huge file cannot block the
 * server's event loop. Each job has a deadline; past it the worker is terminated (which also
 * stops the OCR engine's own thread) and the job fails with invalid:timeout. Workers are kept
 * warm between jobs (pdf.js takes ~1 s to load) but never keep the process alive when idle.
 */

export interface ParseJob {
  id: number;
  format: 'pdf' | 'docx' | 'html' | 'warm';
  bytes: Uint8Array;
  limits: ParseLimits;
  ocr: boolean;
}

export type WorkerReply =
  | { id: number; type: 'warm' }
  | { id: number; type: 'progress'; phase: 'ocr'; pages: number }
  | { id: number; type: 'done'; result: ParsedText }
  | { id: number; type: 'error'; error: SerializedIngestError }
  | { id: number; type: 'crash'; message: string };

interface Slot {
  worker: Worker;
  busy: boolean;
  dead: boolean;
  jobs: number;
  idleTimer?: NodeJS.Timeout;
}

const MAX_WORKERS = Math.max(1, Math.min(2, os.availableParallelism?.() ?? 2));
/** A worker is replaced after this many jobs, so pdf.js caches and fragmentation don't pile up. */
const JOBS_PER_WORKER = 50;
/**
 * A worker that parsed a file this big is ended instead of kept warm: V8 keeps the heap it grew
 * (hundreds of MB for a large DOCX), and only ending the thread gives that memory back.
 */
const RECYCLE_AFTER_BYTES = 2 * 1024 * 1024;
const IDLE_MS = 30_000;

const here = import.meta.url;
const ext = here.endsWith('.ts') ? '.ts' : '.js';
const BOOT = new URL('../worker-boot.mjs', here);
const ENTRY = new URL(`./worker-main${ext}`, here).href;

const slots: Slot[] = [];
const waiting: ((s: Slot) => void)[] = [];
let nextId = 1;
let jobsStarted = 0;

/** Parse jobs started and workers alive, for tests and diagnostics (a re-upload of the same bytes starts none). */
export function parsePoolStats(): { jobsStarted: number; workers: number } {
  return { jobsStarted, workers: slots.length };
}

function spawn(limits: ParseLimits): Slot {
  const worker = new Worker(BOOT, {
    workerData: { entry: ENTRY },
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
    stdout: false,
    stderr: false,
  });
  const slot: Slot = { worker, busy: false, dead: false, jobs: 0 };
  worker.on('exit', () => {
    slot.dead = true;
    remove(slot);
  });
  // Errors reach the job's own listener; this one only keeps an idle worker's death quiet.
  worker.on('error', () => undefined);
  slots.push(slot);
  return slot;
}

function remove(slot: Slot): void {
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  if (slot.idleTimer) clearTimeout(slot.idleTimer);
}

function kill(slot: Slot): void {
  slot.dead = true;
  remove(slot);
  void slot.worker.terminate().catch(() => undefined);
}

function acquire(limits: ParseLimits): Promise<Slot> {
  const idle = slots.find((s) => !s.busy && !s.dead);
  const take = (s: Slot) => {
    s.busy = true;
    if (s.idleTimer) clearTimeout(s.idleTimer);
    s.worker.ref();
    return s;
  };
  if (idle) return Promise.resolve(take(idle));
  if (slots.length < MAX_WORKERS) return Promise.resolve(take(spawn(limits)));
  return new Promise((resolve) => waiting.push((s) => resolve(take(s))));
}

function release(slot: Slot, limits: ParseLimits): void {
  slot.busy = false;
  if (!slot.dead && slot.jobs >= JOBS_PER_WORKER) kill(slot);
  const next = waiting.shift();
  if (next) {
    const s = !slot.dead ? slot : slots.length < MAX_WORKERS ? spawn(limits) : undefined;
    if (s) return next(s);
    waiting.unshift(next);
    return;
  }
  if (slot.dead) return;
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => kill(slot), IDLE_MS);
  slot.idleTimer.unref();
}

/**
 * Starts a worker and loads the parsers (pdf.js takes 1–3 s) so the first upload does not wait:
 * for server start-up and test set-up. Resolves when warm; never throws.
 */
export async function warmParseWorkers(limits: ParseLimits = DEFAULT_LIMITS): Promise<void> {
  const slot = await acquire(limits);
  const id = nextId++;
  try {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('exit', done);
        resolve();
      };
      const onMessage = (m: WorkerReply) => m.id === id && done();
      const timer = setTimeout(done, limits.pdfTimeoutMs);
      slot.worker.on('message', onMessage);
      slot.worker.on('exit', done);
      slot.worker.postMessage({ id, format: 'warm', bytes: new Uint8Array(0), limits, ocr: false } satisfies ParseJob);
    });
  } finally {
    release(slot, limits);
  }
}

/** Runs one parse job in a worker under the limits' deadlines. */
export async function runParseJob(format: Exclude<ParseJob['format'], 'warm'>, bytes: Uint8Array, limits: ParseLimits, ocr: boolean): Promise<ParsedText> {
  const slot = await acquire(limits);
  const id = nextId++;
  slot.jobs++;
  jobsStarted++;
  if (bytes.length > RECYCLE_AFTER_BYTES) slot.jobs = JOBS_PER_WORKER;
  try {
    return await new Promise<ParsedText>((resolve, reject) => {
      const started = Date.now();
      let timer: NodeJS.Timeout;
      const arm = (ms: number, what: string) => {
        clearTimeout(timer);
        timer = setTimeout(
          () => {
            cleanup();
            kill(slot);
            reject(
              ingestError(
                'invalid:timeout',
                `${format} parsing exceeded ${ms} ms (${what}); worker terminated`,
                `Xử lý tệp ${format.toUpperCase()} quá ${Math.round(ms / 1000)} giây nên đã dừng. Tệp có thể bị hỏng hoặc quá phức tạp; hãy thử tệp khác.`,
              ),
            );
          },
          Math.max(0, ms - (Date.now() - started)),
        );
      };
      const onMessage = (m: WorkerReply) => {
        if (m.id !== id) return;
        if (m.type === 'progress') {
          // OCR was announced: the deadline becomes the (longer) OCR budget from the start.
          arm(limits.ocrTimeoutMs, `OCR of ${m.pages} page(s)`);
          return;
        }
        cleanup();
        if (m.type === 'done') resolve(m.result);
        else if (m.type === 'error') reject(reviveIngestError(m.error));
        else if (m.type === 'crash')
          reject(ingestError(format === 'pdf' ? 'invalid:pdf' : format === 'docx' ? 'invalid:docx' : 'invalid:html', `${format} parser failed: ${m.message}`));
      };
      const onError = (err: Error & { code?: string }) => {
        cleanup();
        kill(slot);
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(ingestError('invalid:too_complex', `${format} parsing ran out of worker memory (${limits.workerHeapMb} MB)`));
        else
          reject(
            ingestError(format === 'pdf' ? 'invalid:pdf' : format === 'docx' ? 'invalid:docx' : 'invalid:html', `${format} worker failed: ${err.message}`),
          );
      };
      const onExit = (code: number) => {
        cleanup();
        reject(ingestError('invalid:too_complex', `${format} worker exited with code ${code} during parsing`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
      };
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      arm(limits.pdfTimeoutMs, 'text extraction');
      // A copy is transferred: the caller keeps its bytes (they are hashed and stored later).
      const copy = new Uint8Array(bytes);
      const job: ParseJob = { id, format, bytes: copy, limits, ocr };
      slot.worker.postMessage(job, [copy.buffer]);
    });
  } finally {
    release(slot, limits);
  }
}

/** Terminates idle and busy workers (tests, graceful shutdown). */
export async function closeParseWorkers(): Promise<void> {
  await Promise.all([...slots].map((s) => (kill(s), s.worker.terminate().catch(() => undefined))));
}

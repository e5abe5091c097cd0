/** Every heavy-parse slot is taken and the queue is full: the caller answers 503 + Retry-After. */
export class ParseBusy extends Error {
  override name = 'ParseBusy';
  constructor(readonly retryAfterMs: number) {
    super('heavy parse queue full');
  }
}

export interface ParseGate {
  /** Runs `fn` when a slot is free; throws ParseBusy at once when `queue` others already wait. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: number };
}

/**
 * Uploads parse PDF, DOCX and HTML in worker threads that may each take a second of CPU and a
 * gigabyte of memory: `concurrency` of them run at a time (one by default, on a small server),
 * `queue` more wait, and anything beyond is refused at once rather than piling up requests that
 * each hold an uploaded file. A gate rather than a queue library because refusing when full is
 * the point, and it is a dozen lines.
 */
export function createParseGate(concurrency: number, queue: number, retryAfterMs = 30_000): ParseGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= queue) throw new ParseBusy(retryAfterMs);
        // The slot is handed over by release(): `running` stays counted for the waiter.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await fn();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

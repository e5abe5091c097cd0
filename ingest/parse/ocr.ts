import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Tesseract from 'tesseract.js';

/**
 * Offline Vietnamese OCR. The traineddata ships in @tesseract.js-data/vie; tesseract.js is
 * pointed at that folder (a local path, never a URL) and told not to cache, so nothing is
 * fetched or written. Runs inside the parse worker thread.
 */

const require = createRequire(import.meta.url);

/** Folder holding vie.traineddata.gz: the LSTM-only "best_int" model (smaller and faster to load). */
export function vieLangPath(): string {
  const pkg = require('@tesseract.js-data/vie') as { langPath: string; gzip: boolean };
  const bestInt = path.join(path.dirname(pkg.langPath), '4.0.0_best_int');
  return fs.existsSync(path.join(bestInt, 'vie.traineddata.gz')) ? bestInt : pkg.langPath;
}

export interface OcrPage {
  text: string;
  confidence: number;
}

export interface Ocr {
  recognize(png: Uint8Array): Promise<OcrPage>;
  close(): Promise<void>;
}

let shared: Promise<Ocr> | null = null;

/**
 * One engine per parse worker, reused across jobs (loading the model costs ~1 s); it dies with
 * the worker thread, which the pool terminates when idle or past a deadline.
 */
export function sharedOcr(): Promise<Ocr> {
  if (!shared) {
    shared = createOcr();
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}

export async function createOcr(): Promise<Ocr> {
  const worker = await Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
    langPath: vieLangPath(),
    gzip: true,
    cacheMethod: 'none',
  });
  return {
    async recognize(png) {
      const r = await worker.recognize(Buffer.from(png));
      return { text: r.data.text ?? '', confidence: r.data.confidence ?? 0 };
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db.js';
import type { Embedder } from './embed/embedder.js';
import { IngestError } from './errors.js';
import { ingestDocument, type IngestInput, type IngestResult } from './pipeline.js';
import { bulkLoad } from '../store/embeddings.js';

export interface FileOutcome {
  file: string;
  result?: IngestResult;
  error?: { code: string; message: string; userMessage: string };
}

const INGESTIBLE = /\.(txt|pdf|docx|html?)$/i;

/** Expands files and folders (one level of recursion per folder) into ingestible files, sorted. */
export function listInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p).sort()) {
        const full = path.join(p, f);
        if (fs.statSync(full).isFile() && INGESTIBLE.test(f) && !/^readme/i.test(f)) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

/** Ingests files one by one; a bad file is reported and the rest still go in. */
export async function ingestFiles(
  db: Db,
  embedder: Embedder,
  files: string[],
  opts: { overrides?: IngestInput['overrides']; origin?: IngestInput['origin']; onFile?: (o: FileOutcome, i: number) => void } = {},
): Promise<FileOutcome[]> {
  return bulkLoad(db, () => ingestEach(db, embedder, files, opts));
}

async function ingestEach(
  db: Db,
  embedder: Embedder,
  files: string[],
  opts: { overrides?: IngestInput['overrides']; origin?: IngestInput['origin']; onFile?: (o: FileOutcome, i: number) => void },
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    let outcome: FileOutcome;
    try {
      const bytes = fs.readFileSync(file);
      const result = await ingestDocument(db, embedder, { bytes, filename: path.basename(file), overrides: opts.overrides, origin: opts.origin });
      outcome = { file, result };
    } catch (err) {
      const e = err instanceof IngestError ? err : null;
      outcome = {
        file,
        error: {
          code: e?.code ?? 'failed:ingest',
          message: (err as Error).message,
          userMessage: e?.userMessage ?? 'Không nạp được tệp.',
        },
      };
    }
    outcomes.push(outcome);
    opts.onFile?.(outcome, i);
  }
  return outcomes;
}

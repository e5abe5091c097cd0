import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { percentile, round } from '../eval/metrics.js';
import { createEmbedder } from '../ingest/embed/create.js';
import type { Embedder } from '../ingest/embed/embedder.js';
import { syncBundledCorpus } from '../ingest/corpus-sync.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import { buildCorpusIndex, readCorpusRows, type CorpusRows } from '../server/retrieval/index/corpus-index.js';
import type { Db } from '../store/db.js';
import { openMemoryDb } from '../store/open.js';
import { BENCH_QUERIES } from './queries.js';
import { ROOT } from './server.js';

const USAGE = `Usage: npx tsx bench/search-scale.ts [--times N] [--notes originals|all|none] [--rounds R] [--profile FILE] [--json]

In-process search latency (the bench queries, one at a time) on the bundled library and on a
library N times as large (default 50), built in memory from the same rows: each copy of a
document a document of its own, like bench/replicate.ts. No ingest, no server: the index build
at N× takes a minute or two, the timing seconds. --notes says which copies carry the member notes
(default: the originals only, as a library grown by uploads would). --profile writes a CPU
profile of the timed searches on the large library only (not the build).`;

type Notes = 'originals' | 'all' | 'none';

/** The corpus rows `times` over: every copy of a document a document of its own, chunk ids offset by `stride`. */
export function replicateRows(rows: CorpusRows, times: number, notes: Notes): { rows: CorpusRows; stride: number } {
  const stride = Math.max(0, ...rows.chunks.map((c) => c.id)) + 1;
  const docId = (id: string, copy: number) => (copy ? `${id}~${copy}` : id);
  const out: CorpusRows = { ...rows, docs: [], chunks: [], notes: [] };
  for (let copy = 0; copy < times; copy++) {
    for (const d of rows.docs) out.docs.push({ ...d, id: docId(d.id, copy), number: d.number && (copy ? `${d.number}-C${copy}` : d.number) });
    for (const c of rows.chunks) out.chunks.push({ ...c, id: c.id + copy * stride, document_id: docId(c.document_id, copy) });
    if (notes === 'all' || (notes === 'originals' && copy === 0)) for (const n of rows.notes) out.notes.push({ ...n, document_id: docId(n.document_id, copy) });
  }
  // The server reads the pair readings from the first 5,000 chunks' texts (corpus-index.ts).
  out.readingTexts = Array.from({ length: times }, () => rows.readingTexts)
    .flat()
    .slice(0, Math.max(rows.readingTexts.length, 5000));
  return { rows: out, stride };
}

/** The store, answering a copy's hit rows with its original's (same text), under the copy's id. */
function copiesReadFrom(db: Db, stride: number): Db {
  const query = async (sql: string, params: unknown[] = []) => {
    const ids = params[0] as number[];
    const r = await db.query<{ id: number }>(sql, [ids.map((id) => id % stride)]);
    const byId = new Map(r.rows.map((row) => [Number(row.id), row]));
    return { rows: ids.flatMap((id) => (byId.has(id % stride) ? [{ ...byId.get(id % stride)!, id }] : [])) };
  };
  return Object.assign(Object.create(db) as Db, { query });
}

async function timeSearches(rows: CorpusRows, db: Db, embedder: Embedder, rounds: number, profile?: string) {
  const t0 = performance.now();
  const idx = buildCorpusIndex(rows);
  const buildSeconds = (performance.now() - t0) / 1000;
  const retriever = createRetriever({ db, embedder, semantic: false, holder: { current: async () => idx, refresh: async () => idx } });
  const times: number[] = [];
  // Round −1 warms the JIT, the row cache and the index's per-term caches.
  const session = profile ? new Session() : null;
  for (let r = -1; r < rounds; r++) {
    if (r === 0 && session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      await retriever.search(q, { k: 10 });
      if (r >= 0) times.push(performance.now() - t);
    }
  }
  if (session) {
    const { profile: written } = await session.post('Profiler.stop');
    fs.writeFileSync(profile!, JSON.stringify(written));
    session.disconnect();
  }
  return {
    chunks: idx.lexical.n,
    phrasings: idx.phrasings.n,
    buildSeconds: round(buildSeconds, 1),
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length, 2),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      times: { type: 'string', default: '50' },
      notes: { type: 'string', default: 'originals' },
      rounds: { type: 'string', default: '10' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const times = Number(values.times);
  const rounds = Number(values.rounds);
  const notes = values.notes as Notes;
  if (values.help || !Number.isInteger(times) || times < 1 || !Number.isInteger(rounds) || rounds < 1 || !['originals', 'all', 'none'].includes(notes)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig({ DATA_DIR: ROOT, LOG_LEVEL: 'silent' }, ROOT);
  const db = await openMemoryDb();
  try {
    const embedder = await createEmbedder(config.embedder);
    await syncBundledCorpus(db, embedder, [path.join(ROOT, 'corpus')]);
    const rows = await readCorpusRows(db);
    const one = await timeSearches(rows, db, embedder, rounds);
    const big = replicateRows(rows, times, notes);
    const many = await timeSearches(big.rows, copiesReadFrom(db, big.stride), embedder, rounds, values.profile);
    const report = { times, notes, rounds, one, many, p95Ratio: round(many.p95Ms / one.p95Ms, 2) };
    if (values.json) console.log(JSON.stringify(report));
    else {
      for (const [label, r] of [
        ['1×', one],
        [`${times}×`, many],
      ] as const) {
        console.log(
          `${label.padEnd(4)} ${String(r.chunks).padStart(7)} chunks ${String(r.phrasings).padStart(7)} phrasings  build ${r.buildSeconds} s  search p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, mean ${r.meanMs} ms`,
        );
      }
      console.log(`in-process search p95 at ${times}× ÷ 1×: ${report.p95Ratio} (notes: ${notes}; one query at a time)`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'search-scale.ts');
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`bench search-scale failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../config/config.js';
import { listInputs } from '../ingest/folder.js';
import { Bm25Peer, readPeerChunks } from '../eval/bm25.js';
import { percentile, round } from '../eval/metrics.js';
import { machine } from '../eval/run.js';
import { createServices } from '../server/bootstrap.js';
import { startFakeOpenAI } from '../tests/helpers/fake-openai.js';
import { benchIngest, type IngestBench } from './ingest.js';
import { chatRequests, drain, runLoad, searchRequests, type LoadResult } from './load.js';
import { BENCH_QUERIES, TTFT_QUERIES } from './queries.js';
import { replicateCorpus } from './replicate.js';
import { ROOT, startServer, type BenchServer } from './server.js';
import { measureTtft } from './ttft.js';

const USAGE = `Usage: npm run bench -- [--json] [--quick] [--soak SECONDS]

  --quick          3 s per load step; scale at 1× and 2× only (default: 10 s per step, 1× and 50×;
                   about 10 minutes on 2 cores)
  --soak SECONDS   also hold 20 concurrent chat clients for SECONDS, sampling server RSS every ~10 s
  --json           print one JSON object on stdout (progress on stderr)`;

/** The issue's limit on a full run (npm run bench), so that it is run routinely. */
const FULL_RUN_LIMIT_SECONDS = 600;
/** Fixed delay of the fake provider before its first token; TTFT overhead is measured over it. */
const LLM_DELAY_MS = 250;
const CONNECTIONS = [1, 10, 50] as const;
const SOAK_CONNECTIONS = 20;
const MAX_SOAK_SECONDS = 3600;

interface Mode {
  name: 'full' | 'quick' | 'tiny';
  stepSeconds: number;
  scales: number[];
  inProcessRounds: number;
  ttftSamples: number;
  firstStart: boolean;
  /** Only the N smallest files of the bundled corpus (test runs: the shape matters, not the size). */
  corpusFiles?: number;
  /** Stop each load step after connections × this many responses instead of after stepSeconds. */
  requestsPerConnection?: number;
  /** Ingest in this process (saves a process start; ingest RSS is then not its own). */
  ingestInProcess?: boolean;
}

const MODES: Record<Mode['name'], Mode> = {
  // 10× was dropped from the full run: the targets compare 1× with 50×, and the run must stay short enough to be run routinely.
  full: { name: 'full', stepSeconds: 10, scales: [50], inProcessRounds: 10, ttftSamples: 20, firstStart: true },
  quick: { name: 'quick', stepSeconds: 3, scales: [2], inProcessRounds: 5, ttftSamples: 8, firstStart: true },
  // For the test suite only: ~1 s per step, to check that everything runs and reports.
  tiny: {
    name: 'tiny',
    stepSeconds: 1,
    scales: [2],
    inProcessRounds: 1,
    ttftSamples: 2,
    firstStart: false,
    requestsPerConnection: 1,
    corpusFiles: 3,
    ingestInProcess: true,
  },
};

interface Target {
  /** What is measured, and how. */
  target: string;
  limit: string;
  value: number | null;
  pass: boolean | null;
  note?: string;
}

const started = performance.now();
const log = (s: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);

/** In a child process, so that the ingest's peak RSS is its own. */
async function ingestInChild(corpusDir: string, dataDir: string, mode: Mode): Promise<IngestBench> {
  if (mode.ingestInProcess) return benchIngest(corpusDir, dataDir);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/ingest.ts'), '--corpus', corpusDir, '--data-dir', dataDir, '--json'],
    { cwd: ROOT, maxBuffer: 4 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp' } },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as IngestBench;
}

/** Our retriever and the BM25 peer in this process, one query at a time, on the same store. */
async function inProcessLatency(dataDir: string, rounds: number) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUTO_INGEST: '0' }, ROOT);
  const services = await createServices(config);
  try {
    const peer = new Bm25Peer(await readPeerChunks(services.db));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = -1; r < rounds; r++) {
      for (const q of BENCH_QUERIES) {
        let t0 = performance.now();
        await services.retriever.search(q, { k: 10 });
        const a = performance.now() - t0;
        t0 = performance.now();
        peer.search(q, 10);
        const b = performance.now() - t0;
        // Round −1 warms caches and the JIT.
        if (r >= 0) {
          ours.push(a);
          theirs.push(b);
        }
      }
    }
    return {
      searchInProcessP50Ms: round(percentile(ours, 50), 1),
      searchInProcessP95Ms: round(percentile(ours, 95), 1),
      bm25P50Ms: round(percentile(theirs, 50), 2),
      bm25P95Ms: round(percentile(theirs, 95), 2),
      samples: ours.length,
    };
  } finally {
    await services.db.close();
  }
}

function smallestFiles(dir: string, n: number, out: string): string {
  fs.mkdirSync(out, { recursive: true });
  const files = listInputs([dir])
    .sort((a, b) => fs.statSync(a).size - fs.statSync(b).size)
    .slice(0, n);
  for (const f of files) fs.copyFileSync(f, path.join(out, path.basename(f)));
  return out;
}

const amountFor = (mode: Mode, connections: number) => (mode.requestsPerConnection ? connections * mode.requestsPerConnection : undefined);

function target(target: string, limit: string, value: number | null, ok: (v: number) => boolean, note?: string): Target {
  return { target, limit, value: value === null ? null : round(value, 2), pass: value === null ? null : ok(value), ...(note ? { note } : {}) };
}

export async function runBench(mode: Mode, soakSeconds: number): Promise<Record<string, unknown>> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-bench-'));
  const corpusDir = mode.corpusFiles ? smallestFiles(path.join(ROOT, 'corpus'), mode.corpusFiles, path.join(tmp, 'corpus-small')) : path.join(ROOT, 'corpus');
  // Other work on the machine skews every figure: record how busy it was.
  const loadBefore = round(os.loadavg()[0]!, 2);
  let server: BenchServer | null = null;
  try {
    log(`bench (${mode.name}): ingest of the bundled corpus …`);
    const data1 = path.join(tmp, 'data-1x');
    const ingest = await ingestInChild(corpusDir, data1, mode);
    log(`  ${ingest.documents} documents, ${ingest.chunks} chunks in ${ingest.ingestSeconds} s (${ingest.chunksPerSecond} chunks/s)`);

    let firstStartSeconds: number | null = null;
    // Its memory is reported beside the restart's: a start that builds the index (an empty data
    // directory, or new laws since the last start) holds more than one that reads it back.
    let firstStartRssMb: number | null = null;
    if (mode.firstStart) {
      log('first start on an empty data directory (includes indexing the corpus) …');
      server = await startServer({ dataDir: path.join(tmp, 'data-first'), corpusDir });
      firstStartSeconds = round(server.startSeconds, 2);
      firstStartRssMb = server.rssMb().rss;
      await server.stop();
      server = null;
      fs.rmSync(path.join(tmp, 'data-first'), { recursive: true, force: true });
    }

    log('in-process search latency: ours and the BM25 peer …');
    const inProcess = await inProcessLatency(data1, mode.inProcessRounds);

    log('cold start on the indexed data directory …');
    server = await startServer({ dataDir: data1, corpusDir });
    const coldStartSeconds = round(server.startSeconds, 2);
    const rssAfterStart = server.rssMb().rss;

    const load: { search: Record<string, LoadResult>; chat: Record<string, LoadResult> } = { search: {}, chat: {} };
    for (const [kind, requests] of [
      ['search', searchRequests(BENCH_QUERIES)],
      ['chat', chatRequests(BENCH_QUERIES)],
    ] as const) {
      for (const connections of CONNECTIONS) {
        log(`load: /api/${kind} × ${connections} connection(s), ${mode.stepSeconds} s …`);
        load[kind][String(connections)] = await runLoad({
          url: server.url,
          connections,
          seconds: mode.stepSeconds,
          amount: amountFor(mode, connections),
          requests,
        });
        await drain(server.url);
      }
    }

    let soak: Record<string, unknown> | undefined;
    if (soakSeconds > 0) {
      log(`soak: ${SOAK_CONNECTIONS} chat clients for ${soakSeconds} s …`);
      const every = soakSeconds >= 40 ? 10 : Math.max(1, Math.floor(soakSeconds / 4));
      const s = server;
      const samples: { t: number; rssMb: number }[] = [{ t: 0, rssMb: s.rssMb().rss }];
      const r = await runLoad({
        url: s.url,
        connections: SOAK_CONNECTIONS,
        seconds: soakSeconds,
        requests: chatRequests(BENCH_QUERIES),
        sampleEverySeconds: every,
        onSample: (t) => samples.push({ t: Math.round(t), rssMb: s.rssMb().rss }),
      });
      if (samples[samples.length - 1]!.t !== Math.round(r.seconds)) samples.push({ t: Math.round(r.seconds), rssMb: s.rssMb().rss });
      // Growth after the first sample past warm-up: the flat-memory claim is about the steady state.
      const steady = samples.slice(Math.min(1, samples.length - 1));
      soak = {
        seconds: soakSeconds,
        connections: SOAK_CONNECTIONS,
        requests: r.requests,
        errors: r.errors,
        reqPerSec: r.reqPerSec,
        p50Ms: r.p50Ms,
        p95Ms: r.p95Ms,
        p99Ms: r.p99Ms,
        rss: samples,
        rssGrowthMb: round(steady[steady.length - 1]!.rssMb - steady[0]!.rssMb, 1),
      };
    }
    const rss = server.rssMb();
    await server.stop();
    server = null;

    log(`time to first token against a fake provider (${LLM_DELAY_MS} ms before its first token) …`);
    const fake = await startFakeOpenAI({ delayMs: LLM_DELAY_MS });
    const ttft: number[] = [];
    let ttftFallbacks = 0;
    try {
      server = await startServer({
        dataDir: data1,
        corpusDir,
        env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'bench', CHAT_MODEL: 'bench-model', LLM_FIRST_TOKEN_TIMEOUT_MS: '10000' },
      });
      for (let i = 0; i < mode.ttftSamples; i++) {
        const s = await measureTtft(server.url, TTFT_QUERIES[i % TTFT_QUERIES.length]!);
        ttft.push(s.ms);
        if (s.fallback) ttftFallbacks++;
      }
      await server.stop();
      server = null;
    } finally {
      await fake.close();
    }

    const scale: Record<
      string,
      {
        chunks: number;
        documents: number;
        searchP95Ms: number;
        searchP50Ms: number;
        /** The step at one connection that comes first. */
        searchP95At1Ms: number;
        ingestSeconds: number;
        chunksPerSecond: number;
        ingestPeakRssMb: number;
        serverRssMb?: number;
      }
    > = {
      '1x': {
        chunks: ingest.chunks,
        documents: ingest.documents,
        searchP95Ms: load.search['10']!.p95Ms,
        searchP50Ms: load.search['10']!.p50Ms,
        searchP95At1Ms: load.search['1']!.p95Ms,
        ingestSeconds: ingest.ingestSeconds,
        chunksPerSecond: ingest.chunksPerSecond,
        ingestPeakRssMb: ingest.peakRssMb,
        serverRssMb: rss.rss,
      },
    };
    for (const times of mode.scales) {
      log(`scale ${times}×: replicate, ingest, search at 10 connections …`);
      const dir = path.join(tmp, `corpus-${times}x`);
      const data = path.join(tmp, `data-${times}x`);
      replicateCorpus(corpusDir, times, dir);
      const ing = await ingestInChild(dir, data, mode);
      log(`  ${ing.documents} documents, ${ing.chunks} chunks in ${ing.ingestSeconds} s`);
      server = await startServer({ dataDir: data, corpusDir: dir });
      // The same steps as at 1×, where 10 connections follow a step at one connection: compared
      // like with like, the first requests' cold caches and JIT do not count against the 50× figure.
      const single = await runLoad({
        url: server.url,
        connections: 1,
        seconds: mode.stepSeconds,
        amount: amountFor(mode, 1),
        requests: searchRequests(BENCH_QUERIES),
      });
      await drain(server.url);
      const r = await runLoad({
        url: server.url,
        connections: 10,
        seconds: mode.stepSeconds,
        amount: amountFor(mode, 10),
        requests: searchRequests(BENCH_QUERIES),
      });
      const scaledRss = server.rssMb().rss;
      await server.stop();
      server = null;
      scale[`${times}x`] = {
        chunks: ing.chunks,
        documents: ing.documents,
        searchP95Ms: r.p95Ms,
        searchP50Ms: r.p50Ms,
        searchP95At1Ms: single.p95Ms,
        ingestSeconds: ing.ingestSeconds,
        chunksPerSecond: ing.chunksPerSecond,
        ingestPeakRssMb: ing.peakRssMb,
        serverRssMb: scaledRss,
      };
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(data, { recursive: true, force: true });
    }

    const searchP95Ms = load.search['10']!.p95Ms;
    const chatP95Ms = load.chat['10']!.p95Ms;
    const runSeconds = round((performance.now() - started) / 1000, 1);
    const ttftP50 = percentile(ttft, 50);
    const ttftP95 = percentile(ttft, 95);
    const big = scale['50x'];
    return {
      mode: mode.name,
      stepSeconds: mode.stepSeconds,
      corpus: { documents: ingest.documents, chunks: ingest.chunks },
      searchP95Ms,
      searchP50Ms: load.search['10']!.p50Ms,
      bm25P95Ms: inProcess.bm25P95Ms,
      bm25P50Ms: inProcess.bm25P50Ms,
      searchInProcessP95Ms: inProcess.searchInProcessP95Ms,
      searchInProcessP50Ms: inProcess.searchInProcessP50Ms,
      chatP95Ms,
      chatP50Ms: load.chat['10']!.p50Ms,
      runSeconds,
      llmDelayMs: LLM_DELAY_MS,
      ttftP50Ms: round(ttftP50, 1),
      ttftP95Ms: round(ttftP95, 1),
      ttftOverheadMs: round(ttftP50 - LLM_DELAY_MS, 1),
      ttftOverheadP95Ms: round(ttftP95 - LLM_DELAY_MS, 1),
      ttftFallbacks,
      ingestSeconds: ingest.ingestSeconds,
      chunksPerSecond: ingest.chunksPerSecond,
      ingestPeakRssMb: ingest.peakRssMb,
      firstStartSeconds,
      firstStartRssMb,
      coldStartSeconds,
      rssMb: rss.peak,
      rssAfterStartMb: rssAfterStart,
      rssAfterLoadMb: rss.rss,
      load,
      scale,
      ...(soak ? { soak } : {}),
      // The issue's table (issue 14), each as a value against its limit, plus the older targets.
      targets: {
        searchP95At10: target('/api/search p95 at 10 connections, ms', '≤ 50', searchP95Ms, (v) => v <= 50),
        chatP95: target('offline /api/chat p95 at 10 connections, ms', '≤ 150', chatP95Ms, (v) => v <= 150),
        searchVsPeer: target(
          'in-process retrieval p95 ÷ BM25 peer (MiniSearch) p95 on the same chunks, one query at a time',
          '≤ 2',
          inProcess.bm25P95Ms > 0 ? inProcess.searchInProcessP95Ms / inProcess.bm25P95Ms : null,
          (v) => v <= 2,
          `ours ${inProcess.searchInProcessP95Ms} ms vs peer ${inProcess.bm25P95Ms} ms`,
        ),
        rss: target('server RSS after the load steps (1×), MB', '≤ 400', rss.rss, (v) => v <= 400, `peak ${rss.peak} MB`),
        ingestRss: target('ingest peak RSS (1×, own process), MB', '≤ 400', ingest.peakRssMb, (v) => v <= 400),
        scale50x: big
          ? target('search p95 at 50× ÷ at 1× (10 connections)', '≤ 2', big.searchP95Ms / scale['1x']!.searchP95Ms, (v) => v <= 2)
          : { target: 'search p95 at 50× ÷ at 1× (10 connections)', limit: '≤ 2', value: null, pass: null, note: `not run in ${mode.name} mode` },
        ingest50x: big
          ? target('ingest at 50×, s', '≤ 300', big.ingestSeconds, (v) => v <= 300, `${big.chunks} chunks, peak RSS ${big.ingestPeakRssMb} MB`)
          : { target: 'ingest at 50×, s', limit: '≤ 300', value: null, pass: null, note: `not run in ${mode.name} mode` },
        fullRun:
          mode.name === 'full'
            ? target('full npm run bench, s', `≤ ${FULL_RUN_LIMIT_SECONDS}`, runSeconds, (v) => v <= FULL_RUN_LIMIT_SECONDS)
            : { target: 'full npm run bench, s', limit: `≤ ${FULL_RUN_LIMIT_SECONDS}`, value: runSeconds, pass: null, note: `${mode.name} run` },
        ingest: target('bundled corpus ingest, s', '≤ 30', ingest.ingestSeconds, (v) => v <= 30),
        coldStart: target('cold start (indexed data directory) to first answer, s', '≤ 10', coldStartSeconds, (v) => v <= 10),
      },
      machine: { ...machine(), loadAverage1m: { before: loadBefore, after: round(os.loadavg()[0]!, 2) } },
      timestamp: new Date().toISOString(),
    };
  } finally {
    if (server) await server.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function formatText(r: Record<string, any>): string {
  const lines: string[] = [];
  lines.push(`Benchmark (${r.mode}, ${r.stepSeconds} s per step) on ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}`);
  lines.push(
    `corpus: ${r.corpus.documents} documents, ${r.corpus.chunks} chunks; load average ${r.machine.loadAverage1m.before} before, ${r.machine.loadAverage1m.after} after`,
    '',
  );
  lines.push('endpoint      conns   req/s   p50 ms   p95 ms   p99 ms  errors');
  for (const kind of ['search', 'chat']) {
    for (const [c, l] of Object.entries(r.load[kind] as Record<string, LoadResult>)) {
      lines.push(
        `/api/${kind.padEnd(7)} ${c.padStart(5)} ${l.reqPerSec.toFixed(1).padStart(7)} ${l.p50Ms.toFixed(1).padStart(8)} ${l.p95Ms.toFixed(1).padStart(8)} ${l.p99Ms.toFixed(1).padStart(8)} ${String(l.errors).padStart(7)}`,
      );
    }
  }
  lines.push(
    '',
    `in-process search p50/p95: ours ${r.searchInProcessP50Ms}/${r.searchInProcessP95Ms} ms, BM25 peer ${r.bm25P50Ms}/${r.bm25P95Ms} ms`,
    `SSE first token: p50 ${r.ttftP50Ms} ms, p95 ${r.ttftP95Ms} ms with a ${r.llmDelayMs} ms provider delay → overhead ${r.ttftOverheadMs} ms (p95 ${r.ttftOverheadP95Ms} ms)`,
    `ingest: ${r.ingestSeconds} s, ${r.chunksPerSecond} chunks/s, peak RSS ${r.ingestPeakRssMb} MB`,
    `first start (indexing included): ${r.firstStartSeconds ?? '—'} s, RSS ${r.firstStartRssMb ?? '—'} MB; cold start: ${r.coldStartSeconds} s; server RSS after start ${r.rssAfterStartMb} MB, peak ${r.rssMb} MB`,
    '',
    'scale   chunks   ingest s   chunks/s   ingest peak MB   server MB   p95 1 conn   search p50   search p95 (10 conns)',
  );
  for (const [k, s] of Object.entries(r.scale as Record<string, any>)) {
    lines.push(
      `${k.padEnd(5)} ${String(s.chunks).padStart(8)} ${s.ingestSeconds.toFixed(1).padStart(10)} ${s.chunksPerSecond.toFixed(0).padStart(10)} ${String(s.ingestPeakRssMb).padStart(16)} ${String(s.serverRssMb ?? '—').padStart(11)} ${(s.searchP95At1Ms ?? 0).toFixed(1).padStart(12)} ${s.searchP50Ms.toFixed(1).padStart(12)} ${s.searchP95Ms.toFixed(1).padStart(12)}`,
    );
  }
  lines.push('', `whole run: ${r.runSeconds} s`);
  if (r.soak) {
    lines.push(
      '',
      `soak: ${r.soak.connections} chat clients × ${r.soak.seconds} s: ${r.soak.requests} requests, ${r.soak.errors} errors, p95 ${r.soak.p95Ms} ms, RSS ${r.soak.rss.map((s: any) => `${s.t}s:${s.rssMb}`).join(' ')} MB (growth ${r.soak.rssGrowthMb} MB)`,
    );
  }
  lines.push('', 'targets:');
  for (const t of Object.values(r.targets as Record<string, Target>)) {
    lines.push(`  ${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.value ?? '—'} (target ${t.limit})${t.note ? `; ${t.note}` : ''}`);
  }
  return lines.join('\n');
}

async function main(argv = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        tiny: { type: 'boolean', default: false },
        soak: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const soak = values.soak === undefined ? 0 : Number(values.soak);
  if (!Number.isInteger(soak) || soak < 0 || soak > MAX_SOAK_SECONDS) {
    console.error(`--soak takes whole seconds from 1 to ${MAX_SOAK_SECONDS}`);
    return 2;
  }
  const mode = MODES[values.tiny || process.env.BENCH_TINY === '1' ? 'tiny' : values.quick ? 'quick' : 'full'];
  const report = await runBench(mode, soak);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  process.stdout.write(`${formatText(report)}\n`);
  const dir = path.join(ROOT, 'reports');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${String(report.timestamp).replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  log(`\nReport: ${path.relative(process.cwd(), file)}`);
  return 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'run.ts');
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`bench failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}

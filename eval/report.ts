import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Metrics } from './metrics.js';
import { readQuestions } from './questions.js';
import { runEval, type EvalReport } from './run.js';
import { DEFAULT_QUESTIONS, ROOT, buildEvalStore, defaultCorpusDirs } from './store.js';

/**
 * `npm run report`: the dev-set evaluation and the benchmark, summarised as the README's
 * "Quality and speed" section (between its markers), so the figures are refreshed by one command
 * whenever retrieval changes.
 */

const START = '<!-- quality-and-speed:start -->';
const END = '<!-- quality-and-speed:end -->';

const USAGE = `Usage: npm run report -- [--bench full|quick|none | --bench-json FILE] [--questions FILE] [--update-readme]

  --bench          which benchmark to run (default full: about 10 minutes; quick: ~3 minutes)
  --bench-json     use the output of an earlier \`npm run bench -- --json\` instead
  --update-readme  replace the README section between ${START} and ${END}`;

const log = (s: string) => process.stderr.write(`${s}\n`);
const f3 = (x: number) => x.toFixed(3);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

function row(name: string, m: Metrics): string {
  return `| ${name} | ${m.n} | ${f3(m.recallAt1)} | ${f3(m.recallAt5)} | ${f3(m.recallAt10)} | ${f3(m.mrrAt10)} | ${m.p50Ms.toFixed(0)} / ${m.p95Ms.toFixed(0)} |`;
}

export function section(e: EvalReport, b: Record<string, any> | null, questionsFile: string, benchMode: string): string {
  const ours = e.systems['hieu-luat'];
  const peer = e.systems.bm25;
  const persona = ours.byType.persona;
  const personaPeer = peer.byType.persona;
  const nd = e.noDiacritics;
  const lines: string[] = [
    START,
    `_Measured ${e.timestamp.slice(0, 10)} on ${e.machine.cpus} × ${e.machine.cpuModel}, ${e.machine.memoryGb} GB RAM, Node ${e.machine.node}; regenerate with \`npm run report -- --update-readme\`._`,
    '',
    `**Retrieval** on the development set (\`${path.relative(ROOT, questionsFile)}\`, ${e.questions} questions: ${e.evaluated} scored, ${e.outOfScope} out of scope, ${e.notIndexed} citing only laws that are not in the corpus), corpus ${e.corpus.dirs.map((d) => `\`${d}/\``).join(' + ')} (${e.corpus.documents} documents, ${e.corpus.chunks} chunks). An item is a hit at k when any gold article is among the first k distinct articles. \`bm25\` is a plain BM25 index (MiniSearch) over the same chunks with the same diacritic folding and syllable bigrams. Latency is in-process, one query at a time.`,
    '',
    '| system | n | R@1 | R@5 | R@10 | MRR@10 | p50 / p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('Hiểu Luật', ours),
    row('BM25 peer', peer),
  ];
  if (persona) lines.push(row('Hiểu Luật — persona questions', persona));
  if (personaPeer) lines.push(row('BM25 peer — persona questions', personaPeer));
  if (nd) {
    lines.push(row('Hiểu Luật — typed without dấu', nd['hieu-luat']), row('BM25 peer — typed without dấu', nd.bm25));
    if (nd['hieu-luat'].byType.persona) lines.push(row('Hiểu Luật — persona, without dấu', nd['hieu-luat'].byType.persona));
  }
  if (e.answers) {
    const a = e.answers;
    lines.push(
      '',
      `**Answers** (chat path, offline answerer, ${a.n} questions): ${pct(a.citationValidity)} of ${a.citations} citations point to an article in the store; ${pct(a.citesGold)} of scored answers cite a gold article; ${pct(a.outOfScopeRefusal)} of out-of-scope questions are declined; ${pct(a.falseRefusal)} of scored in-scope questions are wrongly declined (p50 / p95 ${a.p50Ms.toFixed(0)} / ${a.p95Ms.toFixed(0)} ms in-process).`,
    );
  }
  if (b) {
    const t = b.targets as Record<string, { target: string; limit?: string; value: number | null; pass: boolean | null; note?: string }>;
    lines.push(
      '',
      `**Speed** (\`npm run bench${benchMode === 'quick' ? ' -- --quick' : ''}\`, ${b.stepSeconds} s per load step, server in its own process on loopback, offline, bundled corpus of ${b.corpus.chunks} chunks; load average ${b.machine.loadAverage1m.before} → ${b.machine.loadAverage1m.after}):`,
      '',
      '| measure | value | target | result |',
      '|---|---:|---|---|',
    );
    // A run on a shared machine is still reported, but must not be read as the machine's capacity.
    const busy = b.machine.loadAverage1m.before > b.machine.cpus;
    const v = (x: number | null | undefined, unit: string) => (x === null || x === undefined ? '—' : `${x} ${unit}`);
    const line = (name: string, value: string, key: string) =>
      lines.push(`| ${name} | ${value} | ${t[key]?.limit ?? ''} | ${t[key]?.pass === null ? 'not run' : t[key]?.pass ? 'pass' : 'fail'} |`);
    const big = b.scale?.['50x'];
    line('/api/search p95, 10 connections', v(b.searchP95Ms, 'ms'), 'searchP95At10');
    line('/api/chat offline p95, 10 connections', v(b.chatP95Ms, 'ms'), 'chatP95');
    line('in-process retrieval p95 ÷ MiniSearch BM25 p95', `${b.searchInProcessP95Ms} / ${b.bm25P95Ms} ms = ${t.searchVsPeer?.value ?? '—'} ×`, 'searchVsPeer');
    line('server RSS after load (1×)', `${v(b.rssAfterLoadMb, 'MB')} (peak ${v(b.rssMb, 'MB')})`, 'rss');
    line('ingest peak RSS (1×)', v(b.ingestPeakRssMb, 'MB'), 'ingestRss');
    line('search p95 at 50× ÷ at 1×', t.scale50x?.value === null || t.scale50x?.value === undefined ? '—' : `${t.scale50x.value} ×`, 'scale50x');
    line('ingest at 50×', big ? `${big.ingestSeconds} s (${big.chunks} chunks, peak RSS ${big.ingestPeakRssMb} MB)` : '—', 'ingest50x');
    line(`full \`npm run bench\``, v(b.runSeconds, 's'), 'fullRun');
    line('ingest, bundled corpus', `${b.ingestSeconds} s (${b.chunksPerSecond} chunks/s)`, 'ingest');
    line('cold start to first answer', v(b.coldStartSeconds, 's'), 'coldStart');
    lines.push('', '| load | conns | req/s | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|');
    for (const kind of ['search', 'chat']) {
      for (const [c, l] of Object.entries(b.load[kind] as Record<string, any>))
        lines.push(`| /api/${kind} | ${c} | ${l.reqPerSec} | ${l.p50Ms} | ${l.p95Ms} | ${l.p99Ms} |`);
    }
    lines.push(
      '',
      ...(busy
        ? [
            `_Other work shared the machine during this run (load average ${b.machine.loadAverage1m.before} on ${b.machine.cpus} cores): latencies, throughput and durations are inflated by it; the ratios to the BM25 peer and between scales are the comparable figures._`,
          ]
        : []),
      `One instance (one Node process on the embedded store) held ${b.load.search['10'].reqPerSec} searches/s and ${b.load.chat['10'].reqPerSec} offline answers/s at 10 connections; the lexical index is scored in memory, and Postgres is read only for the hits' text.`,
      `In-process, one query at a time, on the same queries: our retriever p50/p95 ${b.searchInProcessP50Ms}/${b.searchInProcessP95Ms} ms, the BM25 peer ${b.bm25P50Ms}/${b.bm25P95Ms} ms.`,
      `SSE first token against a fake provider that waits ${b.llmDelayMs} ms: p50 ${b.ttftP50Ms} ms, i.e. **${b.ttftOverheadMs} ms** of our own overhead (p95 ${b.ttftOverheadP95Ms} ms). First start on an empty data directory, indexing included: ${b.firstStartSeconds ?? '—'} s${b.firstStartRssMb ? ` (RSS ${b.firstStartRssMb} MB after its first answer; the load steps run on a restart, which reads the index kept in DATA_DIR)` : ''}.`,
      `Scale (corpus replicated with new numbers; search p95 at 10 connections): ${Object.entries(b.scale as Record<string, any>)
        .map(([k, s]) => `${k} ${s.chunks} chunks — ingest ${s.ingestSeconds} s, p95 ${s.searchP95Ms} ms`)
        .join('; ')}.`,
    );
    if (b.soak)
      lines.push(
        `Soak: ${b.soak.connections} chat clients for ${b.soak.seconds} s, ${b.soak.errors} errors, p95 ${b.soak.p95Ms} ms, RSS ${b.soak.rss.map((s: any) => s.rssMb).join(' → ')} MB.`,
      );
  }
  lines.push(
    '',
    'Reproduce:',
    '',
    '```bash',
    `npm run eval -- --questions ${path.relative(ROOT, questionsFile)} --strip-diacritics --answers --misses   # table + reports/eval-*.md/.svg`,
    'npm run eval -- --questions FILE --json      # one JSON object on stdout (use `npm run -s` to silence npm)',
    'npm run bench                                # full benchmark (target ≤ 10 min on 2 cores, most of it the 50× ingest); --quick (~3 min); --soak 600 (memory over time); --json',
    'npm run bench:ingest                         # ingest time, chunks/s, peak RSS',
    'npm run report -- --update-readme            # both, and rewrite this section',
    '```',
    END,
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bench: { type: 'string', default: 'full' },
      'bench-json': { type: 'string' },
      questions: { type: 'string', default: DEFAULT_QUESTIONS },
      'update-readme': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !['full', 'quick', 'none'].includes(values.bench)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const questionsFile = path.resolve(values.questions);
  const questions = readQuestions(questionsFile);
  log('evaluation …');
  const store = await buildEvalStore(defaultCorpusDirs());
  let e: EvalReport;
  try {
    e = await runEval(store, questions, { k: 10, stripDiacritics: true, answers: true, misses: false, missAt: 5 });
  } finally {
    await store.close();
  }
  let b: Record<string, any> | null = null;
  if (values['bench-json']) b = JSON.parse(fs.readFileSync(values['bench-json'], 'utf8'));
  else if (values.bench !== 'none') {
    log(`benchmark (${values.bench}) …`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench/run.ts'), '--json', ...(values.bench === 'quick' ? ['--quick'] : [])],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    b = JSON.parse(stdout.trim().split('\n').pop()!);
  }
  const text = section(e, b, questionsFile, b ? String(b.mode) : 'none');
  fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
  const file = path.join(ROOT, 'reports', `summary-${e.timestamp.replace(/[:.]/g, '-')}.md`);
  fs.writeFileSync(file, `${text}\n`);
  process.stdout.write(`${text}\n`);
  if (values['update-readme']) {
    const readmePath = path.join(ROOT, 'README.md');
    const readme = fs.readFileSync(readmePath, 'utf8');
    const a = readme.indexOf(START);
    const z = readme.indexOf(END);
    if (a < 0 || z < a) {
      log(`README.md has no ${START} … ${END} block; section written to ${path.relative(ROOT, file)}`);
      return 1;
    }
    fs.writeFileSync(readmePath, readme.slice(0, a) + text + readme.slice(z + END.length));
    log('README.md updated');
  }
  return 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'report.ts');
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`report failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}

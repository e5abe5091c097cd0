import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { belowFloors } from './floors.js';
import { formatMarkdown, formatSvg, formatText } from './format.js';
import { QuestionFileError, readQuestions } from './questions.js';
import { runEval, type EvalReport } from './run.js';
import { DEFAULT_QUESTIONS, ROOT, buildEvalStore, defaultCorpusDirs } from './store.js';

const USAGE = `Usage: npm run eval -- [--questions FILE] [--k 10] [--json] [--strip-diacritics] [--answers]
                       [--misses] [--miss-at 5] [--corpus DIR …] [--no-report] [--check]

  --questions FILE     JSON Lines question file (default ../shared/eval/dev-questions.jsonl)
  --corpus DIR …       folders to index (default ./corpus plus ../shared/corpus when present)
  --k N                retrieval depth (default 10)
  --strip-diacritics   also run every question without dấu (reported as noDiacritics)
  --answers            also run the chat path and score citations and refusals
  --misses             list questions whose gold article is not in the top --miss-at (default 5);
                       with --answers, also answers not led by a gold article retrieval had there
  --json               print one JSON object on stdout (progress on stderr), no report files
  --no-report          do not write reports/eval-<timestamp>.md and .svg
  --check              also measure without dấu and the answers; exit 1 below the floors (eval/floors.ts)`;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        questions: { type: 'string' },
        k: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        'strip-diacritics': { type: 'boolean', default: false },
        answers: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        'miss-at': { type: 'string', default: '5' },
        corpus: { type: 'string', multiple: true },
        'no-report': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
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
  const k = Number(values.k);
  const missAt = Number(values['miss-at']);
  if (!Number.isInteger(k) || k < 1 || k > 50 || !Number.isInteger(missAt) || missAt < 1) {
    console.error(`--k must be an integer from 1 to 50 and --miss-at a positive integer\n\n${USAGE}`);
    return 2;
  }
  // `--corpus a b` as well as `--corpus a --corpus b`.
  const corpusArgs = [...(values.corpus ?? []), ...(values.corpus ? positionals : [])];
  if (!values.corpus && positionals.length) {
    console.error(`unexpected argument: ${positionals[0]}\n\n${USAGE}`);
    return 2;
  }
  const dirs = corpusArgs.length ? corpusArgs.map((d) => path.resolve(d)) : defaultCorpusDirs();
  const missing = dirs.find((d) => !fs.existsSync(d));
  if (missing) {
    console.error(`corpus folder not found: ${missing}`);
    return 2;
  }
  const questionsFile = values.questions ?? DEFAULT_QUESTIONS;
  let questions;
  try {
    questions = readQuestions(questionsFile);
  } catch (err) {
    console.error(err instanceof QuestionFileError ? err.message : `cannot read ${questionsFile}: ${(err as Error).message}`);
    return 2;
  }

  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`Indexing ${dirs.map((d) => path.relative(ROOT, d) || '.').join(' + ')} …`);
  const store = await buildEvalStore(dirs);
  for (const f of store.failures) log(`  not ingested: ${f.file}: ${f.error}`);
  log(`  ${store.documents} documents, ${store.chunks} chunks in ${store.ingestSeconds.toFixed(1)} s`);

  let report: EvalReport;
  try {
    report = await runEval(store, questions, {
      k,
      stripDiacritics: values['strip-diacritics'] || values.check,
      answers: values.answers || values.check,
      misses: values.misses,
      missAt,
      onProgress: progress(),
    });
  } finally {
    await store.close();
  }

  const failed = values.check ? belowFloors(report) : [];
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return failed.length ? 1 : 0;
  }
  process.stdout.write(`${formatText(report)}\n`);
  if (!values['no-report']) {
    const dir = path.join(ROOT, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = report.timestamp.replace(/[:.]/g, '-');
    const svg = `eval-${stamp}.svg`;
    fs.writeFileSync(path.join(dir, svg), formatSvg(report));
    fs.writeFileSync(path.join(dir, `eval-${stamp}.md`), formatMarkdown(report, svg));
    fs.writeFileSync(path.join(dir, `eval-${stamp}.json`), JSON.stringify(report, null, 2));
    log(`\nReport: ${path.relative(process.cwd(), path.join(dir, `eval-${stamp}.md`))}`);
  }
  if (values.check) {
    for (const f of failed) log(`BELOW FLOOR  ${f}`);
    log(failed.length ? `${failed.length} floor(s) not met` : 'all dev-set floors met');
  }
  return failed.length ? 1 : 0;
}

/** One line per stage on a pipe, an in-place counter on a terminal. */
function progress(): (stage: string, done: number, total: number) => void {
  return (stage, done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${stage}: ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    } else if (done === total) process.stderr.write(`${stage}: ${done}/${total}\n`);
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'cli.ts');
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`eval failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}

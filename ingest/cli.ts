import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, forceTracingOff, loadConfig } from '../config/config.js';
import { openDb } from '../store/open.js';
import { keepHeapNearLiveSize } from '../server/heap.js';
import { currentHolder, StoreLockedError, type LockHolder } from '../store/lock.js';
import type { Db } from '../store/db.js';
import { handOff, HandoffRefused, refusal } from './handoff.js';
import { ensureEmbeddings } from '../store/embeddings.js';
import { createEmbedder } from './embed/create.js';
import { ingestFiles, listInputs } from './folder.js';
import { statusFromText } from './parse/header.js';
import type { DocumentMeta } from './types.js';

/** npm run ingest -- <files or folders> [--number --title --type --status --effective --issuer --issued] */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      number: { type: 'string' },
      title: { type: 'string' },
      type: { type: 'string' },
      status: { type: 'string' },
      effective: { type: 'string' },
      issued: { type: 'string' },
      issuer: { type: 'string' },
      'replaced-by': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(
      'Usage: npm run ingest -- <files or folders> [--number 52/2014/QH13] [--title …] [--type Luật] [--status "còn hiệu lực"] [--effective 2015-01-01]',
    );
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const overrides: DocumentMeta = {
    number: values.number,
    title: values.title,
    type: values.type,
    effective: values.effective,
    issued: values.issued,
    issuer: values.issuer,
    replacedBy: values['replaced-by'],
    ...(values.status ? { status: statusFromText(values.status, values['replaced-by']), statusNote: values.status } : {}),
  };
  const config = loadConfig();
  forceTracingOff();
  let files: string[];
  try {
    files = listInputs(positionals);
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 2;
  }
  // A server holding the embedded store gets the files through its API; the CLI never opens it.
  let db: Db | null = null;
  let holder: LockHolder | null = config.db.kind === 'pglite' ? currentHolder(config.db.dataDir) : null;
  if (!holder) {
    try {
      db = await openDb(config.db, { role: 'ingest' });
    } catch (err) {
      if (!(err instanceof StoreLockedError)) throw err;
      holder = err.holder;
    }
  }
  if (!db) {
    try {
      if (!holder || holder.role !== 'server') throw new HandoffRefused('it is not a server');
      const lines = await handOff(holder, files, overrides, { token: config.HIEU_LUAT_TOKEN, email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
      for (const l of lines) (l.ok ? console.log : console.error)(l.line);
      return lines.some((l) => !l.ok) ? 1 : 0;
    } catch (err) {
      if (!(err instanceof HandoffRefused)) throw err;
      console.error(refusal(holder, err.message));
      return 3;
    }
  }
  try {
    const embedder = await createEmbedder(config.embedder);
    await ensureEmbeddings(db, embedder);
    const bar = new cliProgress.SingleBar({ format: 'Nạp văn bản [{bar}] {value}/{total} {file}', stream: process.stderr }, cliProgress.Presets.shades_classic);
    if (process.stderr.isTTY) bar.start(files.length, 0, { file: '' });
    const outcomes = await ingestFiles(db, embedder, files, {
      overrides,
      origin: 'cli',
      onFile: (o, i) => process.stderr.isTTY && bar.update(i + 1, { file: o.file }),
    });
    if (process.stderr.isTTY) bar.stop();
    let failed = 0;
    for (const o of outcomes) {
      if (o.result) {
        const r = o.result;
        console.log(`${r.status.padEnd(8)} ${o.file}: ${r.number ?? r.documentId} — ${r.articles} điều, ${r.chunks} đoạn, ${Math.round(r.ms)} ms`);
      } else {
        failed++;
        console.error(`error    ${o.file}: ${o.error!.code}: ${o.error!.message}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

keepHeapNearLiveSize();
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);

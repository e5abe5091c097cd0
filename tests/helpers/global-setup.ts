import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createServices, syncCorpus } from '../../server/bootstrap.js';
import { migrate } from '../../store/migrate.js';
import { createPglite, wrapPglite } from '../../store/pglite.js';
import { testConfig } from './app.js';
import { TEMPLATE_DIR, templateKey, type Template } from './template-db.js';

/**
 * Once per run, before any test file: the template databases every file clones
 * (tests/helpers/template-db.ts). Dumps for the current sources are reused; otherwise built
 * here (about 30 s; ~100 MB in the temp dir), the empty one first, the corpus one from it.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('testDbTemplates', await ensureTemplates());
}

/** Each project (fast, slow) loads this module afresh in the one main process: build once for both. */
const shared = globalThis as { hieuLuatTestDbTemplates?: Promise<Record<Template, string>> };

function ensureTemplates(): Promise<Record<Template, string>> {
  shared.hieuLuatTestDbTemplates ??= buildTemplates();
  return shared.hieuLuatTestDbTemplates;
}

async function buildTemplates(): Promise<Record<Template, string>> {
  const key = templateKey();
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const files: Record<Template, string> = { empty: path.join(TEMPLATE_DIR, `${key}-empty.tar`), corpus: path.join(TEMPLATE_DIR, `${key}-corpus.tar`) };
  prune(new Set(Object.values(files)));
  // Marked as used now, so another run's prune leaves them while this run reads them.
  for (const f of Object.values(files)) if (fs.existsSync(f)) fs.utimesSync(f, new Date(), new Date());
  if (!fs.existsSync(files.empty)) {
    const pg = await createPglite();
    try {
      await migrate(wrapPglite(pg));
      await write(files.empty, await pg.dumpDataDir('none'));
    } finally {
      await pg.close();
    }
  }
  if (!fs.existsSync(files.corpus)) {
    const pg = await createPglite({ from: new Blob([fs.readFileSync(files.empty)]) });
    const db = wrapPglite(pg);
    try {
      // As testServices() does: the same services, the same sync of the bundled corpus.
      const services = await createServices(testConfig(), { db });
      await syncCorpus(services);
      await write(files.corpus, await pg.dumpDataDir('none'));
    } finally {
      await db.close();
    }
  }
  return files;
}

/** Written beside and renamed: a run starting meanwhile never reads half a dump. */
async function write(file: string, dump: Blob): Promise<void> {
  const tmp = `${file}.${process.pid}.part`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

/**
 * Dumps of other sources (about 100 MB a pair) are removed 20 minutes after a run last cloned
 * them (cloneDb marks a dump as used each time).
 */
function prune(keep: Set<string>): void {
  const unusedSince = Date.now() - 20 * 60_000;
  for (const name of fs.readdirSync(TEMPLATE_DIR)) {
    const file = path.join(TEMPLATE_DIR, name);
    if (keep.has(file)) continue;
    try {
      if (fs.statSync(file).mtimeMs < unusedSince) fs.rmSync(file, { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

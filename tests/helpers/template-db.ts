import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Config } from '../../config/config.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { createPglite, wrapPglite } from '../../store/pglite.js';

/**
 * Databases built once per run and cloned per test file (issue 17 item 6). Starting PGlite
 * empty runs initdb (about 10 s of WASM per database) and indexing the bundled corpus costs
 * about 15 s more; loading a dumped data directory takes 1–2 s. tests/helpers/global-setup.ts
 * builds two dumps: `empty` (the schema, migrated) and `corpus` (the bundled corpus synced by
 * the same code a test runs, `testServices()` in tests/helpers/app.ts). A clone is migrated
 * and the corpus synced again as before, both no-ops when the dump is current: the dump only
 * saves time, what a test sees is what a fresh database would hold.
 */
export type Template = 'empty' | 'corpus';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Dumped data directories, by template (absolute paths). */
    testDbTemplates: Record<Template, string>;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUNDLED_CORPUS = path.join(ROOT, 'corpus');

/**
 * Everything that decides what the dumps hold: the corpus, the schema, the ingest pipeline and
 * the services that write at start-up, the config, the packages, these helpers. Any change to
 * one of them makes a new key, so a dump is never stale.
 */
const KEY_DIRS = ['corpus', 'store', 'ingest', 'config', 'server'];
const KEY_FILES = ['package-lock.json', 'tests/helpers/app.ts', 'tests/helpers/template-db.ts', 'tests/helpers/global-setup.ts'];

export function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const add = (rel: string) => {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, rel)));
    hash.update('\0');
  };
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules') continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) add(child);
    }
  };
  KEY_DIRS.forEach(walk);
  KEY_FILES.forEach(add);
  return hash.digest('hex').slice(0, 16);
}

/** Where dumps are kept between runs (a pair per key; unused ones are pruned by global-setup.ts). */
export const TEMPLATE_DIR = path.join(os.tmpdir(), 'hieu-luat-test-db');

const blobs = new Map<Template, Blob>();

/** A fresh in-memory database cloned from a dump made at the start of this run. */
export async function cloneDb(template: Template): Promise<Db> {
  let blob = blobs.get(template);
  if (!blob) {
    const file = inject('testDbTemplates')?.[template];
    if (!file) throw new Error('no template database: run the tests through vitest.config.ts (globalSetup tests/helpers/global-setup.ts)');
    blob = new Blob([fs.readFileSync(file)]);
    blobs.set(template, blob);
    // In use: another run's prune (global-setup.ts) leaves it alone.
    fs.utimes(file, new Date(), new Date(), () => undefined);
  }
  const db = wrapPglite(await createPglite({ from: blob }));
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

/** In-memory PGlite with the schema applied and nothing in it (as `openMemoryDb()`, cloned). */
export function memoryDb(): Promise<Db> {
  return cloneDb('empty');
}

/**
 * The database a test's services start on: the pre-indexed corpus when the config would sync the
 * bundled corpus with the offline embedder (what the dump was built with), otherwise empty.
 */
export function dbFor(config: Config): Promise<Db> {
  const corpus = config.AUTO_INGEST && path.resolve(config.corpusDir) === BUNDLED_CORPUS && config.embedder.kind === 'hashed';
  return cloneDb(corpus ? 'corpus' : 'empty');
}

import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import { loadConfig, type Config } from '../../config/config.js';
import { buildApp } from '../../server/app.js';
import { createServices, syncCorpus } from '../../server/bootstrap.js';
import type { Services } from '../../server/services.js';
import { dbFor } from './template-db.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED_CORPUS = path.resolve(ROOT, '../shared/corpus');
export const DEV_QUESTIONS = path.resolve(ROOT, '../shared/eval/dev-questions.jsonl');

/** Config as a test wants it: offline defaults, in-memory store, limits off unless asked. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(
    { CORPUS_DIR: path.join(ROOT, 'corpus'), RATE_LIMIT_CHAT: '0', RATE_LIMIT_SEARCH: '0', RATE_LIMIT_LOGIN: '0', LOG_LEVEL: 'silent', ...env },
    ROOT,
  );
}

/**
 * Real services on an in-memory PGlite with the bundled corpus indexed: a clone of the database
 * indexed once per run (tests/helpers/template-db.ts), brought up to date as at every start.
 */
export async function testServices(env: Record<string, string> = {}): Promise<Services> {
  const config = testConfig(env);
  const services = await createServices(config, { db: await dbFor(config) });
  await syncCorpus(services);
  return services;
}

export async function testApp(env: Record<string, string> = {}) {
  const services = await testServices(env);
  const app = await buildApp(services);
  return { app, services };
}

/**
 * Services on the bundled library for the describe block that calls it: built before its tests (the
 * corpus is indexed once), closed after them. Read `.services` inside a test, not at collection.
 */
export function bundledServices(): { readonly services: Services } {
  let services: Services | undefined;
  beforeAll(async () => {
    services = await testServices();
  }, 180_000);
  afterAll(async () => {
    await services?.db.close();
  });
  return {
    get services() {
      if (!services) throw new Error('services are built in beforeAll: read them inside a test');
      return services;
    },
  };
}

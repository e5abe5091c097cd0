import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiTypes } from '../server/openapi/client-types.js';
import { buildApp } from '../server/app.js';
import { createServices } from '../server/bootstrap.js';
import { loadConfig } from '../config/config.js';
import { openMemoryDb } from '../store/open.js';

/**
 * Writes web/shared/api.gen.ts from the server's own OpenAPI document (the route schemas), so
 * the web chat, the widget and the Zalo Mini App use the server's contract instead of a copy.
 * `npm run api:types` after changing a member-facing route schema; tests/api-types.test.ts fails
 * while the committed file differs from what the routes say.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API_TYPES_FILE = path.join(ROOT, 'web/shared/api.gen.ts');

export async function currentApiTypes(): Promise<string> {
  const config = loadConfig(
    {
      CORPUS_DIR: path.join(ROOT, 'corpus'),
      DATA_DIR: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'hl-api-types-')),
      AUTO_INGEST: 'false',
      LOG_LEVEL: 'silent',
    },
    ROOT,
  );
  const services = await createServices(config, { db: await openMemoryDb() });
  const app = await buildApp(services);
  try {
    await app.ready();
    return await generateApiTypes(app.swagger() as Parameters<typeof generateApiTypes>[0]);
  } finally {
    await app.close();
    await services.db.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(API_TYPES_FILE, await currentApiTypes());
  console.log(`wrote ${path.relative(ROOT, API_TYPES_FILE)}`);
}

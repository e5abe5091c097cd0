import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { buildApp } from './app.js';
import { createServices, recutUploads, syncCorpus } from './bootstrap.js';
import { ensureFirstAdmin } from './auth/users.js';
import { closeParseWorkers } from '../ingest/parse/worker-pool.js';
import { StoreLockedError } from '../store/lock.js';
import { keepHeapNearLiveSize } from './heap.js';

/** Starts the whole service: config → database → embedder → corpus → HTTP. */
export async function startServer(config: Config, opts: { progress?: boolean } = {}) {
  const services = await createServices(config, { progress: opts.progress });
  const admin = await ensureFirstAdmin(services.db, config);
  const app = await buildApp(services, {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
  });
  const added = await syncCorpus(services, { progress: opts.progress, log: app.log });
  if (added) app.log.info({ documents: added }, 'bundled corpus ingested');
  if (admin === 'created') app.log.info('first admin account created from ADMIN_EMAIL');
  await app.listen({ port: config.PORT, host: config.HOST });
  // Other processes (npm run ingest) read the port from the store's lock to reach this server.
  const addr = app.server.address();
  if (typeof addr === 'object' && addr) services.db.lock?.annotate({ port: addr.port });
  void recutUploads(services, app.log);
  return app;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/main.ts');
if (isMain) {
  keepHeapNearLiveSize();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(2);
  }
  startServer(config, { progress: true }).then(
    (app) => {
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
      console.error(`Hiểu Luật đang chạy tại http://localhost:${port}`);
      const stop = async () => {
        await app.close();
        await closeParseWorkers();
        await app.services.db.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: Error & { code?: string }) => {
      if (config.db.kind === 'postgres' && /ECONNREFUSED|ENOTFOUND|timeout|password authentication|does not exist/i.test(`${err.code} ${err.message}`)) {
        console.error(
          `Cannot connect to the database at DATABASE_URL (${err.code ?? err.message}). Check that PostgreSQL with pgvector is running and reachable.`,
        );
        process.exit(3);
      }
      if (err instanceof StoreLockedError) {
        // One writer per embedded store: a second server would silently lose its writes.
        console.error(
          `Not started: ${err.message.replace(/: stop the server first\.$/, '')}. One server per DATA_DIR; use another DATA_DIR or stop that server.`,
        );
        process.exit(5);
      }
      if (err.code === 'EADDRINUSE') {
        console.error(`Port ${config.PORT} is already in use. Set PORT to another port.`);
        process.exit(4);
      }
      console.error(`Start-up failed: ${err.message}`);
      process.exit(1);
    },
  );
}

import { defineConfig } from 'vitest/config';

/**
 * Two projects (README, "Tests"): `fast`, the in-process suites — the quick loop,
 * `npm run test:fast` — and `slow`, the suites that drive Chromium or start the server, the CLIs
 * or PostgreSQL as child processes (`npm run test:slow`). `npm test` (CI) runs both: fast first,
 * then slow.
 */
export const SLOW = [
  // Chromium
  'tests/e2e-*.test.ts',
  // child processes: the benchmark, the CLIs, `npm start`, servers on one store, a new store's initdb, backup/restore
  'tests/bench-run.test.ts',
  'tests/eval-cli.test.ts',
  'tests/ingest-cli.test.ts',
  'tests/serving.test.ts',
  'tests/store-lock.test.ts',
  'tests/store-initdb.test.ts',
  'tests/multi-instance.test.ts',
  'tests/reliability-store.test.ts',
  'tests/reliability-backup.test.ts',
  'tests/reliability-migrate.test.ts',
  'tests/reliability-restore-postgres.test.ts',
];

export default defineConfig({
  test: {
    // PGlite boots a WASM Postgres per test file; give slow CI machines room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Template databases built once per run, cloned by every file (tests/helpers/template-db.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: SLOW, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'slow', include: SLOW, sequence: { groupOrder: 1 } } },
    ],
  },
});

import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { percentile, round } from '../eval/metrics.js';
import { createServices, syncCorpus } from '../server/bootstrap.js';
import { respond } from '../server/chat/respond.js';
import { BENCH_QUERIES } from './queries.js';
import { ROOT } from './server.js';

const USAGE = `Usage: npx tsx bench/chat-cpu.ts [--rounds R] [--data-dir DIR] [--profile FILE] [--json]

The offline chat path in process (server/chat/respond.ts, no HTTP), the bench questions one at a
time: wall and CPU time per answer, p50/p95. CPU time is what the load steps divide among
connections, and it varies less than latency on a shared machine. --profile writes a CPU profile
of the timed rounds only (not start-up or ingest), to open in Chrome's DevTools. A fresh data
directory is ingested unless --data-dir names one already loaded.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '10' },
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
      statements: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (values.help || !Number.isInteger(rounds) || rounds < 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hieu-luat-chat-cpu-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_CHAT: '0' }, ROOT);
  const services = await createServices(config);
  try {
    await syncCorpus(services);
    const wall: number[] = [];
    const cpu: number[] = [];
    const statements = new Map<string, { n: number; ms: number }>();
    if (values.statements) {
      const query = services.db.query.bind(services.db);
      services.db.query = (async (sql: string, params?: unknown[]) => {
        const t0 = performance.now();
        try {
          return await query(sql, params);
        } finally {
          const key = sql.replace(/\s+/g, ' ').slice(0, 110);
          const e = statements.get(key) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - t0;
          statements.set(key, e);
        }
      }) as typeof services.db.query;
    }
    const session = values.profile ? new Session() : null;
    // Round −1 warms the JIT and the caches.
    for (let r = -1; r < rounds; r++) {
      if (r === 0) statements.clear();
      if (r === 0 && session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      for (const message of BENCH_QUERIES) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await respond(services, { message });
        const t = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (r >= 0) {
          wall.push(t);
          cpu.push((c.user + c.system) / 1000);
        }
      }
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(values.profile!, JSON.stringify(profile));
      session.disconnect();
    }
    const out = {
      answers: wall.length,
      wallP50Ms: round(percentile(wall, 50), 2),
      wallP95Ms: round(percentile(wall, 95), 2),
      wallMeanMs: round(wall.reduce((a, b) => a + b, 0) / wall.length, 2),
      cpuMeanMs: round(cpu.reduce((a, b) => a + b, 0) / cpu.length, 2),
    };
    for (const [sql, e] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
      console.error(`${(e.ms / wall.length).toFixed(3).padStart(7)} ms/answer ${String(e.n).padStart(5)}×  ${sql}`);
    }
    console.log(
      values.json
        ? JSON.stringify(out)
        : Object.entries(out)
            .map(([k, v]) => `${k} ${v}`)
            .join('\n'),
    );
    return 0;
  } finally {
    await services.db.close();
    if (!values['data-dir']) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();

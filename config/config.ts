import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else receives a validated `Config`.
 * Defaults are offline: embedded PGlite on disk, the hashed Vietnamese embedder and the
 * extractive answerer, so a fresh clone runs with no server and no API key.
 */

const boolish = z.enum(['1', '0', 'true', 'false', 'yes', 'no', '']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const intFrom = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const EnvSchema = z.object({
  PORT: intFrom(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  AUTO_INGEST: boolish.default(true),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(4096).optional(),
  CHAT_MODEL: z.string().min(1).optional(),
  // Each call to the embedding provider (one batch) waits at most this long; vectors are made in
  // the background and retried after EMBEDDING_RETRY_MS, doubling up to 32 times that (ten minutes at most).
  EMBEDDING_TIMEOUT_MS: intFrom(30_000, 100, 600_000),
  EMBEDDING_RETRY_MS: intFrom(10_000, 50, 3_600_000),
  LLM_FIRST_TOKEN_TIMEOUT_MS: intFrom(4000, 100, 120_000),
  LLM_TOTAL_TIMEOUT_MS: intFrom(30_000, 500, 600_000),
  // Deadline for each retrieval aid (query rewrite, rerank); 0 turns them off.
  LLM_ASSIST_TIMEOUT_MS: intFrom(2000, 0, 60_000),
  // After this many consecutive failures or timeouts, the chat provider is skipped (offline
  // answer at once) for PROVIDER_COOL_DOWN_MS; then one trial call decides.
  PROVIDER_FAILURES_TO_PAUSE: intFrom(3, 1, 100),
  PROVIDER_COOL_DOWN_MS: intFrom(30_000, 100, 3_600_000),

  EMERGENCY_POLICE: z.string().min(1).default('113'),
  EMERGENCY_CHILD: z.string().min(1).default('111'),
  EMERGENCY_MEDICAL: z.string().min(1).default('115'),
  // The national domestic-violence hotline number is set by officials; we do not guess it.
  EMERGENCY_DV_HOTLINE: z.string().default(''),
  LEGAL_AID_PHONE: z.string().default(''),
  // With a provider: the model also reads each message for danger (it can only raise the level).
  // Off by default: it adds one model call before every answer.
  SAFETY_LLM_CLASSIFY: boolish.default(false),
  SAFETY_LLM_TIMEOUT_MS: intFrom(1500, 100, 30_000),

  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SESSION_TTL_HOURS: intFrom(12, 1, 24 * 30),
  COOKIE_SECURE: boolish.default(false),

  RATE_LIMIT_CHAT: intFrom(20),
  RATE_LIMIT_SEARCH: intFrom(60),
  RATE_LIMIT_LOGIN: intFrom(10),
  CORS_ORIGINS: csv,
  // Zalo Mini App notifications (issue 16): "the union's official answered, open the app", sent
  // to a member who agreed. Off unless both the app id and the API key are set.
  ZALO_APP_ID: z
    .string()
    .regex(/^\d{5,32}$/, 'must be the Mini App id (digits)')
    .optional(),
  ZALO_NOTIFY_API_KEY: z.string().min(8).optional(),
  ZALO_NOTIFY_API_URL: z.string().url().default('https://openapi.mini.zalo.me'),
  ZALO_NOTIFY_TEMPLATE_ID: z.string().min(1).default('00126fd75392bacce383'),
  ZALO_NOTIFY_TIMEOUT_MS: intFrom(5000, 100, 60_000),
  // Hours (Vietnam time, from-to) when Zalo delivers Mini App notifications; approvals outside wait for them.
  ZALO_NOTIFY_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'must be like 6-22')
    .default('6-22'),
  UPLOAD_MAX_MB: intFrom(25, 1, 500),
  // PDF, DOCX and HTML uploads parsed at a time, and how many more may wait (then 503 + Retry-After).
  PARSE_CONCURRENCY: intFrom(1, 1, 16),
  PARSE_QUEUE: intFrom(2, 0, 100),
  MAX_MESSAGE_CHARS: intFrom(2000, 100, 20_000),
  MAX_TURNS_PER_CONVERSATION: intFrom(50, 2, 1000),
  RETENTION_DAYS: intFrom(30, 1, 3650),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_MESSAGES: boolish.default(false),
  // An official's bearer token: lets `npm run ingest` hand files to a running server's API.
  HIEU_LUAT_TOKEN: z.string().min(16).optional(),
  // Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). Loopback is always one:
  // a process on this machine could reach the server directly anyway.
  TRUST_PROXY: csv,
  // Below this much free space in DATA_DIR, /api/ready says not ready (writes would start failing).
  MIN_FREE_DISK_MB: intFrom(200, 0, 100_000_000),
  HTTP_HEADERS_TIMEOUT_MS: intFrom(15_000, 100, 600_000),
  HTTP_IDLE_TIMEOUT_MS: intFrom(60_000, 100, 3_600_000),
  HTTP_REQUEST_TIMEOUT_MS: intFrom(120_000, 100, 3_600_000),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  /** Absolute data directory for PGlite, uploads and backups. */
  dataDir: string;
  corpusDir: string;
  db: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  embedder:
    | { kind: 'hashed'; dimension: number }
    | { kind: 'openai'; model: string; dimension?: number; baseURL?: string; apiKey?: string; timeoutMs?: number };
  answerer: { kind: 'extractive' } | { kind: 'openai'; model: string; baseURL?: string; apiKey?: string };
  /** Zalo Mini App notifications; null = members are never notified outside the app. */
  zaloNotify: { appId: string; apiKey: string; baseUrl: string; templateId: string; timeoutMs: number; hours: [number, number] } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Dimension of the offline hashed embedder. 512 keeps HNSW small on WASM Postgres. */
export const HASHED_DIMENSION = 512;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const problems: string[] = [];
  if (e.EMBEDDING_MODEL && !llmConfigured) {
    problems.push('EMBEDDING_MODEL: needs OPENAI_API_KEY or OPENAI_BASE_URL');
  }
  if (e.CHAT_MODEL && !llmConfigured) {
    problems.push('CHAT_MODEL: needs OPENAI_API_KEY or OPENAI_BASE_URL');
  }
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL/ADMIN_PASSWORD: set both or neither');
  }
  const notifyHours = e.ZALO_NOTIFY_HOURS.split('-').map(Number) as [number, number];
  if (!(notifyHours[0] < notifyHours[1] && notifyHours[1] <= 24)) problems.push('ZALO_NOTIFY_HOURS: from-to within 0-24, from before to');
  if (Boolean(e.ZALO_APP_ID) !== Boolean(e.ZALO_NOTIFY_API_KEY)) {
    problems.push('ZALO_APP_ID/ZALO_NOTIFY_API_KEY: set both or neither');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    ...e,
    dataDir,
    corpusDir: path.resolve(cwd, e.CORPUS_DIR),
    db: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    embedder:
      llmConfigured && e.EMBEDDING_MODEL
        ? {
            kind: 'openai',
            model: e.EMBEDDING_MODEL,
            dimension: e.EMBEDDING_DIMENSIONS,
            baseURL: e.OPENAI_BASE_URL,
            apiKey: e.OPENAI_API_KEY,
            timeoutMs: e.EMBEDDING_TIMEOUT_MS,
          }
        : { kind: 'hashed', dimension: HASHED_DIMENSION },
    answerer: llmConfigured
      ? { kind: 'openai', model: e.CHAT_MODEL ?? 'gpt-4o-mini', baseURL: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY }
      : { kind: 'extractive' },
    zaloNotify:
      e.ZALO_APP_ID && e.ZALO_NOTIFY_API_KEY
        ? {
            appId: e.ZALO_APP_ID,
            apiKey: e.ZALO_NOTIFY_API_KEY,
            baseUrl: e.ZALO_NOTIFY_API_URL.replace(/\/+$/, ''),
            templateId: e.ZALO_NOTIFY_TEMPLATE_ID,
            timeoutMs: e.ZALO_NOTIFY_TIMEOUT_MS,
            hours: notifyHours,
          }
        : null,
  };
}

/**
 * Members' questions and the retrieved law go to no third party without a choice: LangChain sends
 * every run to LangSmith when one of these is set, so they are forced off, whatever the
 * environment says, before any model client is built (server start, ingest, tests' services).
 */
export const TRACING_VARIABLES = ['LANGSMITH_TRACING', 'LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING', 'LANGCHAIN_TRACING_V2'] as const;
export function forceTracingOff(env: NodeJS.ProcessEnv = process.env): void {
  for (const v of TRACING_VARIABLES) env[v] = 'false';
}

/** Empty strings in the environment mean "unset" (docker-compose writes `X=` for blanks). */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../config/config.js';
import { buildApp } from '../../server/app.js';
import { createServices } from '../../server/bootstrap.js';
import { createUser, type Role } from '../../server/auth/users.js';
import type { Services } from '../../server/services.js';
import { dbFor } from './template-db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real app on an in-memory PGlite with an empty library and a temp DATA_DIR (or `env.DATA_DIR`). */
export async function officialsApp(
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; services: Services; dataDir: string; close(): Promise<void> }> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hieu-luat-test-'));
  const config = loadConfig(
    {
      CORPUS_DIR: path.join(ROOT, 'corpus'),
      DATA_DIR: dataDir,
      AUTO_INGEST: 'false',
      RATE_LIMIT_CHAT: '0',
      RATE_LIMIT_SEARCH: '0',
      RATE_LIMIT_LOGIN: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
    ROOT,
  );
  const services = await createServices(config, { db: await dbFor(config) });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    dataDir,
    async close() {
      await app.close();
      await services.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'mat-khau-rat-dai-123';

export async function addOfficial(services: Services, email: string, role: Role, password = PASSWORD) {
  return createUser(services.db, { email, role, password });
}

export interface Login {
  token: string;
  csrfToken: string;
  cookie: string;
  user: { id: string; email: string; role: Role };
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Login> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  const cookie = res.cookies.find((c) => c.name === 'hl_session')!;
  return { token: body.token, csrfToken: body.csrfToken, cookie: `hl_session=${cookie.value}`, user: body.user };
}

export const bearer = (l: Login) => ({ authorization: `Bearer ${l.token}` });

/** A multipart/form-data body built by hand: fixtures stay in code, no form library needed. */
export function multipart(
  files: { name?: string; filename: string; content: string | Buffer; type?: string }[],
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----hieuluat${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function json(res: LightMyRequestResponse) {
  return res.json() as any;
}

import fs from 'node:fs';
import path from 'node:path';
import type { LockHolder } from '../store/lock.js';
import type { DocumentMeta } from './types.js';

/**
 * `npm run ingest` beside a running server: the CLI must not open the embedded store (a second
 * writer corrupts it), so it hands the files to the server's upload API, as an official would in
 * the console. Credentials come from the environment (HIEU_LUAT_TOKEN, an official's bearer
 * token, or ADMIN_EMAIL/ADMIN_PASSWORD), never from the command line.
 */

export interface HandoffCredentials {
  token?: string;
  email?: string;
  password?: string;
}

export interface HandoffLine {
  file: string;
  ok: boolean;
  line: string;
}

export class HandoffRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandoffRefused';
  }
}

/** The one-line refusal when the server cannot be reached through its API. */
export function refusal(holder: LockHolder | null, reason: string): string {
  const who = holder
    ? `a running ${holder.role === 'server' ? 'server' : `\`${holder.role}\``} (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''})`
    : 'another process';
  return (
    `The embedded database is in use by ${who}; ${reason}. ` +
    "Upload in the console (/admin), or set HIEU_LUAT_TOKEN (an official's token) or ADMIN_EMAIL/ADMIN_PASSWORD and run again, or stop the server first."
  );
}

async function loginToken(base: string, creds: HandoffCredentials): Promise<string> {
  if (creds.token) return creds.token;
  if (!creds.email || !creds.password) throw new HandoffRefused('no credentials for its API');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: creds.email, password: creds.password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new HandoffRefused(`its API refused the login (${res.status})`);
  return ((await res.json()) as { token: string }).token;
}

const FORM_FIELDS: (keyof DocumentMeta)[] = ['number', 'title', 'type', 'status', 'effective', 'issued', 'issuer', 'replacedBy'];

/** Uploads each file to the server holding the store, one request per file, as the console does. */
export async function handOff(holder: LockHolder, files: string[], overrides: DocumentMeta, creds: HandoffCredentials): Promise<HandoffLine[]> {
  if (!holder.port) throw new HandoffRefused('its address is not known yet (it is still starting)');
  const base = `http://127.0.0.1:${holder.port}`;
  let token: string;
  try {
    token = await loginToken(base, creds);
  } catch (err) {
    throw err instanceof HandoffRefused ? err : new HandoffRefused(`its API did not answer (${(err as Error).message})`);
  }
  const out: HandoffLine[] = [];
  for (const file of files) {
    const form = new FormData();
    for (const k of FORM_FIELDS) {
      const v = overrides[k];
      if (typeof v === 'string' && v) form.append(k, v);
    }
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const t0 = Date.now();
    const res = await fetch(`${base}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = (await res.json().catch(() => ({}))) as {
      message?: string;
      error?: string;
      uploads?: {
        result: string | null;
        documentId: string | null;
        articles: number | null;
        chunks: number | null;
        errorCode: string | null;
        error: string | null;
      }[];
    };
    const u = body.uploads?.[0];
    if (res.ok && u?.result) {
      out.push({
        file,
        ok: true,
        line: `${u.result.padEnd(8)} ${file}: ${u.documentId} — ${u.articles} điều, ${u.chunks} đoạn, ${Date.now() - t0} ms (by the running server)`,
      });
    } else if (res.status === 401 || res.status === 403) {
      throw new HandoffRefused(`its API refused the credentials (${res.status})`);
    } else {
      out.push({ file, ok: false, line: `error    ${file}: ${u?.errorCode ?? body.error ?? res.status}: ${u?.error ?? body.message ?? ''}` });
    }
  }
  return out;
}

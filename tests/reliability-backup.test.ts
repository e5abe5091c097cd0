import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.js';
import { HashedEmbedder } from '../ingest/embed/hashed.js';
import { ingestDocument } from '../ingest/pipeline.js';
import { createRetriever } from '../server/retrieval/hybrid.js';
import { openDb } from '../store/open.js';
import { backup, BackupError } from '../scripts/backup.js';
import { restore } from '../scripts/restore.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hieuluat-backup-'));
  dirs.push(d);
  return d;
};
const configFor = (dataDir: string, env: Record<string, string> = {}): Config => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, ROOT);

const law = (n: number, subject: string) =>
  `QUỐC HỘI\nSố: ${n}/2030/QH15\n\nLUẬT\n${subject.toUpperCase()}\n\nĐiều 1. Phạm vi\nLuật này quy định về ${subject}.\nĐiều 2. Quyền của phụ nữ\n1. Phụ nữ được hỗ trợ về ${subject}.\n`;

const ORIGINAL_SHA = 'a'.repeat(64);
let source: Config;
let original: { documents: number; chunks: number; conversations: number };

beforeAll(async () => {
  source = configFor(tmp());
  const db = await openDb(source.db);
  const emb = new HashedEmbedder(512);
  for (const [i, subject] of ['vay vốn ưu đãi', 'học nghề miễn phí', 'chăm sóc sức khoẻ sinh sản'].entries()) {
    await ingestDocument(db, emb, { bytes: Buffer.from(law(80 + i, subject)) });
  }
  await db.query("insert into conversations (id) values ('cuoc-tro-chuyen-1')");
  // An official's uploaded file, kept to re-index its document: part of what a backup must hold.
  fs.mkdirSync(path.join(source.dataDir, 'originals'), { recursive: true });
  fs.writeFileSync(path.join(source.dataDir, 'originals', ORIGINAL_SHA), 'tệp gốc của cán bộ');
  original = (
    await db.query<typeof original>(
      'select (select count(*)::int from documents) documents, (select count(*)::int from chunks) chunks, (select count(*)::int from conversations) conversations',
    )
  ).rows[0]!;
  await db.close();
  expect(original.documents).toBe(3);
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm run backup / npm run restore (embedded store)', () => {
  let file: string;

  it('backs up to DATA_DIR/backups as a private .tar.gz', async () => {
    const r = await backup(source);
    file = r.file;
    expect(path.dirname(file)).toBe(path.join(source.dataDir, 'backups'));
    expect(file).toMatch(/hieu-luat-\d{8}-\d{6}\.tar\.gz$/);
    expect(r.documents).toBe(3);
    expect(r.originals).toBe(1);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('restores into a fresh DATA_DIR: same documents, chunks and conversations, search works', async () => {
    const target = configFor(tmp());
    const r = await restore(target, file);
    expect(r).toMatchObject({ documents: 3, movedAside: null, originals: 1 });
    // The uploaded originals come back too: a restored document can still be re-indexed.
    expect(fs.readFileSync(path.join(target.dataDir, 'originals', ORIGINAL_SHA), 'utf8')).toBe('tệp gốc của cán bộ');
    const db = await openDb(target.db);
    try {
      const counts = (
        await db.query(
          'select (select count(*)::int from documents) documents, (select count(*)::int from chunks) chunks, (select count(*)::int from conversations) conversations',
        )
      ).rows[0];
      expect(counts).toEqual(original);
      const hits = await createRetriever({ db, embedder: new HashedEmbedder(512), semantic: false }).search('học nghề miễn phí cho phụ nữ', { k: 3 });
      expect(hits.hits[0]!.document.number).toBe('81/2030/QH15');
    } finally {
      await db.close();
    }

    // Not over a store that has data, unless told to; then the old store is moved aside, not deleted.
    await expect(restore(target, file)).rejects.toThrow(/not empty: refusing/);
    const forced = await restore(target, file, { force: true });
    expect(forced.movedAside).toMatch(/pglite\.before-restore-\d+$/);
    expect(fs.readdirSync(forced.movedAside!)).toContain('PG_VERSION');
  });

  it('refuses a store that is open, a missing or broken archive, and a PostgreSQL server', async () => {
    const db = await openDb(source.db, { role: 'server' });
    try {
      // --force does not bypass a live holder: it used to delete the lock under a running server.
      await expect(backup(source, { force: true })).rejects.toThrow(/in use by a running server .*stop the server first/);
      const target = configFor(tmp());
      await restore(target, file);
      // Restore beside a server holding the target store: refused, the store untouched.
      const holder = await openDb(target.db, { role: 'server' });
      try {
        await expect(restore(target, file, { force: true })).rejects.toThrow(/stop the server first/);
        expect(fs.readdirSync(path.dirname(target.db.kind === 'pglite' ? target.db.dataDir : '')).filter((f) => f.includes('before-restore'))).toEqual([]);
      } finally {
        await holder.close();
      }
    } finally {
      await db.close();
    }
    const fresh = configFor(tmp());
    await expect(restore(fresh, path.join(fresh.dataDir, 'nope.tar.gz'))).rejects.toThrow(/No backup file/);
    const broken = path.join(fresh.dataDir, 'broken.tar.gz');
    fs.writeFileSync(broken, 'not a tar file');
    await expect(restore(fresh, broken)).rejects.toBeInstanceOf(BackupError);
    expect(fs.existsSync(fresh.db.kind === 'pglite' ? fresh.db.dataDir : '')).toBe(false);
    const server = configFor(tmp(), { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x' });
    await expect(backup(server)).rejects.toThrow(/pg_dump/);
    await expect(restore(server, file)).rejects.toThrow(/pg_restore/);
  });

  it('the CLI prints one line and exits non-zero on refusal', () => {
    const target = tmp();
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: target },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const ok = run('restore.ts', [file]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Restored into .*: 3 documents, 1 original files\./);
    const refused = run('restore.ts', [file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--force');
  });
});

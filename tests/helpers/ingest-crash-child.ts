/**
 * Child process for the crash test (tests/ingest-fuzz.test.ts): ingests a small document, then
 * a large one into an on-disk PGlite. In the large one's write transaction, after the document
 * row and a few batches of chunks are written, it prints MIDWRITE and stalls, so the parent's
 * SIGKILL lands inside the transaction every time.
 * Usage: tsx tests/helpers/ingest-crash-child.ts <data-dir>
 */
import { HashedEmbedder } from '../../ingest/embed/hashed.js';
import { ingestDocument } from '../../ingest/pipeline.js';
import { ensureEmbeddings } from '../../store/embeddings.js';
import { migrate } from '../../store/migrate.js';
import type { Db, Queryable } from '../../store/db.js';
import { openPglite } from '../../store/pglite.js';

function bigLaw(articles: number): string {
  const lines = ['QUỐC HỘI', 'Luật số: 77/2031/QH99', 'LUẬT', 'THỬ NGHIỆM GHI DỞ DANG'];
  for (let n = 1; n <= articles; n++) {
    lines.push(`Điều ${n}. Quy định thứ ${n}`);
    for (let k = 1; k <= 3; k++)
      lines.push(`${k}. Khoản ${k} của Điều ${n} quy định việc hòa giải mâu thuẫn giữa các thành viên gia đình, bảo vệ phụ nữ và trẻ em.`);
  }
  return lines.join('\n');
}

const SMALL_LAW = 'QUỐC HỘI\nLuật số: 76/2031/QH99\nLUẬT\nNHỎ\nĐiều 1. Một\nNội dung một.\nĐiều 2. Hai\nNội dung hai.';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: ingest-crash-child <data-dir>');
  const db = await openPglite(dir);
  await migrate(db);
  const base = new HashedEmbedder();
  await ensureEmbeddings(db, base);
  await ingestDocument(db, base, { bytes: Buffer.from(SMALL_LAW, 'utf8'), origin: 'cli' });
  process.stdout.write('SMALL_DONE\n');
  let chunkBatches = 0;
  const stalling = (tx: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await tx.query<T>(sql, params);
      if (/^\s*insert into chunks/i.test(sql) && ++chunkBatches === 3) {
        process.stdout.write('MIDWRITE\n');
        await new Promise((resolve) => setTimeout(resolve, 60_000));
      }
      return r;
    },
  });
  const wrapped: Db = { ...db, transaction: (fn) => db.transaction((tx) => fn(stalling(tx))) };
  await ingestDocument(wrapped, base, { bytes: Buffer.from(bigLaw(Number(process.env.CRASH_ARTICLES ?? 400)), 'utf8'), origin: 'cli' });
  process.stdout.write('BIG_DONE\n');
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});

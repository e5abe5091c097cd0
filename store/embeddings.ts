import type { Db, Queryable } from './db.js';
import { toVectorLiteral } from './db.js';

export interface EmbedderInfo {
  id: string;
  dimension: number;
  semantic?: boolean;
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Makes the vector column and its HNSW index match the configured embedder. Vectors from two
 * embedders are never mixed: when the embedder changes, every embedding is cleared and rebuilt.
 * The index is built after the vectors (one bulk build is much cheaper than one insert at a time)
 * and only for a semantic embedder: nothing searches the offline embedder's vectors, and an HNSW
 * graph makes every insert pay for keeping it up to date.
 * Returns how many chunks were (re-)embedded.
 */
export async function ensureEmbeddings(db: Db, embedder: EmbedderInfo, onProgress?: (done: number, total: number) => void): Promise<number> {
  await ensureEmbedderState(db, embedder);
  return embedAllMissing(db, embedder, onProgress);
}

/**
 * The first half of ensureEmbeddings: the column's dimension and embedder_state match the
 * embedder (vectors of another embedder cleared). After it, new chunks may be written with
 * this embedder's vectors, while older ones still wait for theirs.
 */
export async function ensureEmbedderState(db: Db, embedder: EmbedderInfo): Promise<void> {
  const state = (await db.query<{ embedder_id: string; dimension: number }>('select embedder_id, dimension from embedder_state')).rows[0];
  if (!state || state.embedder_id !== embedder.id || state.dimension !== embedder.dimension) {
    const dim = Math.trunc(embedder.dimension);
    await db.transaction(async (tx) => {
      await tx.query('drop index if exists chunks_embedding_idx');
      await tx.query('update chunks set embedding = null where embedding is not null');
      // DDL cannot take a bind parameter; dim is an integer we computed, not user text.
      await tx.query(`alter table chunks alter column embedding type vector(${dim})`);
      await tx.query(
        `insert into embedder_state (singleton, embedder_id, dimension) values (true, $1, $2)
         on conflict (singleton) do update set embedder_id = excluded.embedder_id, dimension = excluded.dimension, updated_at = now()`,
        [embedder.id, dim],
      );
    });
  }
}

/** The second half: every chunk without a vector gets one (resumable), then the vector index. */
export async function embedAllMissing(db: Db, embedder: EmbedderInfo, onProgress?: (done: number, total: number) => void): Promise<number> {
  const embedded = await embedMissing(db, embedder, onProgress);
  await setVectorIndex(db, embedder.semantic === true);
  return embedded;
}

/** The dimension stored for this embedder id, if its vectors were made before (no provider call needed to learn it). */
export async function storedDimension(db: Db, embedderId: string): Promise<number | undefined> {
  const state = (await db.query<{ embedder_id: string; dimension: number }>('select embedder_id, dimension from embedder_state')).rows[0];
  return state?.embedder_id === embedderId ? state.dimension : undefined;
}

const VECTOR_INDEX = 'chunks_embedding_idx';

async function hasVectorIndex(db: Queryable): Promise<boolean> {
  return (await db.query(`select 1 from pg_indexes where tablename = 'chunks' and indexname = $1`, [VECTOR_INDEX])).rows.length > 0;
}

async function setVectorIndex(db: Queryable, wanted: boolean): Promise<void> {
  const has = await hasVectorIndex(db);
  // Cosine distance: providers' vectors are meant for cosine (and both embedders L2-normalise).
  if (wanted && !has) await db.query(`create index ${VECTOR_INDEX} on chunks using hnsw (embedding vector_cosine_ops)`);
  if (!wanted && has) await db.query(`drop index ${VECTOR_INDEX}`);
}

/**
 * Runs a bulk load (a first start, `npm run ingest` of a folder) without the HNSW index when the
 * library is empty, then builds the index once over everything: inserting into an HNSW graph one
 * vector at a time costs far more than building it at the end. Into a non-empty library the
 * index stays, so a few new files do not rebuild the graph of everything already there.
 */
export async function bulkLoad<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const empty = (await db.query('select 1 from chunks limit 1')).rows.length === 0;
  if (!empty || !(await hasVectorIndex(db))) return fn();
  await db.query(`drop index ${VECTOR_INDEX}`);
  try {
    return await fn();
  } finally {
    await setVectorIndex(db, true);
  }
}

async function embedMissing(db: Db, embedder: EmbedderInfo, onProgress?: (done: number, total: number) => void): Promise<number> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from chunks where embedding is null')).rows[0]!.n;
  let done = 0;
  while (done < total) {
    const batch = (
      await db.query<{ id: number; header: string; text: string }>('select id, header, text from chunks where embedding is null order by id limit 64')
    ).rows;
    if (!batch.length) break;
    const vectors = await embedder.embed(batch.map((c) => embeddingInput(c.header, c.text)));
    // One statement per batch (a round trip per row is what costs on the embedded store).
    await db.query(`update chunks c set embedding = v.e::vector from unnest($1::bigint[], $2::text[]) as v(id, e) where c.id = v.id`, [
      batch.map((c) => c.id),
      vectors.map((v) => toVectorLiteral(v)),
    ]);
    done += batch.length;
    onProgress?.(done, total);
  }
  return done;
}

/** The context header is embedded with the text, so "Luật Hôn nhân và gia đình" helps a match. */
/** Forgets a document's vectors; ensureEmbeddings computes them again with the current embedder. */
export async function clearEmbeddings(q: Queryable, documentId: string): Promise<void> {
  await q.query('update chunks set embedding = null where document_id = $1', [documentId]);
}

export function embeddingInput(header: string, text: string): string {
  return `${header}\n${text}`;
}

import type { Db } from './db.js';
import { toVectorLiteral } from './db.js';

export interface EmbedderInfo {
  id: string;
  dimension: number;
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Makes the vector column and its HNSW index match the configured embedder. Vectors from two
 * embedders are never mixed: when the embedder changes, every embedding is cleared and rebuilt.
 * Returns how many chunks were (re-)embedded.
 */
export async function ensureEmbeddings(db: Db, embedder: EmbedderInfo, onProgress?: (done: number, total: number) => void): Promise<number> {
  const state = (await db.query<{ embedder_id: string; dimension: number }>('select embedder_id, dimension from embedder_state')).rows[0];
  if (!state || state.embedder_id !== embedder.id || state.dimension !== embedder.dimension) {
    const dim = Math.trunc(embedder.dimension);
    await db.transaction(async (tx) => {
      await tx.query('drop index if exists chunks_embedding_idx');
      await tx.query('update chunks set embedding = null where embedding is not null');
      // DDL cannot take a bind parameter; dim is an integer we computed, not user text.
      await tx.query(`alter table chunks alter column embedding type vector(${dim})`);
      // Cosine distance: both embedders return L2-normalised vectors, and providers' are meant for cosine.
      await tx.query('create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops)');
      await tx.query(
        `insert into embedder_state (singleton, embedder_id, dimension) values (true, $1, $2)
         on conflict (singleton) do update set embedder_id = excluded.embedder_id, dimension = excluded.dimension, updated_at = now()`,
        [embedder.id, dim],
      );
    });
  }
  return embedMissing(db, embedder, onProgress);
}

async function embedMissing(db: Db, embedder: EmbedderInfo, onProgress?: (done: number, total: number) => void): Promise<number> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from chunks where embedding is null')).rows[0]!.n;
  let done = 0;
  while (done < total) {
    const batch = (
      await db.query<{ id: number; header: string; text: string }>(
        'select id, header, text from chunks where embedding is null order by id limit 64',
      )
    ).rows;
    if (!batch.length) break;
    const vectors = await embedder.embed(batch.map((c) => embeddingInput(c.header, c.text)));
    await db.transaction(async (tx) => {
      for (let i = 0; i < batch.length; i++) {
        await tx.query('update chunks set embedding = $1::vector where id = $2', [toVectorLiteral(vectors[i]!), batch[i]!.id]);
      }
    });
    done += batch.length;
    onProgress?.(done, total);
  }
  return done;
}

/** The context header is embedded with the text, so "Luật Hôn nhân và gia đình" helps a match. */
export function embeddingInput(header: string, text: string): string {
  return `${header}\n${text}`;
}

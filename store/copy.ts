import type { Db, Queryable } from './db.js';

/**
 * Copies every row of one store into another with the same schema (both migrated to the same
 * version): the path from the embedded store to a PostgreSQL server. A logical copy, table by
 * table, because pg_dump cannot read PGlite's files and an older pg_dump refuses a newer server.
 * Rows travel as JSON (row_to_json → json_populate_recordset), which round-trips every type the
 * schema uses (jsonb, text[], timestamptz, bytea, pgvector's vector as its text form).
 * Runs in one transaction on the target: all or nothing.
 */
export async function copyStore(source: Queryable, target: Db): Promise<Record<string, number>> {
  const tables = (
    await target.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations' order by table_name`,
    )
  ).rows.map((r) => r.name);
  const fks = (
    await target.query<{ child: string; parent: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
    )
  ).rows;
  const order = parentsFirst(tables, fks);
  const dimension = (await source.query<{ dimension: number }>('select dimension from embedder_state')).rows[0]?.dimension;
  const hadVectorIndex = (await source.query(`select 1 from pg_indexes where tablename = 'chunks' and indexname = 'chunks_embedding_idx'`)).rows.length > 0;
  const copied: Record<string, number> = {};
  await target.transaction(async (tx) => {
    // Table names come from the target's catalogue, never from input; quoted all the same.
    await tx.query(`truncate ${order.map(quote).join(', ')} restart identity cascade`);
    await tx.query('drop index if exists chunks_embedding_idx');
    // The source's embedder may have another vector size than the migrations' default.
    if (dimension) await tx.query(`alter table chunks alter column embedding type vector(${Math.trunc(Number(dimension))})`);
    for (const table of order) {
      const columns = await commonColumns(source, tx, table);
      if (!columns.length) continue;
      const list = columns.map(quote).join(', ');
      let n = 0;
      // Batches keep one JSON parameter to a few MB (chunks carry their vectors).
      for (let offset = 0; ; offset += BATCH) {
        const rows = (
          await source.query<{ j: string }>(
            `select json_agg(row_to_json(x))::text as j from (select ${list} from ${quote(table)} order by ctid limit ${BATCH} offset ${offset}) x`,
          )
        ).rows[0]?.j;
        if (!rows) break;
        const r = await tx.query<{ n: number }>(
          `with ins as (insert into ${quote(table)} (${list}) overriding system value
             select ${list} from json_populate_recordset(null::${quote(table)}, $1::json) returning 1)
           select count(*)::int as n from ins`,
          [rows],
        );
        n += r.rows[0]!.n;
      }
      copied[table] = n;
    }
    // Serial and identity columns continue after the copied rows.
    const sequences = (
      await tx.query<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns
          where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
      )
    ).rows;
    for (const s of sequences) {
      await tx.query(
        `select setval(pg_get_serial_sequence($1, $2), greatest(1, coalesce((select max(${quote(s.column_name)}) from ${quote(s.table_name)}), 0)), (select count(*) > 0 from ${quote(s.table_name)}))`,
        [s.table_name, s.column_name],
      );
    }
    if (hadVectorIndex) await tx.query('create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops)');
  });
  return copied;
}

const BATCH = 500;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Columns both sides have, generated ones left out (the target computes them). */
async function commonColumns(source: Queryable, target: Queryable, table: string): Promise<string[]> {
  const sql = `select column_name as name from information_schema.columns
                where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`;
  const there = new Set((await source.query<{ name: string }>(sql, [table])).rows.map((r) => r.name));
  return (await target.query<{ name: string }>(sql, [table])).rows.map((r) => r.name).filter((c) => there.has(c));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
export function parentsFirst(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const strip = (t: string) => t.replace(/^public\./, '').replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    const c = strip(fk.child);
    const p = strip(fk.parent);
    if (c !== p && parents.has(c) && parents.has(p)) parents.get(c)!.add(p);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, wrapPglite } from '../store/pglite.js';
import type { Db } from '../store/db.js';
import { PreparedStatements } from '../store/prepared.js';

/*
 * The embedded store keeps reads and writes prepared (store/prepared.ts): the same rows and the
 * same errors as PGlite's own query(), one parse per statement text, and never a statement run
 * inside someone else's transaction.
 */
describe('prepared statements on the embedded store', () => {
  let pg: PGlite;
  let db: Db;
  const prepared = async () =>
    (await pg.query<{ statement: string; runs: number }>(`select statement, generic_plans + custom_plans as runs from pg_prepared_statements`)).rows;

  beforeAll(async () => {
    pg = await createPglite();
    db = wrapPglite(pg);
    await db.exec(`create table t (id bigserial primary key, name text unique not null, tags text[], doc jsonb, at timestamptz default now(), ok boolean)`);
  });
  afterAll(() => db.close());

  it('returns the rows PGlite itself returns, with the same types', async () => {
    const insert = `insert into t (name, tags, doc, ok) values ($1, $2, $3::jsonb, $4) returning id, name, tags, doc, ok`;
    const mine = await db.query(insert, ['a', ['x', 'y'], JSON.stringify({ k: [1, 'ư'] }), true]);
    const theirs = await pg.query(insert, ['b', ['x', 'y'], JSON.stringify({ k: [1, 'ư'] }), true]);
    expect(mine.rows).toEqual([{ id: 1, name: 'a', tags: ['x', 'y'], doc: { k: [1, 'ư'] }, ok: true }]);
    expect(theirs.rows[0]).toEqual({ ...mine.rows[0], id: 2, name: 'b' });
    const select = `select id, name, tags, doc, at, ok from t where id = any($1::bigint[]) order by id`;
    const a = await db.query<{ at: Date }>(select, [[1, 2]]);
    expect(a.rows).toEqual((await pg.query(select, [[1, 2]])).rows);
    expect(a.rows[0]!.at).toBeInstanceOf(Date);
    // A statement with no rows to return, and nulls bound as nulls.
    expect((await db.query(`update t set tags = $1 where name = $2`, [null, 'a'])).rows).toEqual([]);
    expect((await db.query(`select tags from t where name = $1`, ['a'])).rows).toEqual([{ tags: null }]);
  });

  it('parses a statement text once and runs its plan again', async () => {
    const sql = `select count(*)::int as n from t where name <> $1`;
    for (let i = 0; i < 8; i++) expect((await db.query(sql, [`z${i}`])).rows).toEqual([{ n: 2 }]);
    const mine = (await prepared()).filter((p) => p.statement === sql);
    expect(mine).toHaveLength(1);
    expect(Number(mine[0]!.runs)).toBe(8);
  });

  it('reports a failed statement as PGlite does and stays usable', async () => {
    const insert = `insert into t (name) values ($1)`;
    await db.query(insert, ['dup']);
    const err = await db.query(insert, ['dup']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23505', query: insert });
    // The error skipped to the sync: the session is ready, and the statement still works.
    await db.query(insert, ['dup2']);
    expect((await db.query(`select count(*)::int as n from t where name like $1`, ['dup%'])).rows).toEqual([{ n: 2 }]);
    // A statement that does not parse is not kept.
    const before = (await prepared()).length;
    await expect(db.query(`select nope from t where id = $1`, [1])).rejects.toMatchObject({ code: '42703' });
    expect((await prepared()).length).toBe(before);
  });

  it('waits for a transaction to end before it runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (q) => {
      await q.query(`insert into t (name) values ($1)`, ['in-tx']);
      await held;
      throw new Error('roll back');
    });
    // Issued while the transaction holds the store: it must not see (or join) the insert.
    const outside = db.query<{ n: number }>(`select count(*)::int as n from t where name = $1`, ['in-tx']);
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).rows).toEqual([{ n: 0 }]);
  });

  it('leaves statements other than reads and writes to PGlite', async () => {
    expect(PreparedStatements.handles(' select 1')).toBe(true);
    expect(PreparedStatements.handles('WITH x as (select 1) select * from x')).toBe(true);
    expect(PreparedStatements.handles('set hnsw.ef_search = 100')).toBe(false);
    expect(PreparedStatements.handles('create table u (id int)')).toBe(false);
    await db.query(`create table u (id int)`);
    expect((await prepared()).some((p) => p.statement.startsWith('create'))).toBe(false);
  });

  it('keeps a bounded number of statements', async () => {
    const ps = new PreparedStatements(pg);
    for (let i = 0; i < 205; i++) await ps.query(`select ${i} as n`);
    expect(ps.size).toBe(200);
    expect((await ps.query<{ n: number }>(`select 204 as n`)).rows).toEqual([{ n: 204 }]);
    // The evicted ones were closed in Postgres too (this instance's own, besides the wrapper's).
    expect((await prepared()).filter((p) => /^select \d+ as n$/.test(p.statement))).toHaveLength(200);
  });
});

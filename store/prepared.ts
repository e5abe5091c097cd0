import { type PGlite, parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;
type BindValues = NonNullable<Parameters<typeof serialize.bind>[0]>['values'];

/**
 * Statements kept prepared at once. The store's SQL is written in the code, so the distinct texts
 * number in the dozens; the bound only matters if a caller ever builds texts on the fly.
 */
const MAX_STATEMENTS = 200;

/** Only plain reads and writes are kept: a plan is worth keeping for them, not for DDL or SET. */
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** Names are unique in the process, so two sets on one instance (tests) never take each other's. */
let named = 0;

interface Statement {
  name: string;
  /** The parameters' type oids as Postgres inferred them, to serialise values as PGlite would. */
  types: number[];
}

/**
 * Named prepared statements on the embedded store. PGlite's own query() parses and plans every
 * statement anew and crosses into WebAssembly six times (parse, describe, bind, describe, execute,
 * sync); PGlite runs on our thread, so that is our CPU on every request. Here a statement text is
 * parsed once and then bound, described and executed in one crossing, and Postgres keeps its plan
 * (custom plans for the first five runs, then the generic one when it costs no more, as with any
 * driver that prepares). Measured on a chat turn's insert of question and answer: 3.0 → ~1.4 ms CPU.
 *
 * The same mutexes as PGlite's query(), so a statement never runs inside someone's transaction;
 * values are serialised and rows parsed with the instance's own serializers and parsers, so
 * results are the same as query()'s. Statements inside transactions keep PGlite's path.
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly pg: PGlite) {}

  /** Whether `sql` goes through here (a plain read or write); anything else keeps PGlite's query(). */
  static handles(sql: string): boolean {
    return CACHEABLE.test(sql);
  }

  /** Prepared statements held now (tests). */
  get size(): number {
    return this.statements.size;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[] }> {
    await this.pg._checkReady();
    return this.pg._runExclusiveTransaction(() =>
      this.pg._runExclusiveQuery(async () => {
        try {
          const st = this.statements.get(sql) ?? (await this.prepare(sql));
          const values = params.map((p, i) => {
            if (p === null || p === undefined) return null;
            const serializer = this.pg.serializers[st.types[i]!];
            return serializer ? serializer(p) : String(p);
          });
          // Bind, describe (for the rows' types), execute and sync in one message: on an error
          // Postgres skips to the sync, so the session is ready for the next statement either way.
          const { messages } = await this.pg.execProtocol(
            concat([
              serialize.bind({ statement: st.name, values: values as BindValues }),
              serialize.describe({ type: 'P' }),
              serialize.execute({}),
              serialize.sync(),
            ]),
          );
          return { rows: (parse.parseResults(messages, this.pg.parsers)[0]?.rows ?? []) as T[] };
        } catch (err) {
          // As PGlite's query() reports a failed statement.
          if (err && typeof err === 'object' && 'code' in err) Object.assign(err, { query: sql, params });
          throw err;
        }
      }),
    );
  }

  private async prepare(sql: string): Promise<Statement> {
    if (this.statements.size >= MAX_STATEMENTS) await this.evictOldest();
    const name = `hl_${++named}`;
    const { messages } = await this.pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const st = { name, types: parse.parseDescribeStatementResults(messages) };
    this.statements.set(sql, st);
    return st;
  }

  private async evictOldest(): Promise<void> {
    const [sql, st] = this.statements.entries().next().value!;
    this.statements.delete(sql);
    await this.pg.execProtocol(concat([serialize.close({ type: 'S', name: st.name }), serialize.sync()]));
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

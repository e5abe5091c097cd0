/**
 * The thin SQL seam shared by both backends. Repositories take a `Queryable`, so the same
 * function runs inside or outside a transaction, on PGlite or on server Postgres.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: everything it wrote is rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded store's single-writer lock (store/lock.ts); absent for server Postgres and in memory. */
  readonly lock?: import('./lock.js').StoreLock;
  /**
   * LISTEN on a channel: `onPayload` gets each NOTIFY's payload, from this process or (on a server)
   * from any instance. Resolves to a function that stops listening. Delivery is best effort (a
   * dropped connection loses what was sent meanwhile), so callers keep the truth in a table.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** pgvector's text form; both backends accept it as a parameter cast with ::vector. */
export function toVectorLiteral(v: ArrayLike<number>): string {
  let s = '[';
  for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (v[i] as number).toFixed(6);
  return s + ']';
}

/**
 * Per-connection settings. Filtered HNSW scans stop at ef_search rows unless iterative scans
 * are on (pgvector ≥ 0.8); a larger ef_search keeps recall up at 50× the bundled corpus.
 * Both are ignored harmlessly before the vector extension is created (custom GUC prefix).
 */
export const SESSION_SETTINGS = "set hnsw.iterative_scan = 'relaxed_order'; set hnsw.ef_search = 100";

import type { Queryable } from '../../store/db.js';

/**
 * Document frequencies for BM25 scoring, read from Postgres (ts_stat over the tsvector column)
 * and cached per corpus version. The cache is derived data: any instance rebuilds it from the
 * database when chunks change, so several servers stay consistent.
 */
export interface TermStats {
  n: number;
  avgLen: number;
  df: Map<string, number>;
  version: string;
}

const cache = new WeakMap<Queryable, { stats?: TermStats; building?: Promise<TermStats> }>();

export async function termStats(db: Queryable): Promise<TermStats> {
  const v = (await db.query<{ v: string }>("select count(*)::text || ':' || coalesce(max(id), 0)::text as v from chunks")).rows[0]!.v;
  let entry = cache.get(db);
  if (!entry) cache.set(db, (entry = {}));
  if (entry.stats && entry.stats.version === v) return entry.stats;
  if (entry.building) return entry.building;
  const e = entry;
  e.building = (async () => {
    const words = await db.query<{ word: string; ndoc: number }>("select word, ndoc from ts_stat('select tsv from chunks')");
    const lens = await db.query<{ n: number; avg: number }>(
      "select count(*)::int as n, coalesce(avg(array_length(regexp_split_to_array(search_text, '[^a-z0-9]+'), 1)), 1)::float8 as avg from chunks",
    );
    const stats: TermStats = {
      n: lens.rows[0]!.n,
      avgLen: lens.rows[0]!.avg,
      df: new Map(words.rows.map((r) => [r.word, Number(r.ndoc)])),
      version: v,
    };
    e.stats = stats;
    return stats;
  })();
  try {
    return await e.building;
  } finally {
    e.building = undefined;
  }
}

export function idf(stats: TermStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  // BM25+ style floor keeps very common syllables slightly positive.
  return Math.max(0.05, Math.log(1 + (stats.n - df + 0.5) / (df + 0.5)));
}

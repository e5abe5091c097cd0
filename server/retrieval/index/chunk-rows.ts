import type { Queryable } from '../../../store/db.js';

/** What a hit shows of its chunk: the text and its place in the document. */
export interface HitRow {
  id: number;
  article: string | null;
  section: string[] | null;
  article_num: number | null;
  article_title: string | null;
  heading: string | null;
  clauses: string[];
  header: string;
  text: string;
}

/**
 * The hits' rows by chunk id, with the most recently shown kept in memory. A chunk row is never
 * changed in place (a re-parse or a new version inserts new rows with new ids), so a kept row is
 * the row; what is not kept is read by primary key in one statement. Members ask about the same
 * articles over and over, so most searches need no statement at all on the one embedded
 * connection. Bounded by text size, not by count: a few long articles must not hold the memory.
 */
const MAX_CHARS = 4_000_000;

class RowCache {
  private readonly rows = new Map<number, HitRow>();
  private chars = 0;

  get(id: number): HitRow | undefined {
    const r = this.rows.get(id);
    if (r) {
      // Most recently used last: Map keeps insertion order.
      this.rows.delete(id);
      this.rows.set(id, r);
    }
    return r;
  }

  set(r: HitRow): void {
    if (this.rows.has(r.id)) return;
    this.rows.set(r.id, r);
    this.chars += r.text.length + r.header.length;
    for (const [id, old] of this.rows) {
      if (this.chars <= MAX_CHARS) break;
      this.rows.delete(id);
      this.chars -= old.text.length + old.header.length;
    }
  }
}

const caches = new WeakMap<Queryable, RowCache>();

export async function hitRowsById(db: Queryable, ids: number[]): Promise<Map<number, HitRow>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new RowCache()));
  const out = new Map<number, HitRow>();
  const missing: number[] = [];
  for (const id of ids) {
    const r = cache.get(id);
    // Callers get arrays of their own: a kept row is shared by every later search.
    if (r) out.set(id, { ...r, clauses: [...r.clauses], section: r.section && [...r.section] });
    else missing.push(id);
  }
  if (!missing.length) return out;
  const rows = await db.query<HitRow>(
    `select id, article, section, article_num, article_title, heading, clauses, header, text from chunks where id = any($1::bigint[])`,
    [missing],
  );
  for (const row of rows.rows) {
    const r = { ...row, id: Number(row.id) };
    cache.set(r);
    out.set(r.id, { ...r, clauses: [...r.clauses], section: r.section && [...r.section] });
  }
  return out;
}

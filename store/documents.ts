import type { Queryable } from './db.js';

export interface DocumentRow {
  id: string;
  number: string | null;
  title: string;
  type: string;
  binding: boolean;
  issuer: string | null;
  issued: string | null;
  effective: string | null;
  status: 'in_force' | 'partial' | 'expired' | 'replaced';
  status_note: string | null;
  replaced_by: string | null;
  scope: string | null;
  topics: string[];
  excerpt: boolean;
  articles_present: string | null;
  missing: string | null;
  source: string | null;
  obtained: string | null;
  /** Period of application of a plan: "năm 2026", with its dates. */
  period: string | null;
  period_start: string | null;
  period_end: string | null;
  /** How the text was cut: by Điều, by its own numbering (parts, items) or by headings. */
  structure_scheme: 'legal' | 'numbered' | 'headings';
  origin: string;
  sha256: string;
  structure: unknown;
  article_count: number;
  chunk_count: number;
  created_at: string;
  updated_at: string;
}

export type NewDocument = Omit<DocumentRow, 'created_at' | 'updated_at' | 'period' | 'period_start' | 'period_end' | 'structure_scheme'> &
  Partial<Pick<DocumentRow, 'period' | 'period_start' | 'period_end' | 'structure_scheme'>> & {
    /** The chunker that cut its chunks (ingest/chunk/chunker.ts CHUNKER_VERSION). */
    chunker_version?: number;
  };

const COLUMNS = `id, number, title, type, binding, issuer, to_char(issued, 'YYYY-MM-DD') as issued,
  to_char(effective, 'YYYY-MM-DD') as effective, status, status_note, replaced_by, scope, topics, excerpt,
  articles_present, missing, source, obtained, origin, sha256, article_count, chunk_count,
  period, to_char(period_start, 'YYYY-MM-DD') as period_start, to_char(period_end, 'YYYY-MM-DD') as period_end, structure_scheme,
  created_at, updated_at`;

export async function insertDocument(q: Queryable, d: NewDocument): Promise<void> {
  await q.query(
    `insert into documents (id, number, title, type, binding, issuer, issued, effective, status, status_note,
       replaced_by, scope, topics, excerpt, articles_present, missing, source, obtained, origin, sha256,
       structure, article_count, chunk_count, period, period_start, period_end, structure_scheme, chunker_version)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28)`,
    [
      d.id,
      d.number,
      d.title,
      d.type,
      d.binding,
      d.issuer,
      d.issued,
      d.effective,
      d.status,
      d.status_note,
      d.replaced_by,
      d.scope,
      d.topics,
      d.excerpt,
      d.articles_present,
      d.missing,
      d.source,
      d.obtained,
      d.origin,
      d.sha256,
      JSON.stringify(d.structure),
      d.article_count,
      d.chunk_count,
      d.period ?? null,
      d.period_start ?? null,
      d.period_end ?? null,
      d.structure_scheme ?? 'legal',
      d.chunker_version ?? 0,
    ],
  );
}

/** The chunker version that cut a stored document's chunks (0: before versions were kept). */
export async function chunkerVersionOf(q: Queryable, id: string): Promise<number> {
  const r = await q.query<{ chunker_version: number }>('select chunker_version from documents where id = $1', [id]);
  return r.rows[0]?.chunker_version ?? 0;
}

/** Records that a document's chunks are current for this chunker version, when they were already the same. */
export async function setChunkerVersion(q: Queryable, id: string, version: number): Promise<void> {
  await q.query('update documents set chunker_version = $2 where id = $1', [id, version]);
}

export async function findDocumentBySha(q: Queryable, sha: string): Promise<DocumentRow | null> {
  const r = await q.query<DocumentRow>(`select ${COLUMNS} from documents where sha256 = $1`, [sha]);
  return r.rows[0] ?? null;
}

export async function findDocumentByNumber(q: Queryable, number: string): Promise<DocumentRow | null> {
  const r = await q.query<DocumentRow>(`select ${COLUMNS} from documents where lower(number) = lower($1)`, [number]);
  return r.rows[0] ?? null;
}

export async function getDocument(q: Queryable, id: string, withStructure = false): Promise<DocumentRow | null> {
  const r = await q.query<DocumentRow>(`select ${COLUMNS}${withStructure ? ', structure' : ''} from documents where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listDocuments(q: Queryable): Promise<DocumentRow[]> {
  const r = await q.query<DocumentRow>(`select ${COLUMNS} from documents order by binding desc, issued desc nulls last, title`);
  return r.rows;
}

/** After a re-parse: the outline and counts of the new chunks (metadata an official edited stays). */
export async function updateDocumentStructure(
  q: Queryable,
  id: string,
  v: { structure: unknown; articleCount: number; chunkCount: number; structureScheme: string | null; chunkerVersion: number },
): Promise<void> {
  await q.query(
    'update documents set structure = $2, article_count = $3, chunk_count = $4, structure_scheme = $5, chunker_version = $6, updated_at = now() where id = $1',
    [id, JSON.stringify(v.structure), v.articleCount, v.chunkCount, v.structureScheme, v.chunkerVersion],
  );
}

/** Marks a document expired (hết hiệu lực); returns the status it had, or null when there is no such document. */
export async function retireDocument(q: Queryable, id: string): Promise<string | null> {
  const old = (await q.query<{ status: string }>('select status from documents where id = $1 for update', [id])).rows[0];
  if (!old) return null;
  await q.query(`update documents set status = 'expired', updated_at = now() where id = $1`, [id]);
  return old.status;
}

/** The id of another document that has this số hiệu (case-insensitive), or null. */
export async function findNumberClash(q: Queryable, number: string, exceptId: string): Promise<string | null> {
  const r = await q.query<{ id: string }>('select id from documents where lower(number) = lower($1) and id <> $2', [number, exceptId]);
  return r.rows[0]?.id ?? null;
}

/** Sets the given columns (names from the caller's code, never from a request) and updated_at. */
export async function updateDocumentFields(q: Queryable, id: string, fields: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(fields);
  if (cols.some((c) => !/^[a-z_]+$/.test(c))) throw new Error('invalid column name');
  const sets = cols.map((c, i) => `${c} = $${i + 1}`);
  await q.query(`update documents set ${[...sets, 'updated_at = now()'].join(', ')} where id = $${cols.length + 1}`, [...cols.map((c) => fields[c]), id]);
}

export async function deleteDocument(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query<{ id: string }>('delete from documents where id = $1 returning id', [id]);
  return r.rows.length > 0;
}

export async function countDocuments(q: Queryable): Promise<{ documents: number; chunks: number }> {
  const r = await q.query<{ documents: number; chunks: number }>(
    'select (select count(*)::int from documents) as documents, (select count(*)::int from chunks) as chunks',
  );
  return r.rows[0]!;
}

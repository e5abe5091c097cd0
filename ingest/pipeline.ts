import type { Db, Queryable } from '../store/db.js';
import { deleteDocument, findDocumentByNumber, findDocumentBySha, insertDocument, setChunkerVersion, updateDocumentStructure } from '../store/documents.js';
import { deleteChunks, insertChunks } from '../store/chunks.js';
import { embeddingInput } from '../store/embeddings.js';
import { CHUNKER_VERSION, chunkStructure } from './chunk/chunker.js';
import type { Embedder } from './embed/embedder.js';
import { IngestError } from './errors.js';
import { documentId, documentName, isBinding, sha256 } from './names.js';
import { parseFile } from './parse/index.js';
import { extractMetadata } from './parse/metadata.js';
import { outline } from './structure/outline.js';
import { parseStructure } from './structure/legal.js';
import { foldedSyllables } from './text/vietnamese.js';
import { displayText } from './text/display.js';
import { detach } from './text/detach.js';
import { dropUnconfirmedContacts, findContacts, insertContacts } from './contacts.js';
import type { ChunkDraft, DocumentMeta, ParsedText, Structure } from './types.js';

export interface IngestInput {
  bytes: Uint8Array;
  /** Shown in messages only; never used as a path or to decide the format. */
  filename?: string;
  overrides?: DocumentMeta;
  origin?: 'corpus' | 'upload' | 'cli';
}

export interface IngestResult {
  status: 'added' | 'replaced' | 'skipped';
  documentId: string;
  number: string | null;
  title: string;
  articles: number;
  chunks: number;
  ms: number;
  replacedId?: string;
}

export interface Prepared {
  parsed: ParsedText;
  meta: DocumentMeta & { title: string; type: string };
  structure: Structure;
  chunks: ChunkDraft[];
  sha: string;
  id: string;
  name: string;
}

/** parse → structure → chunk, with no side effects: used for previews and by ingest. */
export async function prepareDocument(input: IngestInput): Promise<Prepared> {
  const parsed = await parseFile(input.bytes);
  const fromText = extractMetadata(parsed.text);
  const merged: DocumentMeta = { ...fromText, ...dropUndefined(parsed.meta), ...dropUndefined(input.overrides ?? {}) };
  // Names read from a file are shown everywhere: no bidi overrides or invisible characters in them.
  for (const k of ['title', 'number', 'issuer', 'type'] as const) if (merged[k]) merged[k] = displayText(merged[k]) || undefined;
  const title = merged.title ?? (displayText(input.filename?.replace(/\.[^.]+$/, '') ?? '') || 'Văn bản không tên');
  const type = merged.type ?? (merged.number && /QH\d+$/i.test(merged.number) ? 'Luật' : 'Văn bản');
  const meta = { ...merged, title, type };
  const structure = parseStructure(parsed.text);
  const name = documentName(meta);
  const chunks = chunkStructure(structure, { documentName: name });
  if (chunks.length === 0) {
    throw new IngestError('invalid:no_content', 'Không tìm thấy nội dung văn bản trong tệp.', 'no article or section found');
  }
  const sha = sha256(input.bytes);
  return { parsed, meta, structure, chunks, sha, id: documentId(meta, sha), name };
}

/**
 * Ingests one file atomically: embeddings are computed first (no transaction open while a
 * provider is called), then the document and all its chunks are written in one transaction.
 * The same bytes are skipped; a new version with the same số hiệu replaces the old one.
 * `inTx` runs inside that transaction (a caller's bookkeeping and audit entry commit with the
 * document); a skipped file opens no transaction and does not call it.
 */
export async function ingestDocument(
  db: Db,
  embedder: Embedder | null,
  input: IngestInput,
  inTx?: (tx: Queryable, r: { status: 'added' | 'replaced'; documentId: string; replacedId?: string; p: Prepared }) => Promise<void>,
): Promise<IngestResult> {
  const t0 = performance.now();
  // The same bytes again cost a hash and one lookup, not a parse (a 600-page PDF, OCR).
  const existing = await findDocumentBySha(db, sha256(input.bytes));
  if (existing) {
    return {
      status: 'skipped',
      documentId: existing.id,
      number: existing.number,
      title: existing.title,
      articles: existing.article_count,
      chunks: existing.chunk_count,
      ms: performance.now() - t0,
    };
  }
  const p = await prepareDocument(input);
  // No embedder: the vectors are made later (the server's background job); full-text finds it now.
  const vectors = embedder ? await embedChunks(embedder, p) : p.chunks.map(() => null);
  const articleCount = p.structure.articles.length;

  const replacedId = await db.transaction(async (tx) => {
    let replaced: string | undefined;
    if (p.meta.number) {
      const old = await findDocumentByNumber(tx, p.meta.number);
      if (old) {
        await deleteDocument(tx, old.id);
        replaced = old.id;
      }
    } else {
      // Same id without a number means the same title and hash prefix: already handled by sha.
      await deleteDocument(tx, p.id);
    }
    await insertDocument(tx, {
      id: p.id,
      number: p.meta.number ?? null,
      title: p.meta.title,
      type: p.meta.type,
      // A document without Điều (a plan, or a decision represented by the plan it issues) guides.
      binding: isBinding(p.meta) && p.structure.kind === 'legal',
      issuer: p.meta.issuer ?? null,
      issued: p.meta.issued ?? null,
      effective: p.meta.effective ?? null,
      status: p.meta.status ?? 'in_force',
      status_note: p.meta.statusNote ?? null,
      replaced_by: p.meta.replacedBy ?? null,
      scope: p.meta.scope ?? null,
      topics: p.meta.topics ?? [],
      excerpt: p.meta.excerpt ?? false,
      articles_present: p.meta.articlesPresent ?? null,
      missing: p.meta.missing ?? null,
      source: p.meta.source ?? null,
      obtained: p.meta.obtained ?? null,
      origin: input.origin ?? 'upload',
      sha256: p.sha,
      structure: outline(p.structure),
      article_count: articleCount,
      chunk_count: p.chunks.length,
      period: p.meta.period ?? null,
      period_start: p.meta.periodStart ?? null,
      period_end: p.meta.periodEnd ?? null,
      structure_scheme: structureScheme(p.structure),
      chunker_version: CHUNKER_VERSION,
    });
    await writeChunks(tx, p.id, p, vectors);
    await inTx?.(tx, { status: replaced ? 'replaced' : 'added', documentId: p.id, replacedId: replaced, p });
    return replaced;
  });

  await analyzeWhenStale(db);

  // A folder's results are kept until its last file: their số hiệu and title are cut from the
  // document's text and must not keep every document of the folder in memory with them.
  return {
    status: replacedId ? 'replaced' : 'added',
    documentId: p.id,
    number: p.meta.number ? detach(p.meta.number) : null,
    title: detach(p.meta.title),
    articles: articleCount,
    chunks: p.chunks.length,
    ms: performance.now() - t0,
    replacedId,
  };
}

/** A prepared document's vectors, computed before any transaction: a provider call must not hold PGlite's one connection. */
export function embedChunks(embedder: Embedder, p: Prepared): Promise<number[][]> {
  return embedder.embed(p.chunks.map((c) => embeddingInput(c.header, c.text)));
}

/** The tail of ingest, in the caller's transaction: a prepared document's chunks and the contact numbers found in them. */
export async function writeChunks(tx: Queryable, documentId: string, p: Prepared, vectors: (number[] | null)[]): Promise<void> {
  await insertChunks(
    tx,
    documentId,
    p.chunks.map((c, i) => ({
      ordinal: c.ordinal,
      path: c.path,
      article: c.article ?? null,
      articleNum: c.articleNum ?? null,
      articleTitle: c.articleTitle ?? null,
      heading: c.heading ?? null,
      section: c.section ?? null,
      clauses: c.clauses,
      points: c.points,
      part: c.part,
      header: c.header,
      text: c.text,
      searchText: searchText(c.header, c.text),
      embedding: vectors[i] ?? null,
    })),
  );
  await insertContacts(tx, documentId, findContacts(p.chunks));
}

/**
 * A stored document parsed again from its original with today's parser: its chunks, outline and
 * counts are replaced in one transaction (the document row, its metadata and its id stay);
 * contact numbers an official confirmed stay, unconfirmed ones not found again go. `inTx`
 * runs in the same transaction (the caller's audit entry). `embedder` null: the chunks are stored
 * without vectors, for the server's background job to make. `prepared`: the caller parsed it already.
 */
export async function reparseDocument(
  db: Db,
  embedder: Embedder | null,
  documentId: string,
  input: IngestInput,
  inTx?: (tx: Queryable, p: Prepared) => Promise<void>,
  prepared?: Prepared,
): Promise<Prepared> {
  const p = prepared ?? (await prepareDocument(input));
  const vectors = embedder ? await embedChunks(embedder, p) : p.chunks.map(() => null);
  await db.transaction(async (tx) => {
    await deleteChunks(tx, documentId);
    await updateDocumentStructure(tx, documentId, {
      structure: outline(p.structure),
      articleCount: p.structure.articles.length,
      chunkCount: p.chunks.length,
      structureScheme: structureScheme(p.structure),
      chunkerVersion: CHUNKER_VERSION,
    });
    await dropUnconfirmedContacts(tx, documentId);
    await writeChunks(tx, documentId, p, vectors);
    await inTx?.(tx, p);
  });
  return p;
}

/**
 * A stored document cut again by today's chunker (its chunker_version is older): when its chunks
 * come out the same, only the version is recorded, so its rows and vectors stay and nothing is
 * embedded again; otherwise they are replaced ('rebuilt'; the row, its id and its notes stay).
 * `inTx` runs in the rebuild's transaction (the caller's audit entry).
 */
export async function recutDocument(
  db: Db,
  embedder: Embedder | null,
  id: string,
  input: IngestInput,
  inTx?: (tx: Queryable, p: Prepared) => Promise<void>,
): Promise<'rebuilt' | 'unchanged'> {
  const p = await prepareDocument(input);
  const stored = await db.query<{
    header: string;
    text: string;
    article: string | null;
    part: number;
    clauses: string[];
    points: unknown;
    section: string[] | null;
  }>('select header, text, article, part, clauses, points, section from chunks where document_id = $1 order by ordinal', [id]);
  const key = (c: { header: string; text: string; article?: string | null; part: number; clauses: string[]; points: unknown; section?: string[] | null }) =>
    JSON.stringify([c.header, c.text, c.article ?? null, c.part, c.clauses, sortedKeys(c.points), c.section ?? null]);
  const same = stored.rows.length === p.chunks.length && stored.rows.every((r, i) => key(r) === key(p.chunks[i]!));
  if (same) {
    await setChunkerVersion(db, id, CHUNKER_VERSION);
    return 'unchanged';
  }
  await reparseDocument(db, embedder, id, input, inTx, p);
  return 'rebuilt';
}

/** jsonb hands back an object's keys in its own order: compare points by sorted keys. */
function sortedKeys(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * PGlite runs no autovacuum, so statistics are refreshed here, the way autovacuum would: when the
 * library has grown or shrunk by a fifth since the last ANALYZE (documents.chunk_count is the
 * cheap count). Analysing after every file made a 650-file ingest re-read the growing chunks
 * table 650 times.
 */
async function analyzeWhenStale(db: Db): Promise<void> {
  const r = await db.query<{ chunks: number; analyzed: number }>(
    `select (select coalesce(sum(chunk_count), 0)::float8 from documents) as chunks,
            (select reltuples::float8 from pg_class where oid = 'chunks'::regclass) as analyzed`,
  );
  const { chunks, analyzed } = r.rows[0]!;
  // reltuples is -1 before the first ANALYZE.
  if (analyzed >= 0 && Math.abs(chunks - analyzed) <= 50 + 0.2 * analyzed) return;
  // ANALYZE holds its whole sample in memory: 300 × the statistics target rows, at the default
  // (100) 30,000 chunks with their inline text and vector, which grew the embedded Postgres' WASM
  // memory by 65 MB for good at 58,000 chunks. A target of 10 samples 3,000 (+7 MB, 4× faster);
  // the queries filter chunks by id, document and article only, and their plans stayed the same
  // but for a hash or sorted GROUP BY over one document's rows.
  await db.transaction(async (tx) => {
    await tx.query('set local default_statistics_target = 10');
    await tx.query('analyze chunks');
  });
  await db.query('analyze documents');
}

/**
 * What the lexical index reads (chunks.search_text): header + text as diacritic-folded syllables ("ly hon" finds
 * "ly hôn"), followed by every pair of adjacent syllables written as one token ("lyhon"), so
 * that two-syllable words get their own document frequency in ts_stat and their own BM25 weight.
 */
export function searchText(header: string, text: string): string {
  const syl = foldedSyllables(`${header}\n${text}`);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < syl.length; i++) pairs.push(syl[i]! + syl[i + 1]!);
  return `${syl.join(' ')}\n${pairs.join(' ')}`;
}

/** 'legal', or how a document without Điều was cut: by its numbering or by headings. */
export function structureScheme(s: Structure): 'legal' | 'numbered' | 'headings' {
  return s.kind === 'legal' ? 'legal' : (s.scheme ?? 'numbered');
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

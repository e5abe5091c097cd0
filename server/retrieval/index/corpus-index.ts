import type { Queryable } from '../../../store/db.js';
import { foldedSyllables } from '../../../ingest/text/vietnamese.js';
import { PairReadingTable } from '../readings.js';
import { foldedTitle, titleAgeBracket } from '../rank/ages.js';
import { LexicalIndex, type ChunkTerms } from './lexical-index.js';
import { buildAssociations, type Associations } from '../assoc/index.js';
import { DIVISION_NUMBER, titleTwins } from '../rank/title-twins.js';

/**
 * Everything retrieval needs in memory for one corpus version: the lexical index, the documents'
 * filterable metadata, and the library's pair readings. Loaded from Postgres in pages so that a
 * large library never sits in memory as raw rows.
 */
export interface DocInfo {
  id: string;
  number: string | null;
  title: string;
  type: string;
  issued: string | null;
  status: 'in_force' | 'partial' | 'expired' | 'replaced';
  binding: boolean;
  topics: string[];
  /** What an answer citing a document without Điều says of it (server/answer/provincial.ts). */
  issuer: string | null;
  scope: string | null;
  period: string | null;
  periodEnd: string | null;
  /** When it took effect, and when it ceased (read from its status note: "hết hiệu lực từ 2025-12-15"). */
  effective: string | null;
  until: string | null;
  /** The số hiệu of the text that replaced it, as its header names it. */
  replacedBy: string | null;
}

/** How members ask about an article and what it means (article_notes), kept for the answerer. */
export interface ArticleNote {
  clause: string | null;
  point: string | null;
  kind: 'ask' | 'meaning';
  text: string;
}

/** A member phrasing of one of a document's articles. */
export interface DocumentAsk {
  article: string;
  clause: string | null;
  text: string;
}

export interface CorpusIndex {
  version: string;
  lexical: LexicalIndex;
  /**
   * Each way members ask about an article as its own short document: a question that closely
   * paraphrases one of them is strong evidence, which the article's long member field dilutes.
   */
  phrasings: LexicalIndex;
  /**
   * Article ordinals, so that scores can be joined per article without building string keys on
   * the request path: the lexical index's chunk → its article, a phrasing → its article (-1 when
   * the article has no chunk), and how many articles there are.
   */
  articleOfChunk: Int32Array;
  articleOfPhrasing: Int32Array;
  articleCount: number;
  /** Notes by `${documentId}\u0000${articleKey}`. */
  notes: Map<string, ArticleNote[]>;
  /** Each document's member phrasings (kind 'ask') in the order they were stored: suggested next questions. */
  asks: Map<string, DocumentAsk[]>;
  docs: Map<string, DocInfo>;
  readings: PairReadingTable;
  /** Meaning learned from the articles' texts and the member notes beside them (assoc/). */
  assoc: Associations;
  builtMs: number;
}

const PAGE = 2000;
// The readings describe the language of the laws, not each document: a bounded sample (the oldest
// chunks, so every instance reads the same ones) keeps the build short however large the library.
const READING_SAMPLE = 5000;

export async function readCorpusVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ v: string }>('select version::text as v from corpus_state where id = 1');
  return r.rows[0]?.v ?? '0';
}

export interface ChunkRow {
  id: number;
  document_id: string;
  article: string | null;
  section: string[] | null;
  /** Structural labels above the chunk: "Chương III NUÔI CON NUÔI CÓ YẾU TỐ NƯỚC NGOÀI", "Mục 2 …". */
  path?: string[] | null;
  article_title: string | null;
  heading: string | null;
  clauses: string[];
  search_text: string;
}

export interface NoteRow extends ArticleNote {
  document_id: string;
  article: string;
}

/**
 * The key that groups a document's chunks into one citable unit: an article, or a section of a
 * document without Điều by its path ("III.2" — two parts may each have an item "1. Mục đích").
 */
export function articleKey(c: { id: number; article: string | null; section?: string[] | null; heading: string | null }): string {
  return c.article ?? (c.section?.length ? c.section.join('.') : null) ?? c.heading ?? `#${c.id}`;
}

export function noteKey(documentId: string, articleKey: string): string {
  return `${documentId}\u0000${articleKey}`;
}

/** Folded syllables followed by every adjacent pair ("ly hon lyhon"), like chunks.search_text. */
export function fieldTerms(text: string): string[] {
  const syl = foldedSyllables(text);
  const out = syl.slice();
  for (let i = 0; i + 1 < syl.length; i++) out.push(syl[i]! + syl[i + 1]!);
  return out;
}

/**
 * The member phrasings (`ask` notes) in the order the phrasing index numbers them: article by
 * article in the notes' order. Whatever reads a phrasing by its number reads it through this.
 */
export function* phrasingsInOrder(notes: Map<string, ArticleNote[]>): Generator<{ documentId: string; articleKey: string; text: string }> {
  for (const [key, list] of notes) {
    const [documentId, articleKey] = key.split('\u0000') as [string, string];
    for (const n of list) if (n.kind === 'ask') yield { documentId, articleKey, text: n.text };
  }
}

/** What an index is built from: the rows as read from Postgres (plain data, can cross threads). */
export interface CorpusRows {
  version: string;
  docs: DocInfo[];
  notes: NoteRow[];
  chunks: ChunkRow[];
  /** Texts whose adjacent syllables make the library's pair readings. */
  readingTexts: string[];
  readMs: number;
}

// What an index is built from, column for column: readCorpusRows reads these and
// readCorpusFingerprint hashes the same, so the two can never describe different rows.
const DOC_COLUMNS = `id, number, title, type, to_char(issued, 'YYYY-MM-DD') as issued, status, binding, topics,
            issuer, scope, period, to_char(period_end, 'YYYY-MM-DD') as "periodEnd",
            to_char(effective, 'YYYY-MM-DD') as effective, replaced_by as "replacedBy",
            case when status in ('expired', 'replaced') then substring(status_note from 'd{4}-d{2}-d{2}') end as until`;
const NOTE_COLUMNS = 'document_id, article, clause, point, kind, text';
/** A chapter or section about a foreign element, by its title. */
function inForeignDivision(path: readonly string[] | null | undefined): boolean {
  return (path ?? []).some((label) => /nước ngoài/iu.test(label));
}

/**
 * The title of the lowest division an article stands in, without its number ("CHẾ ĐỘ THAI SẢN"),
 * when it names a topic: not general provisions, entry into force or implementation, nor a
 * foreign element, which rank/foreign.ts reads (assoc/index.ts, `placed`).
 */
function topicalDivision(path: readonly string[] | null | undefined): string {
  const label = path?.[path.length - 1];
  if (!label || /quy định chung|điều khoản thi hành|tổ chức thực hiện|nước ngoài/iu.test(label)) return '';
  return label.replace(DIVISION_NUMBER, '');
}

/** A section on divorce ("Mục 1 — LY HÔN" of the Law on Marriage and Family), by its title. */
function inDivorceDivision(path: readonly string[] | null | undefined): boolean {
  return (path ?? []).some((label) => /ly hôn/iu.test(label));
}

/** An article whose title lists acts the law names ("Hành vi bạo lực gia đình", "Các hành vi bị nghiêm cấm"): rank/counts-as.ts. */
function listsActs(title: string | null | undefined): boolean {
  return /^(các )?hành vi\b/iu.test((title ?? '').trim());
}

/** A part or chapter on inheritance ("Phần thứ tư — THỪA KẾ" of the Civil Code), by its title. */
function inInheritanceDivision(path: readonly string[] | null | undefined): boolean {
  return (path ?? []).some((label) => /thừa kế/iu.test(label));
}

/**
 * Each document's offences told twice, for every victim and for a child of an age (rank/ages.ts):
 * by document, the folded title of the offence for every victim → its child twin's age bracket.
 */
function ageTwins(chunks: readonly ChunkRow[]): Map<string, Map<string, readonly [number, number]>> {
  const twins = new Map<string, Map<string, readonly [number, number]>>();
  for (const c of chunks) {
    const b = titleAgeBracket(c.article_title);
    if (!b) continue;
    let own = twins.get(c.document_id);
    if (!own) twins.set(c.document_id, (own = new Map()));
    for (const t of b.twin) own.set(t, b.ages);
  }
  return twins;
}

/** A chunk's age fields: its own bracket, or its child twin's (rank/ages.ts). */
function agesOf(
  c: ChunkRow,
  twins: Map<string, Map<string, readonly [number, number]>>,
): { ages?: readonly [number, number]; twinAges?: readonly [number, number] } {
  const own = titleAgeBracket(c.article_title);
  if (own) return { ages: own.ages };
  const twin = twins.get(c.document_id)?.get(foldedTitle(c.article_title));
  return twin ? { twinAges: twin } : {};
}

const CHUNK_COLUMNS = 'id, document_id, article, section, path, article_title, heading, clauses, search_text';

export async function readCorpusRows(db: Queryable, version?: string): Promise<CorpusRows> {
  const t0 = performance.now();
  const v = version ?? (await readCorpusVersion(db));
  const docs = await db.query<DocInfo>(`select ${DOC_COLUMNS} from documents`);
  const notes = await db.query<NoteRow>(`select ${NOTE_COLUMNS} from article_notes order by id`);
  const chunks: ChunkRow[] = [];
  let after = 0;
  for (;;) {
    const page = await db.query<ChunkRow>(`select ${CHUNK_COLUMNS} from chunks where id > $1 order by id limit ${PAGE}`, [after]);
    for (const c of page.rows) chunks.push({ ...c, id: Number(c.id) });
    if (page.rows.length < PAGE) break;
    after = Number(page.rows[page.rows.length - 1]!.id);
  }
  const sample = await db.query<{ text: string }>(`select text from chunks order by id limit ${READING_SAMPLE}`);
  return { version: v, docs: docs.rows, notes: notes.rows, chunks, readingTexts: sample.rows.map((r) => r.text), readMs: performance.now() - t0 };
}

/** The corpus version, its size and a digest of every row readCorpusRows would read. */
export interface CorpusFingerprint {
  version: string;
  chunks: number;
  /** Null when the corpus has more chunks than the caller wanted digested. */
  digest: string | null;
}

/**
 * A digest of the rows an index is built from, computed by Postgres: deciding whether a kept
 * index (index/snapshot.ts) still fits needs no row in this process. Reading them all to hash
 * them left tens of MB of transient memory resident after a start that then used the snapshot.
 * Documents are hashed in id order (their read order does not change the index); notes and
 * chunks in the order they are read. Above `maxChunks` no digest is made (nobody would use it).
 */
export async function readCorpusFingerprint(db: Queryable, maxChunks = Number.POSITIVE_INFINITY): Promise<CorpusFingerprint> {
  const head = await db.query<{ version: string | null; chunks: number }>(
    `select (select version::text from corpus_state where id = 1) as version, (select count(*)::int from chunks) as chunks`,
  );
  const version = head.rows[0]?.version ?? '0';
  const chunks = Number(head.rows[0]?.chunks ?? 0);
  if (chunks > maxChunks) return { version, chunks, digest: null };
  const r = await db.query<{ digest: string }>(
    `select md5(concat_ws('/',
              (select string_agg(md5(d::text), '' order by d.id) from (select ${DOC_COLUMNS} from documents) d),
              (select string_agg(md5(n::text), '' order by n.id) from (select id, ${NOTE_COLUMNS} from article_notes) n),
              (select string_agg(md5(c::text), '' order by c.id) from (select ${CHUNK_COLUMNS} from chunks) c),
              (select string_agg(md5(s.text), '' order by s.id) from (select id, text from chunks order by id limit ${READING_SAMPLE}) s))) as digest`,
  );
  return { version, chunks, digest: r.rows[0]!.digest };
}

export async function loadCorpusIndex(db: Queryable, version?: string): Promise<CorpusIndex> {
  return buildCorpusIndex(await readCorpusRows(db, version));
}

/** The index from its rows: CPU only (index/build-worker.ts runs it off the event loop). */
export function buildCorpusIndex(rows: CorpusRows): CorpusIndex {
  const t0 = performance.now();
  const docs = new Map<string, DocInfo>();
  for (const d of rows.docs) docs.set(d.id, d);

  // Member notes by document and article; khoản notes go to the chunk that holds the khoản.
  const notes = new Map<string, ArticleNote[]>();
  const asks = new Map<string, DocumentAsk[]>();
  for (const n of rows.notes) {
    const key = noteKey(n.document_id, n.article);
    let list = notes.get(key);
    if (!list) notes.set(key, (list = []));
    list.push({ clause: n.clause, point: n.point, kind: n.kind, text: n.text });
    if (n.kind !== 'ask') continue;
    let own = asks.get(n.document_id);
    if (!own) asks.set(n.document_id, (own = []));
    own.push({ article: n.article, clause: n.clause, text: n.text });
  }

  const twins = ageTwins(rows.chunks);
  const keys = rows.chunks.map((c) => articleKey({ id: c.id, article: c.article, section: c.section, heading: c.heading }));
  const titleTwin = titleTwins(
    rows.chunks.map((c, i) => ({ documentId: c.document_id, articleKey: keys[i]!, title: c.article_title, path: c.path, text: c.search_text })),
  );
  const entries: ChunkTerms[] = rows.chunks.map((c, i) => {
    const key = keys[i]!;
    const twin = titleTwin[i];
    const own = (notes.get(noteKey(c.document_id, key)) ?? []).filter((n) => !n.clause || c.clauses.includes(n.clause));
    return {
      chunk: {
        id: c.id,
        documentId: c.document_id,
        articleKey: key,
        ...(inForeignDivision(c.path) ? { foreign: true as const } : {}),
        ...(inInheritanceDivision(c.path) ? { inheritance: true as const } : {}),
        ...(inDivorceDivision(c.path) ? { divorce: true as const } : {}),
        ...(listsActs(c.article_title) ? { acts: true as const } : {}),
        ...agesOf(c, twins),
        ...(twin ? { twin } : {}),
      },
      fields: {
        body: c.search_text.split(/[ \n]/).filter(Boolean),
        title: fieldTerms(`${c.article_title ?? ''} ${c.heading ?? ''}`),
        member: own.flatMap((n) => fieldTerms(n.text)),
      },
    };
  });
  const lexical = LexicalIndex.build(entries);
  const assoc = buildAssociations(
    entries,
    (d, k) => notes.get(noteKey(d, k)) ?? [],
    undefined,
    rows.chunks.map((c) => fieldTerms(topicalDivision(c.path))),
  );
  const phrasingEntries: ChunkTerms[] = [];
  for (const { documentId, articleKey, text } of phrasingsInOrder(notes)) {
    phrasingEntries.push({
      chunk: { id: phrasingEntries.length, documentId, articleKey },
      fields: { body: fieldTerms(text), title: [], member: [] },
    });
  }
  const phrasings = LexicalIndex.build(phrasingEntries);
  const ordinals = new Map<string, number>();
  const articleOfChunk = Int32Array.from(entries, (e) => {
    const key = noteKey(e.chunk.documentId, e.chunk.articleKey);
    let o = ordinals.get(key);
    if (o === undefined) ordinals.set(key, (o = ordinals.size));
    return o;
  });
  const articleOfPhrasing = Int32Array.from(phrasingEntries, (e) => ordinals.get(noteKey(e.chunk.documentId, e.chunk.articleKey)) ?? -1);

  const readings = new PairReadingTable();
  for (const text of rows.readingTexts) readings.addText(text);
  // Members' own phrasings attest everyday pairs the law never writes ("nghỉ đẻ", "bỏ nhau").
  for (const list of notes.values()) for (const n of list) readings.addText(n.text);

  const builtMs = rows.readMs + performance.now() - t0;
  return {
    version: rows.version,
    lexical,
    phrasings,
    articleOfChunk,
    articleOfPhrasing,
    articleCount: ordinals.size,
    notes,
    asks,
    docs,
    readings,
    assoc,
    builtMs,
  };
}

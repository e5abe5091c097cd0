import MiniSearch from 'minisearch';
import { fold, syllables } from '../ingest/text/vietnamese.js';
import type { Queryable } from '../store/db.js';

/**
 * The peer system: plain BM25 (MiniSearch) over exactly the chunks in the store (header + text),
 * with the same diacritic folding as our full-text side and syllable bigrams as extra tokens
 * (most Vietnamese words are two syllables). No vocabulary, no vectors, no status filter: it is
 * the baseline our hybrid retrieval has to beat.
 */

export interface PeerChunk {
  id: number;
  documentId: string;
  number: string | null;
  article: string | null;
  heading: string | null;
  header: string;
  text: string;
}

export interface PeerHit {
  documentId: string;
  law: string | null;
  article: string | null;
  chunkId: number;
  score: number;
}

/** Folded syllables plus adjacent-syllable bigrams ("ly", "hon", "ly_hon"). */
export function peerTokens(text: string): string[] {
  const s = syllables(fold(text));
  const out = [...s];
  for (let i = 0; i + 1 < s.length; i++) out.push(`${s[i]}_${s[i + 1]}`);
  return out;
}

export async function readPeerChunks(db: Queryable): Promise<PeerChunk[]> {
  const r = await db.query<{
    id: number;
    document_id: string;
    number: string | null;
    article: string | null;
    heading: string | null;
    header: string;
    text: string;
  }>(
    `select c.id, c.document_id, d.number, c.article, c.heading, c.header, c.text
       from chunks c join documents d on d.id = c.document_id order by c.id`,
  );
  return r.rows.map((c) => ({
    id: Number(c.id),
    documentId: c.document_id,
    number: c.number,
    article: c.article,
    heading: c.heading,
    header: c.header,
    text: c.text,
  }));
}

export class Bm25Peer {
  private readonly index: MiniSearch<{ id: number; content: string }>;
  private readonly chunks = new Map<number, PeerChunk>();

  constructor(chunks: PeerChunk[]) {
    this.index = new MiniSearch<{ id: number; content: string }>({
      fields: ['content'],
      tokenize: peerTokens,
      // Tokens are already folded and lower-case.
      processTerm: (t) => t,
      searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
    });
    for (const c of chunks) this.chunks.set(c.id, c);
    this.index.addAll(chunks.map((c) => ({ id: c.id, content: `${c.header}\n${c.text}` })));
  }

  get size(): number {
    return this.chunks.size;
  }

  /** Top k articles: chunks ranked by BM25, then grouped by (document, article) keeping the best. */
  search(query: string, k = 10): PeerHit[] {
    const out: PeerHit[] = [];
    const seen = new Set<string>();
    for (const r of this.index.search(query)) {
      const c = this.chunks.get(r.id as number)!;
      const key = `${c.number ?? c.documentId}#${c.article ?? c.heading ?? c.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ documentId: c.documentId, law: c.number, article: c.article, chunkId: c.id, score: r.score });
      if (out.length >= k) break;
    }
    return out;
  }
}

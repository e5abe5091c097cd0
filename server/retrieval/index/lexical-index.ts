/**
 * The in-memory lexical index: one entry per chunk, three fields scored together with BM25F
 * (Robertson, Zaragoza & Taylor 2004) — the article's body, its title, and the member field
 * (how members ask about the article and what it means for them, corpus/articles/*.tsv). Built
 * once per corpus version from Postgres, which stays the truth; scoring runs in JS with no I/O.
 *
 * Terms are folded syllables and adjacent-syllable pairs ("ly", "hon", "lyhon"), the same
 * tokens the query analysis produces, so "ly hon" and "ly hôn" score alike.
 */

export type Field = 'body' | 'title' | 'member';
export const FIELDS: readonly Field[] = ['body', 'title', 'member'];

export interface FieldParams {
  /** How much one occurrence in this field counts against one in the body. */
  weight: number;
  /** Length normalisation (BM25's b) for this field. */
  b: number;
}

export interface IndexParams {
  k1: number;
  fields: Record<Field, FieldParams>;
}

/** Measured on the dev set and checked on the blind set (README "How a question is read"). */
export const DEFAULT_PARAMS: IndexParams = {
  k1: 1.2,
  fields: {
    body: { weight: 1, b: 0.75 },
    title: { weight: 2, b: 0.3 },
    member: { weight: 1.5, b: 0.5 },
  },
};

/** What the index keeps of a chunk besides its terms: enough to filter and group without I/O. */
export interface IndexedChunk {
  id: number;
  documentId: string;
  /** Article key within the document ("81", or a section path for documents without Điều). */
  articleKey: string;
}

export interface ChunkTerms {
  chunk: IndexedChunk;
  fields: Record<Field, string[]>;
}

/** LexicalIndex.toParts(): what crosses a thread boundary (structured clone; the arrays transferred). */
export interface LexicalIndexParts {
  chunks: IndexedChunk[];
  lengths: Uint32Array;
  terms: string[];
  postingChunks: Int32Array[];
  postingTf: Uint16Array[];
}

interface Postings {
  chunks: Int32Array;
  /** Term frequency per field, interleaved: [body, title, member] for each posting. */
  tf: Uint16Array;
}

export interface ScoredChunk {
  index: number;
  score: number;
}

const NONE: ReadonlySet<string> = new Set();

export class LexicalIndex {
  readonly chunks: IndexedChunk[];
  readonly n: number;
  private readonly postings = new Map<string, Postings>();
  /** Field lengths, interleaved like the postings' tf. */
  private readonly lengths: Uint32Array;
  private readonly avgLength: Record<Field, number>;

  private constructor(chunks: IndexedChunk[], lengths: Uint32Array, postings: Map<string, Postings>) {
    this.chunks = chunks;
    this.n = chunks.length;
    this.lengths = lengths;
    this.postings = postings;
    const avg = { body: 0, title: 0, member: 0 } as Record<Field, number>;
    FIELDS.forEach((f, k) => {
      let sum = 0;
      for (let i = 0; i < this.n; i++) sum += lengths[i * 3 + k]!;
      avg[f] = this.n ? Math.max(1, sum / this.n) : 1;
    });
    this.avgLength = avg;
  }

  /** Builds the index from chunks given in any order; postings are kept in chunk order. */
  static build(entries: Iterable<ChunkTerms>): LexicalIndex {
    const chunks: IndexedChunk[] = [];
    const lens: number[] = [];
    // term → flat list [chunkIndex, tfBody, tfTitle, tfMember, …], converted to typed arrays once.
    const acc = new Map<string, number[]>();
    for (const e of entries) {
      const ci = chunks.length;
      chunks.push(e.chunk);
      const local = new Map<string, [number, number, number]>();
      FIELDS.forEach((f, k) => {
        const toks = e.fields[f];
        lens.push(toks.length);
        for (const t of toks) {
          let c = local.get(t);
          if (!c) local.set(t, (c = [0, 0, 0]));
          c[k] = c[k]! + 1;
        }
      });
      for (const [t, c] of local) {
        let list = acc.get(t);
        if (!list) acc.set(t, (list = []));
        list.push(ci, Math.min(c[0], 65535), Math.min(c[1], 65535), Math.min(c[2], 65535));
      }
    }
    const postings = new Map<string, Postings>();
    for (const [t, list] of acc) {
      const m = list.length / 4;
      const p: Postings = { chunks: new Int32Array(m), tf: new Uint16Array(m * 3) };
      for (let i = 0; i < m; i++) {
        p.chunks[i] = list[i * 4]!;
        p.tf[i * 3] = list[i * 4 + 1]!;
        p.tf[i * 3 + 1] = list[i * 4 + 2]!;
        p.tf[i * 3 + 2] = list[i * 4 + 3]!;
      }
      postings.set(t, p);
    }
    return new LexicalIndex(chunks, Uint32Array.from(lens), postings);
  }

  /** The index as plain data and typed arrays, to hand to another thread (transfer the arrays). */
  toParts(): LexicalIndexParts {
    const terms: string[] = [];
    const chunks: Int32Array[] = [];
    const tf: Uint16Array[] = [];
    for (const [t, p] of this.postings) {
      terms.push(t);
      chunks.push(p.chunks);
      tf.push(p.tf);
    }
    return { chunks: this.chunks, lengths: this.lengths, terms, postingChunks: chunks, postingTf: tf };
  }

  static fromParts(parts: LexicalIndexParts): LexicalIndex {
    const postings = new Map<string, Postings>();
    parts.terms.forEach((t, i) => postings.set(t, { chunks: parts.postingChunks[i]!, tf: parts.postingTf[i]! }));
    return new LexicalIndex(parts.chunks, parts.lengths, postings);
  }

  /** Number of chunks containing the term in any field. */
  df(term: string): number {
    return this.postings.get(term)?.chunks.length ?? 0;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** BM25's IDF, floored so very common syllables stay slightly positive. */
  idf(term: string): number {
    const df = this.df(term);
    return Math.max(0.05, Math.log(1 + (this.n - df + 0.5) / (df + 0.5)));
  }

  /** Whether chunk `index` contains `term` in one of `fields` (binary search in the postings). */
  contains(index: number, term: string, fields: readonly Field[] = FIELDS): boolean {
    const tf = this.frequencies(index, term);
    return tf !== null && fields.some((f) => tf[FIELDS.indexOf(f)]! > 0);
  }

  /** The term's frequency in each field of chunk `index` ([body, title, member]), null if absent. */
  frequencies(index: number, term: string): [number, number, number] | null {
    const p = this.postings.get(term);
    if (!p) return null;
    let lo = 0;
    let hi = p.chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = p.chunks[mid]!;
      if (v === index) return [p.tf[mid * 3]!, p.tf[mid * 3 + 1]!, p.tf[mid * 3 + 2]!];
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** A field's length in terms for chunk `index`, and the field's average over the index. */
  fieldLength(index: number, field: Field): { length: number; average: number } {
    return { length: this.lengths[index * 3 + FIELDS.indexOf(field)]!, average: this.avgLength[field] };
  }

  /**
   * BM25F: per term, the field frequencies are length-normalised, weighted and summed before
   * saturation, so a word found in the title and the body is not counted as two words.
   * `weights` is the query's own weight per term (its words 1, pairs more, expansions less).
   * `accept` filters chunks (document status, type…) before they are ranked.
   */
  score(weights: Map<string, number>, accept: (chunk: IndexedChunk) => boolean, params: IndexParams = DEFAULT_PARAMS): ScoredChunk[] {
    return this.scoreUnordered(weights, accept, params).sort((a, b) => b.score - a.score);
  }

  /**
   * As score(), in no particular order: for callers that rescore every candidate and sort once.
   * `weak` terms add to a chunk's score but never make it a candidate alone.
   */
  scoreUnordered(
    weights: Map<string, number>,
    accept: (chunk: IndexedChunk) => boolean,
    params: IndexParams = DEFAULT_PARAMS,
    weak: ReadonlySet<string> = NONE,
  ): ScoredChunk[] {
    const strong = weak.size ? new Uint8Array(this.n) : null;
    const acc = new Float64Array(this.n);
    const touched: number[] = [];
    const fw = FIELDS.map((f) => params.fields[f].weight);
    const fb = FIELDS.map((f) => params.fields[f].b);
    const avg = FIELDS.map((f) => this.avgLength[f]);
    const k1 = params.k1;
    for (const [term, w] of weights) {
      const p = this.postings.get(term);
      if (!p || w <= 0) continue;
      const idf = this.idf(term);
      for (let i = 0; i < p.chunks.length; i++) {
        const ci = p.chunks[i]!;
        let tf = 0;
        for (let k = 0; k < 3; k++) {
          const f = p.tf[i * 3 + k]!;
          if (f) tf += (fw[k]! * f) / (1 - fb[k]! + (fb[k]! * this.lengths[ci * 3 + k]!) / avg[k]!);
        }
        if (tf <= 0) continue;
        if (acc[ci] === 0) touched.push(ci);
        if (strong && !weak.has(term)) strong[ci] = 1;
        acc[ci] = acc[ci]! + w * idf * (tf / (k1 + tf));
      }
    }
    const out: ScoredChunk[] = [];
    for (const ci of touched) if ((!strong || strong[ci]) && accept(this.chunks[ci]!)) out.push({ index: ci, score: acc[ci]! });
    return out;
  }
}

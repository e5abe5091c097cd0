/**
 * The in-memory lexical index: one entry per chunk, three fields scored together with BM25F
 * (Robertson, Zaragoza & Taylor 2004) — the article's body, its title, and the member field
 * (how members ask about the article and what it means for them, corpus/articles/*.tsv). Built
 * once per corpus version from Postgres, which stays the truth; scoring runs in JS with no I/O.
 *
 * Terms are folded syllables and adjacent-syllable pairs ("ly", "hon", "lyhon"), the same
 * tokens the query analysis produces, so "ly hon" and "ly hôn" score alike.
 */

import { Saturation } from './saturation.js';
import { kthLargest } from './select.js';

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

/** Which documents a search may return (status, type, topics…): asked once per document, not per chunk. */
export type DocumentFilter = (documentId: string) => boolean;

/**
 * Working memory of one search, kept by the index between searches (a search is synchronous, so
 * one set serves them all): allocating arrays the size of the library, and an object per chunk
 * reached, was most of a large library's search time.
 */
interface Scratch {
  /** Score by chunk; 0 for a chunk no term reached. */
  acc: Float64Array;
  /** The chunks reached, in the order first reached. */
  order: Int32Array;
  /** 1 for a chunk reached by a term that may make a candidate (not only by weak ones). */
  strong: Uint8Array;
  /** Scores copied for selection, which reorders them. */
  selection: Float64Array;
  /** 1 for a chunk to be scored exactly, and those chunks listed. */
  only: Uint8Array;
  marked: Int32Array;
}

interface GroupScratch {
  near: Float64Array;
  seen: Int32Array;
  want: Uint8Array;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * How far an approximate score (single-precision impacts, relative error below 2⁻²⁴ each) may be
 * from the exact one, relative, with a wide margin: a chunk is scored exactly when its
 * approximate score is within this of the cut.
 */
const APPROXIMATION = 1e-6;

export class LexicalIndex {
  readonly chunks: IndexedChunk[];
  readonly n: number;
  private readonly postings = new Map<string, Postings>();
  /** Field lengths, interleaved like the postings' tf. */
  private readonly lengths: Uint32Array;
  private readonly avgLength: Record<Field, number>;
  /** Each chunk's document as an ordinal into `documentIds`, so that a filter is asked once per document. */
  private readonly documentOf: Int32Array;
  private readonly documentIds: string[] = [];
  /** BM25F's arithmetic per parameter set (saturation.ts). */
  private readonly kernels = new WeakMap<IndexParams, Saturation>();
  /** Per parameter set: the single-precision impacts of the terms searched so far. */
  private readonly impactCache = new WeakMap<IndexParams, Map<string, Float32Array>>();
  private readonly groupScratch = new WeakMap<Int32Array, GroupScratch>();
  private stamp = 0;
  private scratch: Scratch | null = null;

  private constructor(chunks: IndexedChunk[], lengths: Uint32Array, postings: Map<string, Postings>) {
    this.chunks = chunks;
    this.n = chunks.length;
    this.lengths = lengths;
    this.postings = postings;
    const ordinals = new Map<string, number>();
    this.documentOf = Int32Array.from(chunks, (c) => {
      let o = ordinals.get(c.documentId);
      if (o === undefined) {
        ordinals.set(c.documentId, (o = ordinals.size));
        this.documentIds.push(c.documentId);
      }
      return o;
    });
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
   * As score(), in no particular order (the order chunks are first reached): for callers that
   * rescore every candidate and sort once. `weak` terms add to a chunk's score but never make it
   * a candidate alone.
   */
  scoreUnordered(
    weights: Map<string, number>,
    accept: (chunk: IndexedChunk) => boolean,
    params: IndexParams = DEFAULT_PARAMS,
    weak: ReadonlySet<string> = NONE,
  ): ScoredChunk[] {
    const reached = this.accumulate(weights, params, weak, null);
    const { acc, order, strong } = this.work();
    try {
      const out: ScoredChunk[] = [];
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        if (strong[ci] && accept(this.chunks[ci]!)) out.push({ index: ci, score: acc[ci]! });
      }
      return out;
    } finally {
      this.release(reached);
    }
  }

  /**
   * scoreUnordered() kept to the `limit` best scores (every chunk tied with the last one kept
   * too), in the same order and with the same scores, for a filter on whole documents. In a large
   * library a common word reaches most chunks: a first pass ranks them on single-precision
   * impacts (no division per posting), and only the chunks that pass can be within the limit are
   * scored exactly and become objects.
   */
  strongest(
    weights: Map<string, number>,
    accept: DocumentFilter,
    limit: number,
    params: IndexParams = DEFAULT_PARAMS,
    weak: ReadonlySet<string> = NONE,
  ): ScoredChunk[] {
    const allowed = this.allowedDocuments(accept);
    const { acc, order, strong, selection, only } = this.work();
    const eligible = (ci: number) => strong[ci] === 1 && allowed[this.documentOf[ci]!] === 1;
    // A library no larger than the limit keeps every chunk reached: no first pass.
    const marked = this.n > limit ? this.markStrongest(weights, allowed, limit, params, weak) : -1;
    const reached = this.accumulate(weights, params, weak, marked >= 0 ? only : null);
    try {
      let m = 0;
      for (let i = 0; i < reached; i++) if (eligible(order[i]!)) selection[m++] = acc[order[i]!]!;
      const border = m > limit ? kthLargest(selection.subarray(0, m), limit) : -Infinity;
      const out: ScoredChunk[] = [];
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        if (acc[ci]! >= border && eligible(ci)) out.push({ index: ci, score: acc[ci]! });
      }
      return out;
    } finally {
      this.release(reached);
      this.unmark(marked);
    }
  }

  /**
   * Marks (in the working `only`) every chunk whose exact score may be among the `limit` best
   * eligible ones, from approximate scores; returns how many (listed first in `marked`).
   */
  private markStrongest(weights: Map<string, number>, allowed: Uint8Array, limit: number, params: IndexParams, weak: ReadonlySet<string>): number {
    const { reached, top } = this.approximate(weights, params, weak);
    const { acc, order, strong, only, marked } = this.work();
    const documentOf = this.documentOf;
    let cleared = false;
    try {
      const border = histogramBorder(acc, order, reached, top, limit, (ci) => strong[ci] === 1 && allowed[documentOf[ci]!] === 1);
      const cut = border * (1 - APPROXIMATION);
      let count = 0;
      // Marks and clears the approximate scores in one pass.
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        const keep = acc[ci]! >= cut && strong[ci] === 1 && allowed[documentOf[ci]!] === 1;
        acc[ci] = 0;
        strong[ci] = 0;
        if (keep) {
          only[ci] = 1;
          marked[count++] = ci;
        }
      }
      cleared = true;
      return count;
    } finally {
      if (!cleared) this.release(reached);
    }
  }

  /**
   * For chunks grouped by `groupOf` (chunk → group, −1 for none; a phrasing's article): the best
   * score among the accepted chunks of each group in `wanted`, and the best among all grouped
   * accepted chunks, as scoreUnordered() scores them. Ranked first on approximate scores; only
   * the chunks that may be a wanted group's best or the best of all are scored exactly.
   */
  bestPerGroup(
    weights: Map<string, number>,
    accept: DocumentFilter,
    groupOf: Int32Array,
    wanted: Iterable<number>,
    params: IndexParams = DEFAULT_PARAMS,
  ): { best: Map<number, number>; top: number } {
    const allowed = this.allowedDocuments(accept);
    const documentOf = this.documentOf;
    const { near, seen, want } = this.groupWork(groupOf);
    const { acc, order, strong, only, marked } = this.work();
    for (const g of wanted) want[g] = 1;
    // `near` holds this search's values only where `seen` carries its stamp: nothing to clear after.
    const stamp = this.nextStamp(seen);
    let count = 0;
    const first = this.approximate(weights, params, NONE);
    let reached = first.reached;
    let cleared = false;
    try {
      let top = 0;
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        const g = groupOf[ci]!;
        if (g < 0 || allowed[documentOf[ci]!] === 0) continue;
        const v = acc[ci]!;
        if (seen[g] !== stamp) {
          seen[g] = stamp;
          near[g] = v;
        } else if (v > near[g]!) near[g] = v;
        if (v > top) top = v;
      }
      const keep = 1 - APPROXIMATION;
      const high = top * keep;
      // Marks and clears the approximate scores in one pass.
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        const g = groupOf[ci]!;
        const v = acc[ci]!;
        acc[ci] = 0;
        strong[ci] = 0;
        if (g >= 0 && (v >= high || (want[g] === 1 && v >= near[g]! * keep)) && allowed[documentOf[ci]!] === 1) {
          only[ci] = 1;
          marked[count++] = ci;
        }
      }
      cleared = true;
    } finally {
      if (!cleared) this.release(reached);
    }
    const best = new Map<number, number>();
    let top = 0;
    reached = this.accumulate(weights, params, NONE, only);
    try {
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        const v = acc[ci]!;
        const g = groupOf[ci]!;
        if (want[g] && v > (best.get(g) ?? 0)) best.set(g, v);
        if (v > top) top = v;
      }
    } finally {
      this.release(reached);
      this.unmark(count);
      for (const g of wanted) want[g] = 0;
    }
    return { best, top };
  }

  /** 1 for each document (by ordinal) the filter accepts. */
  private allowedDocuments(accept: DocumentFilter): Uint8Array {
    const allowed = new Uint8Array(this.documentIds.length);
    for (let d = 0; d < allowed.length; d++) allowed[d] = accept(this.documentIds[d]!) ? 1 : 0;
    return allowed;
  }

  /** Per-group working memory for a grouping: each group's best approximate score, valid where stamped, and which are wanted. */
  private groupWork(groupOf: Int32Array): GroupScratch {
    let w = this.groupScratch.get(groupOf);
    if (!w) {
      let count = 0;
      for (const g of groupOf) if (g + 1 > count) count = g + 1;
      w = { near: new Float64Array(count), seen: new Int32Array(count), want: new Uint8Array(count) };
      this.groupScratch.set(groupOf, w);
    }
    return w;
  }

  /** A stamp no entry of `seen` carries yet. */
  private nextStamp(seen: Int32Array): number {
    if (this.stamp === 0x7fffffff) {
      seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** BM25F's arithmetic for a parameter set (saturation.ts), built once per index. */
  private saturationFor(params: IndexParams): Saturation {
    let sat = this.kernels.get(params);
    if (!sat) {
      sat = new Saturation(this.lengths, [this.avgLength.body, this.avgLength.title, this.avgLength.member], params);
      this.kernels.set(params, sat);
    }
    return sat;
  }

  /** A term's saturated frequencies in single precision, computed on first use per parameter set. */
  private impacts(term: string, p: Postings, params: IndexParams): Float32Array {
    let known = this.impactCache.get(params);
    if (!known) this.impactCache.set(params, (known = new Map()));
    let impacts = known.get(term);
    if (!impacts) known.set(term, (impacts = this.saturationFor(params).all(p.chunks, p.tf)));
    return impacts;
  }

  private work(): Scratch {
    this.scratch ??= {
      acc: new Float64Array(this.n),
      order: new Int32Array(this.n),
      strong: new Uint8Array(this.n),
      selection: new Float64Array(this.n),
      only: new Uint8Array(this.n),
      marked: new Int32Array(this.n),
    };
    return this.scratch;
  }

  /**
   * Scores every chunk a term of `weights` reaches (of those marked in `only`, if given) into the
   * working arrays, exactly, terms in the query's order; returns how many were reached (listed
   * first in `order`). The caller reads them, then calls release().
   */
  private accumulate(weights: Map<string, number>, params: IndexParams, weak: ReadonlySet<string>, only: Uint8Array | null): number {
    const { acc, order, strong } = this.work();
    const sat = this.saturationFor(params);
    let reached = 0;
    for (const [term, w] of weights) {
      const p = this.postings.get(term);
      if (!p || w <= 0) continue;
      const wIdf = w * this.idf(term);
      const makes = weak.has(term) ? 0 : 1;
      const { chunks, tf } = p;
      for (let i = 0; i < chunks.length; i++) {
        const ci = chunks[i]!;
        if (only !== null && only[ci] === 0) continue;
        const c = sat.at(tf, i, ci);
        if (c <= 0) continue;
        if (acc[ci] === 0) order[reached++] = ci;
        strong[ci] = strong[ci]! | makes;
        acc[ci] = acc[ci]! + wIdf * c;
      }
    }
    return reached;
  }

  /**
   * As accumulate() over every chunk, on the single-precision impacts (within APPROXIMATION of the
   * exact scores); also returns the highest score reached.
   */
  private approximate(weights: Map<string, number>, params: IndexParams, weak: ReadonlySet<string>): { reached: number; top: number } {
    const { acc, order, strong } = this.work();
    let reached = 0;
    let top = 0;
    for (const [term, w] of weights) {
      const p = this.postings.get(term);
      if (!p || w <= 0) continue;
      const wIdf = w * this.idf(term);
      const makes = weak.has(term) ? 0 : 1;
      const chunks = p.chunks;
      const impacts = this.impacts(term, p, params);
      for (let i = 0; i < chunks.length; i++) {
        const ci = chunks[i]!;
        const c = impacts[i]!;
        if (c <= 0) continue;
        if (acc[ci] === 0) order[reached++] = ci;
        strong[ci] = strong[ci]! | makes;
        const v = acc[ci]! + wIdf * c;
        acc[ci] = v;
        if (v > top) top = v;
      }
    }
    return { reached, top };
  }

  /** Clears what accumulate() or approximate() left for the next search. */
  private release(reached: number): void {
    const { acc, order, strong } = this.work();
    for (let i = 0; i < reached; i++) {
      const ci = order[i]!;
      acc[ci] = 0;
      strong[ci] = 0;
    }
  }

  /** Clears the first `count` marks listed in `marked` (none when count < 0). */
  private unmark(count: number): void {
    const { only, marked } = this.work();
    for (let i = 0; i < count; i++) only[marked[i]!] = 0;
  }
}

const BUCKETS = 1024;
const counts = new Int32Array(BUCKETS);

/**
 * A value at or below the `limit`-th largest score among the chunks `eligible` of those reached
 * (`top` the largest): the lower edge of the histogram bucket where the count from the top
 * reaches the limit. Cheaper than selecting the exact value; at most one bucket more is kept.
 */
function histogramBorder(acc: Float64Array, order: Int32Array, reached: number, top: number, limit: number, eligible: (ci: number) => boolean): number {
  if (top <= 0) return 0;
  counts.fill(0);
  const scale = (BUCKETS - 1) / top;
  for (let i = 0; i < reached; i++) {
    const ci = order[i]!;
    if (eligible(ci)) counts[Math.floor(acc[ci]! * scale)]!++;
  }
  let seen = 0;
  for (let b = BUCKETS - 1; b >= 0; b--) {
    seen += counts[b]!;
    // Bucket b holds scores from b / scale (inclusive); a float's floor may land one bucket low.
    if (seen >= limit) return Math.max(0, (b - 1) / scale);
  }
  return 0;
}

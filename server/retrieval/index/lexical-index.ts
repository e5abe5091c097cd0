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
import { keepFrom, kthLargest } from './select.js';
import type { TitleTwin } from '../rank/title-twins.js';

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

/** Measured on the dev set and checked on the blind set (docs/history/ranking.md, "Ranking" and "Asked what happens to him"). */
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
  /**
   * In a chapter or section whose title says it is about a foreign element ("NUÔI CON NUÔI CÓ YẾU
   * TỐ NƯỚC NGOÀI"): its articles' own titles often do not ("Hồ sơ của người nhận con nuôi").
   */
  foreign?: true;
  /** In a part or chapter on inheritance ("THỪA KẾ"): lowered when she names no death (rank/inheritance.ts). */
  inheritance?: true;
  /** In a section on divorce ("LY HÔN"): a rule for another case when she names no divorce (answer/plain/divorce.ts). */
  divorce?: true;
  /** Its article's title lists acts the law names ("Hành vi bạo lực gia đình"): rank/counts-as.ts. */
  acts?: true;
  /** An offence for a child: the age bracket [from, below) in years its title states ("… người dưới 16 tuổi"): rank/ages.ts. */
  ages?: readonly [number, number];
  /** The same offence for every victim ("Tội hiếp dâm"): its child twin's bracket (rank/ages.ts). */
  twinAges?: readonly [number, number];
  /** Its article shares its title with another of the document's, in another regime's chapter (rank/title-twins.ts). */
  twin?: TitleTwin;
}

export interface ChunkTerms {
  chunk: IndexedChunk;
  fields: Record<Field, string[]>;
}

/** LexicalIndex.toParts(): what crosses a thread boundary (structured clone; the arrays transferred). */
export interface LexicalIndexParts {
  chunks: IndexedChunk[];
  lengths: Uint32Array;
  /** Term i's postings are positions offsets[i] … offsets[i + 1] − 1 of the two arrays below. */
  terms: string[];
  offsets: Int32Array;
  postingChunks: Int32Array;
  postingTf: Uint16Array;
}

/** One term's postings: views into the index's packed arrays. */
interface Postings {
  chunks: Int32Array;
  /** Term frequency per field, interleaved: [body, title, member] for each posting. */
  tf: Uint16Array;
}

export interface ScoredChunk {
  index: number;
  score: number;
}

/**
 * Which documents a search may return (status, type, topics…): asked once per document, not per
 * chunk, and answered the same for as long as the index lives (its answers are kept by filter).
 */
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
  /** 1 for a chunk reached by a term that may make a candidate (not only by weak ones); kept only when the query has weak terms. */
  strong: Uint8Array;
}

/** strongest()'s kept chunks: their scores and ordinals in the order first reached, and a copy of the scores to select in. */
interface Kept {
  scores: Float64Array;
  chunks: Int32Array;
  select: Float64Array;
}

/**
 * How many chunks strongest() keeps, as a multiple of its limit, before it raises its floor: a
 * larger room raises it less often but selects among more each time.
 */
const KEPT_ROOM = 4;

const NONE: ReadonlySet<string> = new Set();

/** A deferred term (strongest()): its weight times IDF, and its impact by chunk (0 where absent). */
interface DeferredTerm {
  wIdf: number;
  dense: Float64Array;
}
const NO_TERMS: readonly DeferredTerm[] = [];

/** The question's other terms, its deferred ones in its order, and the most those can add to a score. */
interface Deferred {
  light: Map<string, number>;
  terms: DeferredTerm[];
  bound: number;
}

/**
 * A term in more than this share of a library larger than strongest()'s limit is deferred. At a
 * quarter its impacts by chunk (8 bytes a chunk) take at most 2.7 times its postings' 12 bytes.
 * Weak terms (hybrid.ts) are in more than 30 % of the library, so they are always among them.
 */
const DEFERRED_SHARE = 0.25;

/**
 * How many postings' impacts an index keeps between searches (8 bytes each): the bundled library
 * has about 330,000 postings in all; a library fifty times larger keeps those of its most searched
 * terms.
 */
const IMPACT_CACHE = 4_000_000;

export class LexicalIndex {
  readonly chunks: IndexedChunk[];
  readonly n: number;
  /**
   * Every term's postings packed into two arrays (chunk ordinals; tf per field, interleaved) with
   * each term's start in `offsets`: a library has tens of thousands of terms, and a pair of typed
   * arrays per term cost more memory in objects and buffers than the postings themselves.
   */
  private readonly termIds: Map<string, number>;
  private readonly offsets: Int32Array;
  private readonly postingChunks: Int32Array;
  private readonly postingTf: Uint16Array;
  /** Field lengths, interleaved like the postings' tf. */
  private readonly lengths: Uint32Array;
  private readonly avgLength: Record<Field, number>;
  /** Each chunk's document as an ordinal into `documentIds`, so that a filter is asked once per document. */
  private readonly documentOf: Int32Array;
  private readonly documentIds: string[] = [];
  /** BM25F's arithmetic per parameter set (saturation.ts). */
  private readonly kernels = new WeakMap<IndexParams, Saturation>();
  /** Per parameter set: the impacts of the terms searched lately (impacts()). */
  private readonly impactCache = new WeakMap<IndexParams, { terms: Map<string, Float64Array>; postings: number }>();
  /** Per parameter set: the deferred terms' impacts by chunk and their largest, the most recently used last. */
  private readonly denseCache = new WeakMap<IndexParams, Map<string, { dense: Float64Array; max: number }>>();
  private readonly groupScratch = new WeakMap<Int32Array, { want: Uint8Array; best: Float64Array }>();
  private readonly allowedBy = new WeakMap<DocumentFilter, Uint8Array>();
  private scratch: Scratch | null = null;
  private kept: Kept | null = null;

  private constructor(chunks: IndexedChunk[], lengths: Uint32Array, terms: string[], offsets: Int32Array, postingChunks: Int32Array, postingTf: Uint16Array) {
    this.chunks = chunks;
    this.n = chunks.length;
    this.lengths = lengths;
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    this.offsets = offsets;
    this.postingChunks = postingChunks;
    this.postingTf = postingTf;
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
    let total = 0;
    for (const list of acc.values()) total += list.length / 4;
    const terms: string[] = [];
    const offsets = new Int32Array(acc.size + 1);
    const postingChunks = new Int32Array(total);
    const postingTf = new Uint16Array(total * 3);
    let at = 0;
    for (const [t, list] of acc) {
      offsets[terms.length] = at;
      terms.push(t);
      for (let i = 0; i < list.length; i += 4, at++) {
        postingChunks[at] = list[i]!;
        postingTf[at * 3] = list[i + 1]!;
        postingTf[at * 3 + 1] = list[i + 2]!;
        postingTf[at * 3 + 2] = list[i + 3]!;
      }
    }
    offsets[terms.length] = at;
    return new LexicalIndex(chunks, Uint32Array.from(lens), terms, offsets, postingChunks, postingTf);
  }

  /** The index as plain data and typed arrays, to hand to another thread (transfer the arrays). */
  toParts(): LexicalIndexParts {
    return {
      chunks: this.chunks,
      lengths: this.lengths,
      terms: [...this.termIds.keys()],
      offsets: this.offsets,
      postingChunks: this.postingChunks,
      postingTf: this.postingTf,
    };
  }

  static fromParts(p: LexicalIndexParts): LexicalIndex {
    return new LexicalIndex(p.chunks, p.lengths, p.terms, p.offsets, p.postingChunks, p.postingTf);
  }

  /** Number of chunks containing the term in any field. */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** The term's postings as views into the packed arrays (no copy). */
  private postingsOf(term: string): Postings | undefined {
    const id = this.termIds.get(term);
    if (id === undefined) return undefined;
    const from = this.offsets[id]!;
    const to = this.offsets[id + 1]!;
    return { chunks: this.postingChunks.subarray(from, to), tf: this.postingTf.subarray(from * 3, to * 3) };
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
    const p = this.postingsOf(term);
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
    const reached = this.accumulate(weights, params, weak);
    const { acc, order, strong } = this.work();
    try {
      const out: ScoredChunk[] = [];
      for (let i = 0; i < reached; i++) {
        const ci = order[i]!;
        if ((weak.size === 0 || strong[ci] === 1) && accept(this.chunks[ci]!)) out.push({ index: ci, score: acc[ci]! });
      }
      return out;
    } finally {
      this.release(reached);
    }
  }

  /**
   * scoreUnordered() kept to the `limit` best scores (every chunk tied with the last one kept
   * too), for a filter on whole documents, in the order first reached, and only the kept chunks
   * become objects. With no more chunks than `limit` in the library, the same scores to the last
   * bit; in a larger one, terms in more than a quarter of it may be added last (deferred()), so a
   * score may differ from scoreUnordered()'s in its last bit and ties may come in another order.
   */
  strongest(
    weights: Map<string, number>,
    accept: DocumentFilter,
    limit: number,
    params: IndexParams = DEFAULT_PARAMS,
    weak: ReadonlySet<string> = NONE,
  ): ScoredChunk[] {
    const allowed = this.allowedChunks(accept);
    const deferred = this.n > limit ? this.deferred(weights, params, weak) : null;
    if (deferred) {
      const got = this.strongestDeferring(deferred, allowed, limit, params);
      if (got) return got;
    }
    const reached = this.accumulate(weights, params, weak);
    const { acc, order, strong } = this.work();
    const anyWeak = weak.size > 0;
    try {
      if (reached <= limit) {
        // No more reached than kept: there is no border.
        const out: ScoredChunk[] = [];
        for (let i = 0; i < reached; i++) {
          const ci = order[i]!;
          if ((anyWeak && strong[ci] === 0) || allowed[ci] === 0) continue;
          out.push({ index: ci, score: acc[ci]! });
        }
        return out;
      }
      const kept = this.keepBest(reached, limit, allowed, anyWeak, NO_TERMS, 0);
      return this.keptFrom(kept, this.borderOf(kept, limit));
    } finally {
      this.release(reached);
    }
  }

  /**
   * The terms of a question in more than a quarter of a large library ("người", "quy định" read as
   * syllables): they reach most chunks and add little to any, yet were most of the postings read.
   * Scored last, and only for the chunks the other terms make near the border (strongestDeferring).
   * Null when there are none, or when a weak term is not among them (it must not make candidates).
   */
  private deferred(weights: Map<string, number>, params: IndexParams, weak: ReadonlySet<string>): Deferred | null {
    let light: Map<string, number> | null = null;
    const terms: DeferredTerm[] = [];
    let bound = 0;
    for (const [term, w] of weights) {
      const p = this.postingsOf(term);
      if (!p || w <= 0) continue;
      if (p.chunks.length <= DEFERRED_SHARE * this.n) {
        if (weak.has(term)) return null;
        (light ??= new Map()).set(term, w);
        continue;
      }
      const wIdf = w * this.idf(term);
      const { dense, max } = this.denseImpacts(term, p, params);
      terms.push({ wIdf, dense });
      bound += wIdf * max;
    }
    return terms.length && light ? { light, terms, bound } : null;
  }

  /**
   * strongest() with the deferred terms added last, for the chunks the other terms reach. A chunk
   * they never reach scores at most `bound`: when the border found among the others is above it,
   * it is the border of the whole library. Null (nothing kept) when it is not.
   */
  private strongestDeferring(d: Deferred, allowed: Uint8Array, limit: number, params: IndexParams): ScoredChunk[] | null {
    const reached = this.accumulate(d.light, params, NONE);
    try {
      const kept = this.keepBest(reached, limit, allowed, false, d.terms, d.bound);
      const border = this.borderOf(kept, limit);
      return border > d.bound ? this.keptFrom(kept, border) : null;
    } finally {
      this.release(reached);
    }
  }

  /**
   * One pass over the chunks reached, in the order first reached: the eligible ones whose score
   * (plus the `added` terms', in their order) is at or above a floor are kept, score and chunk,
   * in that order, and whenever they fill their room the floor rises to the limit-th best of them.
   * A floor is the limit-th best of some eligible scores, so never above the border: whatever it
   * drops is below the border, and every chunk at or above the border is kept. A chunk under the
   * floor by more than the `most` the added terms can add is passed over without reading them.
   * Returns how many are kept (this.kept). (Copying every eligible score out for a selection, then
   * a second pass to pick the chunks, was a third of a search in a library of 58,000 chunks.)
   */
  private keepBest(reached: number, limit: number, allowed: Uint8Array, anyWeak: boolean, added: readonly DeferredTerm[], most: number): number {
    const { acc, order, strong } = this.work();
    let { scores, chunks, select } = this.keptWork(limit);
    let m = 0;
    let floor = 0;
    for (let i = 0; i < reached; i++) {
      const ci = order[i]!;
      let v = acc[ci]!;
      if (v + most < floor || (anyWeak && strong[ci] === 0) || allowed[ci] === 0) continue;
      for (let t = 0; t < added.length; t++) v += added[t]!.wIdf * added[t]!.dense[ci]!;
      if (v < floor) continue;
      scores[m] = v;
      chunks[m++] = ci;
      if (m === scores.length) {
        select.set(scores);
        floor = kthLargest(select, limit);
        m = keepFrom(scores, chunks, m, floor);
        // All of them tied at the floor: more room, kept for the next searches.
        if (m === scores.length) ({ scores, chunks, select } = this.widenKept());
      }
    }
    return m;
  }

  /** The limit-th best score of the `kept` chunks keepBest() left; −∞ when no more than `limit` were kept. */
  private borderOf(kept: number, limit: number): number {
    if (kept <= limit) return -Infinity;
    const { scores, select } = this.kept!;
    const s = select.subarray(0, kept);
    s.set(scores.subarray(0, kept));
    return kthLargest(s, limit);
  }

  /** The kept chunks at or above the border, as objects, in their order. */
  private keptFrom(kept: number, border: number): ScoredChunk[] {
    const { scores, chunks } = this.kept!;
    const out: ScoredChunk[] = [];
    for (let j = 0; j < kept; j++) if (scores[j]! >= border) out.push({ index: chunks[j]!, score: scores[j]! });
    return out;
  }

  /**
   * For chunks grouped by `groupOf` (chunk → group, −1 for none; a phrasing's article): the best
   * score among the accepted chunks of each group in `wanted` (a group may be listed more than
   * once), and the best among all grouped accepted chunks, as scoreUnordered() scores them,
   * without an object per chunk.
   */
  bestPerGroup(
    weights: Map<string, number>,
    accept: DocumentFilter,
    groupOf: Int32Array,
    wanted: Iterable<number>,
    params: IndexParams = DEFAULT_PARAMS,
  ): { best: Map<number, number>; top: number } {
    const allowed = this.allowedChunks(accept);
    const { want, best: bestOf } = this.groupWork(groupOf);
    for (const g of wanted) want[g] = 1;
    const best = new Map<number, number>();
    let top = 0;
    const reached = this.accumulate(weights, params, NONE);
    const { acc } = this.work();
    try {
      // In index order: only maxima are taken, and memory is read in sequence.
      for (let ci = 0; ci < this.n; ci++) {
        const v = acc[ci]!;
        const g = groupOf[ci]!;
        if (v === 0 || g < 0 || allowed[ci] === 0) continue;
        if (v > top) top = v;
        if (want[g] === 1 && v > bestOf[g]!) bestOf[g] = v;
      }
      for (const g of wanted) if (bestOf[g]! > 0) best.set(g, bestOf[g]!);
    } finally {
      this.release(reached);
      for (const g of wanted) {
        want[g] = 0;
        bestOf[g] = 0;
      }
    }
    return { best, top };
  }

  /**
   * 1 for each chunk whose document the filter accepts, kept by filter: a caller that passes the
   * same filter again (hybrid.ts keeps one per set of conditions) is not asked per document
   * again, and the passes over a large library read one byte per chunk instead of the chunk's
   * document and then the document's answer. A filter must therefore answer the same for the
   * life of the index.
   */
  private allowedChunks(accept: DocumentFilter): Uint8Array {
    let allowed = this.allowedBy.get(accept);
    if (allowed) return allowed;
    const byDocument = new Uint8Array(this.documentIds.length);
    for (let d = 0; d < byDocument.length; d++) byDocument[d] = accept(this.documentIds[d]!) ? 1 : 0;
    allowed = new Uint8Array(this.n);
    for (let ci = 0; ci < this.n; ci++) allowed[ci] = byDocument[this.documentOf[ci]!]!;
    this.allowedBy.set(accept, allowed);
    return allowed;
  }

  /** Per group of a grouping, between searches all 0: whether it is wanted, and its best score. */
  private groupWork(groupOf: Int32Array): { want: Uint8Array; best: Float64Array } {
    let w = this.groupScratch.get(groupOf);
    if (!w) {
      let count = 0;
      for (const g of groupOf) if (g + 1 > count) count = g + 1;
      this.groupScratch.set(groupOf, (w = { want: new Uint8Array(count), best: new Float64Array(count) }));
    }
    return w;
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

  /**
   * A term's saturated frequencies per posting, computed on first use and kept (the most recently
   * used first) up to IMPACT_CACHE postings: a search then reads one number per posting instead
   * of dividing by each chunk's length normalisation. Kept in double precision, so scores are
   * exactly those computed on the fly.
   */
  private impacts(term: string, p: Postings, params: IndexParams): Float64Array {
    let cache = this.impactCache.get(params);
    if (!cache) this.impactCache.set(params, (cache = { terms: new Map(), postings: 0 }));
    let impacts = cache.terms.get(term);
    if (impacts) {
      cache.terms.delete(term);
      cache.terms.set(term, impacts);
      return impacts;
    }
    impacts = this.saturationFor(params).all(p.chunks, p.tf);
    cache.terms.set(term, impacts);
    cache.postings += impacts.length;
    for (const [t, old] of cache.terms) {
      if (cache.postings <= IMPACT_CACHE || t === term) break;
      cache.terms.delete(t);
      cache.postings -= old.length;
    }
    return impacts;
  }

  /**
   * A common term's impacts by chunk (0 where absent) and the largest, kept like impacts(): the
   * library's size in entries each, within the same budget of IMPACT_CACHE entries.
   */
  private denseImpacts(term: string, p: Postings, params: IndexParams): { dense: Float64Array; max: number } {
    let cache = this.denseCache.get(params);
    if (!cache) this.denseCache.set(params, (cache = new Map()));
    let got = cache.get(term);
    if (got) {
      cache.delete(term);
      cache.set(term, got);
      return got;
    }
    const impacts = this.impacts(term, p, params);
    const dense = new Float64Array(this.n);
    let max = 0;
    for (let i = 0; i < impacts.length; i++) {
      const v = impacts[i]!;
      dense[p.chunks[i]!] = v;
      if (v > max) max = v;
    }
    got = { dense, max };
    cache.set(term, got);
    const keep = Math.max(1, Math.floor(IMPACT_CACHE / this.n));
    for (const t of cache.keys()) {
      if (cache.size <= keep) break;
      cache.delete(t);
    }
    return got;
  }

  private work(): Scratch {
    this.scratch ??= {
      acc: new Float64Array(this.n),
      order: new Int32Array(this.n),
      strong: new Uint8Array(this.n),
    };
    return this.scratch;
  }

  /** strongest()'s room for `limit` (at least), kept between searches like the scratch. */
  private keptWork(limit: number): Kept {
    const room = KEPT_ROOM * limit;
    if (!this.kept || this.kept.scores.length < room)
      this.kept = { scores: new Float64Array(room), chunks: new Int32Array(room), select: new Float64Array(room) };
    return this.kept;
  }

  /** Twice the room, the kept chunks carried over. */
  private widenKept(): Kept {
    const old = this.kept!;
    const room = 2 * old.scores.length;
    const scores = new Float64Array(room);
    const chunks = new Int32Array(room);
    scores.set(old.scores);
    chunks.set(old.chunks);
    this.kept = { scores, chunks, select: new Float64Array(room) };
    return this.kept;
  }

  /**
   * Scores every chunk a term of `weights` reaches into the working arrays, terms in the query's
   * order; returns how many were reached (listed first in `order`). The caller reads them, then
   * calls release().
   */
  private accumulate(weights: Map<string, number>, params: IndexParams, weak: ReadonlySet<string>): number {
    const { acc, order, strong } = this.work();
    let reached = 0;
    for (const [term, w] of weights) {
      const p = this.postingsOf(term);
      if (!p || w <= 0) continue;
      const wIdf = w * this.idf(term);
      // Without weak terms every chunk reached may be a candidate: `strong` is not kept.
      const marks = weak.size > 0 && !weak.has(term);
      const chunks = p.chunks;
      const impacts = this.impacts(term, p, params);
      for (let i = 0; i < chunks.length; i++) {
        const ci = chunks[i]!;
        const c = impacts[i]!;
        if (c <= 0) continue;
        if (acc[ci] === 0) order[reached++] = ci;
        if (marks) strong[ci] = 1;
        acc[ci] = acc[ci]! + wIdf * c;
      }
    }
    return reached;
  }

  /** Clears what accumulate() left for the next search: by chunk when few were reached, else in one sweep. */
  private release(reached: number): void {
    const { acc, order, strong } = this.work();
    if (reached * 8 > this.n) {
      acc.fill(0);
      strong.fill(0);
      return;
    }
    for (let i = 0; i < reached; i++) {
      const ci = order[i]!;
      acc[ci] = 0;
      strong[ci] = 0;
    }
  }
}

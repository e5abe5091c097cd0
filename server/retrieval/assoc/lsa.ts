/**
 * An offline meaning vector learned from the library itself: latent semantic analysis (Deerwester
 * et al. 1990) of the article × term matrix, where an article's terms are its law text and the
 * member notes written beside it. A member word ("sờ mó") and the law words it is written beside
 * ("dâm ô") load on the same latent dimensions, so a question in everyday words lands near
 * articles that use the law's words, including those whose own notes never used hers. An upload
 * without notes gets its vector from its own text. Nothing is downloaded; built per corpus version.
 *
 * The truncated SVD is computed through the articles' Gram matrix (n × n, n = articles) with
 * randomized subspace iteration (Halko, Martinsson & Tropp 2011): cheap because n is small next
 * to the vocabulary. The two dense kernels it needs (Gram–Schmidt, Jacobi on a k × k matrix) are
 * a few lines each, not worth a dependency.
 */

export interface LsaDocument {
  /** Terms of the article (repeated as often as they occur). */
  terms: string[];
}

export interface LsaOptions {
  /** Latent dimensions kept. */
  rank: number;
  /** A term must occur in this many articles to be part of the space. */
  minDf: number;
  /** Subspace (power) iterations of the randomized SVD. */
  powerIterations: number;
  /** Seed of the random start, so that every instance builds the same space. */
  seed: number;
}

export const LSA_DEFAULTS: LsaOptions = { rank: 64, minDf: 2, powerIterations: 2, seed: 12 };

/** Extra random directions of the randomized SVD: they make the leading `rank` accurate. */
const OVERSAMPLE = 8;

export interface LsaParts {
  rank: number;
  terms: Map<string, number>;
  termVectors: Float32Array;
  idf: Float32Array;
  docVectors: Float32Array;
}

export class LsaSpace {
  readonly rank: number;
  /** Term → its row in `termVectors`. */
  private readonly terms: Map<string, number>;
  private readonly termVectors: Float32Array;
  private readonly idf: Float32Array;
  /** Article vectors, unit length (`rank` floats each), in the order the documents were given. */
  private readonly docVectors: Float32Array;

  private constructor(rank: number, terms: Map<string, number>, termVectors: Float32Array, idf: Float32Array, docVectors: Float32Array) {
    this.rank = rank;
    this.terms = terms;
    this.termVectors = termVectors;
    this.idf = idf;
    this.docVectors = docVectors;
  }

  /** The space as plain data, to hand to another thread (transfer the arrays). */
  toParts(): LsaParts {
    return { rank: this.rank, terms: this.terms, termVectors: this.termVectors, idf: this.idf, docVectors: this.docVectors };
  }

  static fromParts(p: LsaParts): LsaSpace {
    return new LsaSpace(p.rank, p.terms, p.termVectors, p.idf, p.docVectors);
  }

  static empty(): LsaSpace {
    return new LsaSpace(0, new Map(), new Float32Array(0), new Float32Array(0), new Float32Array(0));
  }

  get size(): number {
    return this.terms.size;
  }

  /** The question's vector: its terms' vectors weighted by the query weight and IDF; null when none is known. */
  queryVector(weights: ReadonlyMap<string, number>): Float32Array | null {
    if (!this.rank) return null;
    const v = new Float32Array(this.rank);
    let any = false;
    for (const [t, w] of weights) {
      const row = this.terms.get(t);
      if (row === undefined || w <= 0) continue;
      any = true;
      const f = w * this.idf[row]!;
      const off = row * this.rank;
      for (let k = 0; k < this.rank; k++) v[k]! += f * this.termVectors[off + k]!;
    }
    if (!any) return null;
    return normalise(v) ? v : null;
  }

  /** Cosine between two terms' vectors (how close the library places them); 0 when either is unknown. */
  termSimilarity(a: string, b: string): number {
    const va = this.queryVector(new Map([[a, 1]]));
    const vb = this.queryVector(new Map([[b, 1]]));
    if (!va || !vb) return 0;
    let dot = 0;
    for (let k = 0; k < this.rank; k++) dot += va[k]! * vb[k]!;
    return dot;
  }

  /** Cosine between a query vector and article `doc` (its position among the documents given). */
  similarity(query: Float32Array, doc: number): number {
    const off = doc * this.rank;
    let dot = 0;
    for (let k = 0; k < this.rank; k++) dot += query[k]! * this.docVectors[off + k]!;
    return dot;
  }

  static build(docs: LsaDocument[], opts: LsaOptions = LSA_DEFAULTS): LsaSpace {
    const n = docs.length;
    // Vocabulary: terms in at least minDf articles, and not in nearly all of them.
    const df = new Map<string, number>();
    const tfs = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      return tf;
    });
    const vocab = new Map<string, number>();
    const idfList: number[] = [];
    for (const [t, f] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (f < opts.minDf || f > 0.5 * n) continue;
      vocab.set(t, idfList.length);
      idfList.push(Math.log(n / f));
    }
    const rank = Math.min(opts.rank, n - 1, vocab.size);
    if (rank < 2) return LsaSpace.empty();
    const idf = Float32Array.from(idfList);

    // Rows of A (article × term), weighted log(1 + tf) · idf, sparse.
    const rowCols: Int32Array[] = [];
    const rowVals: Float32Array[] = [];
    for (const tf of tfs) {
      const cols: number[] = [];
      const vals: number[] = [];
      for (const [t, f] of tf) {
        const c = vocab.get(t);
        if (c === undefined) continue;
        cols.push(c);
        vals.push(Math.log(1 + f) * idf[c]!);
      }
      rowCols.push(Int32Array.from(cols));
      rowVals.push(Float32Array.from(vals));
    }

    // A as CSR; G = A Aᵀ is applied as A (Aᵀ X), never formed (A is sparse, G would be dense).
    const rowStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + rowCols[i]!.length;
    const cols = new Int32Array(rowStart[n]!);
    const vals = new Float64Array(rowStart[n]!);
    rowCols.forEach((c, i) => {
      cols.set(c, rowStart[i]!);
      vals.set(rowVals[i]!, rowStart[i]!);
    });
    const m = vocab.size;
    const gram = (X: Float64Array, p: number): Float64Array => {
      const Y = new Float64Array(m * p); // Aᵀ X
      for (let i = 0; i < n; i++) {
        for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
          const a = vals[e]!;
          const y = cols[e]! * p;
          const x = i * p;
          for (let c = 0; c < p; c++) Y[y + c]! += a * X[x + c]!;
        }
      }
      const out = new Float64Array(n * p); // A Y
      for (let i = 0; i < n; i++) {
        const o = i * p;
        for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
          const a = vals[e]!;
          const y = cols[e]! * p;
          for (let c = 0; c < p; c++) out[o + c]! += a * Y[y + c]!;
        }
      }
      return out;
    };
    // Randomized subspace iteration for G's leading eigenvectors (the articles' singular vectors).
    const p = Math.min(n, rank + OVERSAMPLE);
    const random = mulberry32(opts.seed);
    let Q: Float64Array = new Float64Array(n * p);
    for (let i = 0; i < Q.length; i++) Q[i] = random() - 0.5;
    orthonormalise(Q, n, p);
    for (let it = 0; it <= opts.powerIterations; it++) {
      Q = gram(Q, p);
      orthonormalise(Q, n, p);
    }
    // B = Qᵀ G Q (p × p), whose eigenvectors rotate Q into G's.
    const GQ = gram(Q, p);
    const B = new Float64Array(p * p);
    for (let a = 0; a < p; a++) {
      for (let b = a; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += Q[i * p + a]! * GQ[i * p + b]!;
        B[a * p + b] = s;
        B[b * p + a] = s;
      }
    }
    const { values, vectors } = jacobiEigen(B, p);
    const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, rank);
    const sigma = order.map((j) => Math.sqrt(Math.max(values[j]!, 0)));

    // Articles: V = Q W (n × rank); their vectors V Σ, unit length, for cosine.
    const V = new Float64Array(n * rank);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < rank; r++) {
        const j = order[r]!;
        let s = 0;
        for (let a = 0; a < p; a++) s += Q[i * p + a]! * vectors[a * p + j]!;
        V[i * rank + r] = s;
      }
    }
    const docVectors = new Float32Array(n * rank);
    for (let i = 0; i < n; i++) {
      const v = docVectors.subarray(i * rank, (i + 1) * rank);
      for (let r = 0; r < rank; r++) v[r] = V[i * rank + r]! * sigma[r]!;
      normalise(v);
    }
    // Terms: U = Aᵀ V Σ⁻¹ (vocabulary × rank). A question is folded in as Σ_t w_t U_t, and Σ
    // cancels against the articles' V Σ in the cosine's numerator direction.
    const termVectors = new Float32Array(vocab.size * rank);
    rowCols.forEach((cols, i) => {
      cols.forEach((c, j) => {
        const a = rowVals[i]![j]!;
        for (let r = 0; r < rank; r++) if (sigma[r]! > 0) termVectors[c * rank + r]! += (a * V[i * rank + r]!) / sigma[r]!;
      });
    });
    return new LsaSpace(rank, vocab, termVectors, idf, docVectors);
  }
}

function normalise(v: Float32Array): boolean {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  if (s <= 0) return false;
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < v.length; k++) v[k]! *= inv;
  return true;
}

/** Modified Gram–Schmidt on the p columns of X (n × p, row-major), in place. */
function orthonormalise(X: Float64Array, n: number, p: number): void {
  for (let c = 0; c < p; c++) {
    for (let d = 0; d < c; d++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += X[i * p + c]! * X[i * p + d]!;
      for (let i = 0; i < n; i++) X[i * p + c]! -= dot * X[i * p + d]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += X[i * p + c]! * X[i * p + c]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) X[i * p + c] = norm > 1e-12 ? X[i * p + c]! / norm : 0;
  }
}

/** Cyclic Jacobi eigenvalue algorithm for a small symmetric matrix (p × p, row-major). */
function jacobiEigen(A: Float64Array, p: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i * p + j]! * a[i * p + j]!;
    if (off < 1e-18) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = a[i * p + j]!;
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (a[j * p + j]! - a[i * p + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = a[k * p + i]!;
          const akj = a[k * p + j]!;
          a[k * p + i] = c * aki - s * akj;
          a[k * p + j] = s * aki + c * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = a[i * p + k]!;
          const ajk = a[j * p + k]!;
          a[i * p + k] = c * aik - s * ajk;
          a[j * p + k] = s * aik + c * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i]!;
          const vkj = v[k * p + j]!;
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  return { values: Array.from({ length: p }, (_, i) => a[i * p + i]!), vectors: v };
}

/** A small seeded generator (mulberry32): the same corpus always gives the same space (the eval's perturbation tools use it too). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import type { IndexParams } from './lexical-index.js';

/**
 * BM25F's arithmetic for one parameter set over one index: per posting, the field frequencies
 * length-normalised, weighted and summed, then saturated (`f / (k1 + f)`). The normalisation
 * `1 − b + b · length / average` is fixed per chunk and field, so it is computed once.
 */
export class Saturation {
  private readonly norms: Float64Array;
  private readonly w0: number;
  private readonly w1: number;
  private readonly w2: number;
  private readonly k1: number;

  /** `lengths`: each chunk's body, title and member lengths, interleaved; `averages` likewise per field. */
  constructor(lengths: Uint32Array, averages: readonly [number, number, number], params: IndexParams) {
    const b = [params.fields.body.b, params.fields.title.b, params.fields.member.b];
    this.norms = new Float64Array(lengths.length);
    for (let i = 0; i < lengths.length; i++) this.norms[i] = 1 - b[i % 3]! + (b[i % 3]! * lengths[i]!) / averages[i % 3]!;
    this.w0 = params.fields.body.weight;
    this.w1 = params.fields.title.weight;
    this.w2 = params.fields.member.weight;
    this.k1 = params.k1;
  }

  /** `f / (k1 + f)` for posting `i` (of chunk `ci`) of a term's interleaved frequencies; 0 when f is 0. */
  at(tf: Uint16Array, i: number, ci: number): number {
    const body = tf[i * 3]!;
    const title = tf[i * 3 + 1]!;
    const member = tf[i * 3 + 2]!;
    let f = 0;
    if (body) f += (this.w0 * body) / this.norms[ci * 3]!;
    if (title) f += (this.w1 * title) / this.norms[ci * 3 + 1]!;
    if (member) f += (this.w2 * member) / this.norms[ci * 3 + 2]!;
    return f > 0 ? f / (this.k1 + f) : 0;
  }

  /** Every posting's value, for a term's chunks and frequencies. */
  all(chunks: Int32Array, tf: Uint16Array): Float64Array {
    const out = new Float64Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) out[i] = this.at(tf, i, chunks[i]!);
    return out;
  }
}

import type { Embedder } from './embedder.js';
import { STOP_SYLLABLES, fold, syllables } from '../text/vietnamese.js';

/**
 * Offline, deterministic embedder: no weights, same vector on every machine.
 * Features are the accented syllables, their diacritic-folded forms and syllable bigrams (most
 * Vietnamese words are two syllables: "bạo lực", "ly hôn"), hashed with a sign bit into a fixed
 * dimension (the hashing trick), weighted by log term frequency, L2-normalised. A question
 * typed without dấu still shares every folded feature with the document.
 */
export class HashedEmbedder implements Embedder {
  readonly id: string;
  readonly semantic = false;
  constructor(readonly dimension = 512) {
    this.id = `hashed-vi-v1-${dimension}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (f: string, w: number) => counts.set(f, (counts.get(f) ?? 0) + w);
    const acc = syllables(text);
    const folded = acc.map(foldSyllable);
    for (let i = 0; i < acc.length; i++) {
      const f = folded[i]!;
      const stop = STOP_SYLLABLES.has(f);
      // Folded features carry most weight: they are what a phone-typed question shares.
      add(`f:${f}`, stop ? 0.15 : 1);
      if (acc[i] !== f) add(`a:${acc[i]}`, stop ? 0.05 : 0.35);
      if (i + 1 < acc.length) {
        const g = folded[i + 1]!;
        if (!(stop && STOP_SYLLABLES.has(g))) add(`b:${f}_${g}`, stop || STOP_SYLLABLES.has(g) ? 0.4 : 1.2);
      }
    }
    const v = new Float64Array(this.dimension);
    for (const [feat, c] of counts) {
      const h = fnv1a(feat);
      const idx = h % this.dimension;
      const sign = (h >>> 31) & 1 ? -1 : 1;
      v[idx]! += sign * (1 + Math.log(c));
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }
}

// A library has a few thousand distinct syllables, and folding one (two Unicode normalisations)
// costs more than the rest of its features: each is folded once. Bounded for odd inputs.
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 200_000;

function foldSyllable(s: string): string {
  let f = FOLDED.get(s);
  if (f === undefined) {
    f = fold(s);
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear();
    FOLDED.set(s, f);
  }
  return f;
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, fast, stable across platforms. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

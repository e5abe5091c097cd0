import { fold, syllables } from '../../ingest/text/vietnamese.js';

/**
 * Which accented readings a pair of unaccented syllables has in the library ("voi nhau" is
 * "với nhau", never "với nhậu"; "viet tat" is "viết tắt"). Query analysis uses it to keep a
 * one-syllable colloquial trigger ("nhậu", "tát") from firing on a syllable that, read with its
 * neighbour, is plainly another word. Derived from the chunks' own text, cached per corpus version
 * like the term statistics, so every instance computes the same thing.
 */
export interface PairReadings {
  /** Accented forms ("với nhau") of a folded pair ("voi nhau"); undefined when never seen. */
  get(foldedPair: string): readonly string[] | undefined;
  /** The spellings of a folded syllable the texts write ("giu" → giữ, giú), with how many pairs each is in. */
  spellings(folded: string): ReadonlyMap<string, number> | undefined;
}

export class PairReadingTable implements PairReadings {
  // Most pairs have one reading: a bare string keeps the table small (≈ 20k pairs per corpus).
  private readonly pairs = new Map<string, string | string[]>();
  private readonly folds = new Map<string, string>();
  // Derived from the pairs (and the words added alone) on first use, dropped when a text is added.
  private bySyllable: Map<string, Map<string, number>> | null = null;
  private readonly alone = new Map<string, number>();

  /** Adds every adjacent syllable pair of an accented text. */
  addText(text: string): void {
    const syl = syllables(text);
    this.bySyllable = null;
    for (let i = 0; i + 1 < syl.length; i++) {
      const a = syl[i]!;
      const b = syl[i + 1]!;
      const key = `${this.fold(a)} ${this.fold(b)}`;
      const form = `${a} ${b}`;
      const seen = this.pairs.get(key);
      if (seen === undefined) this.pairs.set(key, form);
      else if (typeof seen === 'string') {
        if (seen !== form) this.pairs.set(key, [seen, form]);
      } else if (!seen.includes(form)) seen.push(form);
    }
  }

  /**
   * Records the syllables of a text as words the language writes, without their pairs: the
   * vocabulary's one-word phrases and its examples, which are messages as members type them, not
   * the library's language ("tát", "sốt", "gãy" are words though no law writes them).
   */
  addWords(text: string): void {
    this.bySyllable = null;
    for (const syl of syllables(text)) this.alone.set(syl, (this.alone.get(syl) ?? 0) + 1);
  }

  get(foldedPair: string): readonly string[] | undefined {
    const seen = this.pairs.get(foldedPair);
    return typeof seen === 'string' ? [seen] : seen;
  }

  spellings(folded: string): ReadonlyMap<string, number> | undefined {
    return this.prepare().get(folded);
  }

  /**
   * Derives the spellings by syllable now (~0.1 s for the bundled library) rather than inside the
   * first search that needs them: the index holder calls it before a new index answers.
   */
  prepare(): Map<string, Map<string, number>> {
    if (this.bySyllable) return this.bySyllable;
    const by = new Map<string, Map<string, number>>();
    const count = (syl: string, n: number) => {
      const f = this.fold(syl);
      let m = by.get(f);
      if (!m) by.set(f, (m = new Map()));
      m.set(syl, (m.get(syl) ?? 0) + n);
    };
    for (const seen of this.pairs.values()) for (const form of typeof seen === 'string' ? [seen] : seen) for (const syl of form.split(' ')) count(syl, 1);
    for (const [syl, n] of this.alone) count(syl, n);
    this.bySyllable = by;
    return by;
  }

  get size(): number {
    return this.pairs.size;
  }

  /** Whether the spellings by syllable are derived (prepare()). */
  get prepared(): boolean {
    return this.bySyllable !== null;
  }

  /** The table as a plain Map, to hand to another thread. */
  toParts(): Map<string, string | string[]> {
    return this.pairs;
  }

  static fromParts(pairs: Map<string, string | string[]>): PairReadingTable {
    const t = new PairReadingTable();
    for (const [k, v] of pairs) t.pairs.set(k, v);
    return t;
  }

  // Folding is the cost here; a corpus has a few thousand distinct syllables.
  private fold(s: string): string {
    let f = this.folds.get(s);
    if (f === undefined) this.folds.set(s, (f = fold(s)));
    return f;
  }
}

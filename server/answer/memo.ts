/**
 * A pure function of a text, remembered for the texts seen most recently. Answers quote the same
 * articles and member phrasings over and over, and splitting their lines into folded syllables
 * was a sizeable share of composing an answer; the results are shared, so callers must not change
 * them. Bounded by count: the oldest entry goes first once `max` are kept.
 */
export function memoByText<T>(fn: (text: string) => T, max: number): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let v = kept.get(text);
    if (v === undefined) {
      v = fn(text);
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(text, v);
    }
    return v;
  };
}

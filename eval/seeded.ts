/**
 * Deterministic randomness for the perturbation tools (eval/typing.ts, eval/safety-perturb.ts): the
 * same seed retypes the same message the same way on every run and machine.
 */

/** mulberry32: a small seeded generator, enough to pick which word or syllable gets the error. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a seed from a text (the message, its id and the kind of error). */
export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

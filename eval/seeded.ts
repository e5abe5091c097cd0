/**
 * Deterministic randomness for the perturbation tools (eval/typing.ts, eval/safety-perturb.ts): the
 * same seed retypes the same message the same way on every run and machine.
 */
import { mulberry32 } from '../server/retrieval/assoc/lsa.js';

/** mulberry32, the meaning space's own generator: enough to pick which word or syllable gets the error. */
export const generator: (seed: number) => () => number = mulberry32;

/** FNV-1a: a seed from a text (the message, its id and the kind of error). */
export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

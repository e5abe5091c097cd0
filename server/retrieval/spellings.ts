import { fold, hasDiacritics, syllables } from '../../ingest/text/vietnamese.js';
import { conceptsOf } from './vocabulary.js';

/**
 * The index is folded, so retrieval hears "say xỉn" and "xin lỗi" alike and lets the rest of the
 * question decide. The answer picks one sentence among a few articles by the words they share with
 * her, where one folded collision decides: a word she typed with dấu means that spelling only.
 *
 * Folded term (a syllable, or a pair joined as the index writes it) → the ways it may be matched:
 * each alternative lists the spellings a text must hold. Only terms she typed with at least one
 * mark are listed; a bare syllable (typed without dấu, or not re-read) matches any spelling.
 */
export type TermSpellings = Record<string, string[][]>;

/**
 * `tokens`: her syllables as read (lower-case NFC, after shorthand and respelling); `loose`: the
 * message counts as typed without dấu, so no mark it carries is taken at its word. `concepts`: the
 * law's phrases the thesaurus added, whose own spelling of a term she also typed is accepted.
 */
export function termSpellings(tokens: readonly string[], loose: boolean, concepts: readonly string[] = []): TermSpellings {
  const out: TermSpellings = {};
  if (loose) return out;
  const add = (key: string, required: string[]) => {
    const alts = (out[key] ??= []);
    if (!alts.some((a) => a.join(' ') === required.join(' '))) alts.push(required);
  };
  tokens.forEach((t, i) => {
    if (hasDiacritics(t)) add(fold(t), [t]);
    const next = tokens[i + 1];
    if (next === undefined) return;
    const marked = [t, next].filter(hasDiacritics);
    if (marked.length) add(fold(t) + fold(next), marked);
  });
  // The law's own spelling of a word she typed (an expansion "xâm hại" beside her "xâm hai").
  for (const c of concepts) {
    for (const part of conceptsOf(c)) {
      for (const s of syllables(part)) if (out[fold(s)]) add(fold(s), [s]);
    }
  }
  return out;
}

/** A text's spellings (syllables with their marks), to test against TermSpellings. */
export function spellingSet(text: string): Set<string> {
  return new Set(syllables(text));
}

/** Does the text (its spellings) hold the term as she typed it? True when she typed it bare. */
export function spelledAsTyped(term: string, spellings: TermSpellings | undefined, text: ReadonlySet<string>): boolean {
  const alts = spellings?.[term];
  return !alts || alts.some((required) => required.every((s) => text.has(s)));
}

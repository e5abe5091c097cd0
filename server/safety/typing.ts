import { fold } from '../../ingest/text/vietnamese.js';
import type { IndexedRetriever } from '../retrieval/hybrid.js';
import type { CorpusIndex } from '../retrieval/index/corpus-index.js';
import type { SearchOptions, SearchResult } from '../retrieval/retriever.js';
import { readTyping } from './normalise.js';

/**
 * What she typed, read as she meant it before the library is searched: Telex keys left in the
 * words, letters repeated or doubled, words run together (normalise.ts readTyping). The danger
 * assessment has read those slips since the first wave; the search had not, and "choongf em ddanhs
 * em thif lamf sao" found nothing. The library decides what a slip may be read as: a spelling its
 * texts write, a word it holds whole, a pair it writes side by side.
 */
export function libraryTyping(idx: CorpusIndex): NonNullable<Parameters<typeof readTyping>[1]> {
  return {
    writes: (word) => idx.readings.spellings(fold(word))?.has(word) ?? false,
    // A word the index holds whole that is no Vietnamese syllable ("video", "karaoke"): kept as typed.
    keeps: (word) => word.length > 3 && idx.lexical.has(fold(word)),
    pairs: (a, b) => idx.readings.get(`${fold(a)} ${fold(b)}`) !== undefined,
  };
}

/** Her message read against the library searches use now. */
export async function readTypingIn(retriever: Pick<IndexedRetriever, 'current'>, text: string): Promise<string> {
  return readTyping(text, libraryTyping(await retriever.current()));
}

/** A retriever that reads the question's (and the earlier turn's) typing slips before searching. */
export function withTypingRead(base: IndexedRetriever): IndexedRetriever {
  return {
    refresh: () => base.refresh(),
    current: () => base.current(),
    async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
      const typing = libraryTyping(await base.current());
      const context = opts.context === undefined ? {} : { context: readTyping(opts.context, typing) };
      return base.search(readTyping(query, typing), { ...opts, ...context });
    },
  };
}

/**
 * How many lexical candidates go on to the phrasing and meaning stages. The bundled library has
 * about 1,200 chunks, so every candidate does; in a library fifty times larger a common word
 * touches tens of thousands of chunks, and rescoring all of them made a search 28 times slower.
 * A chunk that far down the lexical ranking cannot reach the first ten by the added evidence.
 * LexicalIndex.strongest() keeps them (ties at the border kept).
 */
export const MAX_CANDIDATES = 3000;

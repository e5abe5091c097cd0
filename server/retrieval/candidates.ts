/**
 * How many lexical candidates go on to the phrasing and meaning stages. The bundled library has
 * about 1,160 chunks, so every candidate does; in a library fifty times larger a common word
 * touches tens of thousands of chunks, and every candidate costs a meaning cosine, a phrasing
 * lookup and the later stages. Measured on the bundled library (bench and dev questions, 124):
 * the deepest lexical rank any of the first ten hits came from was 92 (95th percentile 36), so
 * 1,500 is sixteen times that depth. At 50× (bench/search-scale.ts) 3,000 → 1,500 left every
 * question's hits the same articles in the same order and halved the meaning stage; 1,200 changed
 * one question's order. LexicalIndex.strongest() keeps them (ties at the border kept).
 */
export const MAX_CANDIDATES = 1500;

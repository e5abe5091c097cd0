import { fold, foldedSyllables } from '../../ingest/text/vietnamese.js';
import { fieldTerms, noteKey, type CorpusIndex } from './index/corpus-index.js';
import { FIELDS, LexicalIndex, type Field } from './index/lexical-index.js';
import type { SearchResult } from './retriever.js';
import { conceptsOf, readVocabulary, type VocabRow } from './vocabulary.js';

/**
 * Why a search ranked its articles as it did, for the officials' "try a question" view. It reads
 * the ranking the retriever produced (the same one a member gets) and re-scores each hit's chunk
 * term by term against the same in-memory index, so an official sees which words, fields and
 * member phrasings carried an article — and which vocabulary rows turned her words into the law's.
 * Kept apart from the retriever so that explaining never slows or changes a member's search.
 */

export interface TermContribution {
  /** Folded term as indexed ("ly", "hon", "lyhon" for the pair). */
  term: string;
  /** The query's weight × IDF (SearchResult.termWeights). */
  weight: number;
  /** This term's part of the chunk's BM25F score. */
  score: number;
  /** Fields of the chunk that contain it. */
  fields: Field[];
}

export interface PhrasingMatch {
  text: string;
  clause: string | null;
  /** BM25 score of the question against this phrasing alone. */
  score: number;
  /** Question terms the phrasing shares (syllables, not pairs). */
  shared: string[];
}

export interface HitExplanation {
  rank: number;
  documentId: string;
  article: string | null;
  /** The retriever's final score (BM25F and phrasing fused; with embeddings, RRF). */
  score: number;
  /** The chunk's lexical score recomputed here (sum of `terms`). */
  lexical: number;
  terms: TermContribution[];
  phrasings: PhrasingMatch[];
  /** Question syllables this article does not contain at all. */
  missing: string[];
}

export interface VocabularyMatch {
  line: number;
  topic: string;
  /** The row's phrasings found in the question. */
  phrases: string[];
  /** The law's concepts it added (those that reached the search). */
  concepts: string[];
}

export interface Explanation {
  hits: HitExplanation[];
  vocabulary: VocabularyMatch[];
  /** One or two Vietnamese sentences: why the first article came first. */
  why: string;
}

const TERMS_SHOWN = 12;
const PHRASINGS_SHOWN = 3;

export function explainSearch(idx: CorpusIndex, question: string, result: SearchResult, vocabulary: VocabRow[] = bundledRows()): Explanation {
  const lex = idx.lexical;
  const chunkIndex = new Map<number, number>();
  lex.chunks.forEach((c, i) => chunkIndex.set(c.id, i));
  const weights = Object.entries(result.termWeights);
  const ownSyllables = [...new Set(foldedSyllables(question))];

  const hits: HitExplanation[] = result.hits.map((h, i) => {
    const ci = chunkIndex.get(h.chunkId);
    const terms: TermContribution[] = [];
    if (ci !== undefined) {
      for (const [term, weighted] of weights) {
        const idf = lex.idf(term);
        const score = termScore(lex, ci, term, weighted / idf);
        if (score <= 0) continue;
        terms.push({ term, weight: round(weighted), score: round(score), fields: FIELDS.filter((f) => lex.contains(ci, term, [f])) });
      }
    }
    terms.sort((a, b) => b.score - a.score);
    const article = h.article ?? h.heading;
    const missing = ci === undefined ? [] : ownSyllables.filter((t) => lex.has(t) && !lex.contains(ci, t) && t.length > 1);
    return {
      rank: i + 1,
      documentId: h.document.id,
      article: h.article,
      score: h.score,
      lexical: round(terms.reduce((s, t) => s + t.score, 0)),
      terms: terms.slice(0, TERMS_SHOWN),
      phrasings: article ? phrasingMatches(idx, h.document.id, article, weights, ownSyllables) : [],
      missing,
    };
  });

  return { hits, vocabulary: vocabularyMatches(question, result, vocabulary), why: whyFirst(hits) };
}

/** One term's BM25F contribution to one chunk: the index scores that term alone, for that chunk alone. */
function termScore(lex: LexicalIndex, ci: number, term: string, weight: number): number {
  const target = lex.chunks[ci]!;
  const scored = lex.score(new Map([[term, weight]]), (c) => c === target);
  return scored[0]?.score ?? 0;
}

/** The article's member phrasings ranked against the question as the retriever's phrasing index does. */
function phrasingMatches(idx: CorpusIndex, documentId: string, article: string, weights: [string, number][], own: string[]): PhrasingMatch[] {
  const asks = (idx.notes.get(noteKey(documentId, article)) ?? []).filter((n) => n.kind === 'ask');
  if (!asks.length) return [];
  // A small index over this article's phrasings, with the library-wide IDF taken from the phrasing index.
  const local = LexicalIndex.build(
    asks.map((n, i) => ({ chunk: { id: i, documentId, articleKey: article }, fields: { body: fieldTerms(n.text), title: [], member: [] } })),
  );
  const w = new Map(weights.map(([t, x]) => [t, (x / idx.lexical.idf(t)) * idx.phrasings.idf(t)]));
  const ownSet = new Set(own);
  return local
    .score(w, () => true)
    .slice(0, PHRASINGS_SHOWN)
    .map((s) => {
      const n = asks[s.index]!;
      return { text: n.text, clause: n.clause, score: round(s.score), shared: [...new Set(foldedSyllables(n.text))].filter((t) => ownSet.has(t)) };
    });
}

/** Vocabulary rows whose phrasing is in the question and whose concepts reached the search. */
function vocabularyMatches(question: string, result: SearchResult, rows: VocabRow[]): VocabularyMatch[] {
  const q = foldedSyllables(question);
  // SearchResult.concepts holds each matched row's expansion ("bạo lực gia đình; đánh đập").
  const concepts = new Set(result.concepts.flatMap((c) => conceptsOf(c)).map((c) => fold(c)));
  const out: VocabularyMatch[] = [];
  for (const r of rows) {
    const phrases = r.phrases.filter((p) => containsLoosely(q, foldedSyllables(p)));
    if (!phrases.length) continue;
    const own = r.expansion === '-' ? [] : conceptsOf(r.expansion);
    const reached = own.filter((c) => concepts.has(fold(c)));
    if (reached.length || (r.expansion === '-' && result.topics.includes(r.topic))) out.push({ line: r.line, topic: r.topic, phrases, concepts: reached });
  }
  return out;
}

/** The phrase's syllables in order in the question, at most two other words inside (as query.ts reads). */
function containsLoosely(text: string[], phrase: string[]): boolean {
  if (!phrase.length) return false;
  for (let start = 0; start < text.length; start++) {
    if (text[start] !== phrase[0]) continue;
    let j = 1;
    let gaps = 0;
    for (let i = start + 1; i < text.length && j < phrase.length && gaps <= 2; i++) {
      if (text[i] === phrase[j]) j++;
      else gaps++;
    }
    if (j === phrase.length && gaps <= 2) return true;
  }
  return false;
}

function whyFirst(hits: HitExplanation[]): string {
  const [a, b] = hits;
  if (!a) return 'Không tìm thấy điều luật nào chứa các từ của câu hỏi.';
  const name = (h: HitExplanation) => (h.article ? `Điều ${h.article}` : 'mục này');
  const strongest = a.terms
    .slice(0, 3)
    .map((t) => `“${t.term}”`)
    .join(', ');
  const parts = [
    `${name(a)} đứng đầu (điểm ${a.score.toFixed(3)}) vì chứa nhiều từ quan trọng của câu hỏi nhất${strongest ? `, mạnh nhất là ${strongest}` : ''}.`,
  ];
  if (a.phrasings[0]) parts.push(`Câu hỏi gần với cách hội viên hay hỏi: “${a.phrasings[0].text}”.`);
  if (b) {
    const bTerms = new Set(b.terms.map((t) => t.term));
    const onlyA = a.terms
      .filter((t) => !bTerms.has(t.term))
      .slice(0, 3)
      .map((t) => `“${t.term}”`);
    const gap = a.score - b.score;
    parts.push(
      `${b.article ? `Điều ${b.article}` : 'Kết quả thứ hai'}${b.documentId !== a.documentId ? ' (văn bản khác)' : ''} kém ${gap.toFixed(3)} điểm` +
        (onlyA.length ? `; nó không có ${onlyA.join(', ')}.` : '.'),
    );
  }
  return parts.join(' ');
}

let cachedRows: VocabRow[] | null = null;
function bundledRows(): VocabRow[] {
  cachedRows ??= readVocabulary();
  return cachedRows;
}

const round = (x: number) => Number(x.toFixed(4));

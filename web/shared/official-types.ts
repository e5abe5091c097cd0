/** Shapes of the officials' tools (try a question, notes, gap report, reports, API keys). */

export interface TryTerm {
  term: string;
  weight: number;
  score: number;
  fields: ('body' | 'title' | 'member')[];
}

export interface TryHit {
  rank: number;
  document: { id: string; name: string; status: string };
  article: string | null;
  articleTitle: string | null;
  heading: string | null;
  clause: string | null;
  score: number;
  lexical: number;
  terms: TryTerm[];
  phrasings: { text: string; clause: string | null; score: number; shared: string[] }[];
  missing: string[];
  asks: number;
  meaning: string | null;
}

export interface TryResponse {
  expanded: string;
  concepts: string[];
  topics: string[];
  coverage: number;
  why: string;
  vocabulary: { line: number; topic: string; phrases: string[]; concepts: string[] }[];
  hits: TryHit[];
}

export interface ArticleNoteInput {
  clause?: string | null;
  point?: string | null;
  kind: 'ask' | 'meaning';
  text: string;
}

export interface ArticleNoteItem extends ArticleNoteInput {
  id: number;
  origin: 'bundled' | 'generated' | 'official';
}

export interface ArticleNotes {
  documentId: string;
  documentTitle: string;
  article: string;
  title: string | null;
  clauses: string[];
  text: string;
  notes: ArticleNoteItem[];
}

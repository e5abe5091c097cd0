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

export type GapReason = 'refused' | 'low_coverage' | 'handover' | 'disliked';

export interface GapGroup {
  topic: string | null;
  closest: { documentId: string; name: string; article: string | null; articleTitle: string | null; uploadedAt: string | null } | null;
  answeredNow: number;
  stillRefused: number;
  outranked: number;
  outrankedBy: string | null;
  count: number;
  reasons: Record<GapReason, number>;
  months: { month: string; count: number }[];
  examples: string[];
  words: string[];
  action: { kind: 'upload' | 'review_answers' | 'review_phrasings'; text: string };
}

export interface GapReport {
  days: number;
  totals: Record<GapReason, number>;
  groups: GapGroup[];
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  scopes: ('chat' | 'library')[];
  ratePerMin: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ReportMonth {
  month: string;
  questions: number;
  answers: number;
  outOfScope: number;
  helpful: number;
  notHelpful: number;
  helpfulRatio: number | null;
  handovers: number;
  handoversAnswered: number;
  medianHoursToAnswer: number | null;
}

export interface MonthlyReport {
  months: ReportMonth[];
  topics: { month: string; topic: string; count: number }[];
  /** Questions per channel the conversation was started on; "unknown" before it was recorded. */
  channels: { month: string; channel: 'web' | 'widget' | 'zalo' | 'api' | 'unknown'; count: number }[];
}

export interface DocumentComparison {
  old: { id: string; number: string | null; title: string; status: string };
  new: { id: string; number: string | null; title: string; status: string };
  added: { article: string; title: string | null }[];
  removed: { article: string; title: string | null }[];
  changed: {
    old: { article: string; title: string | null };
    new: { article: string; title: string | null };
    clauses: { clause: string; change: 'added' | 'removed' | 'changed'; diff: { op: 'same' | 'add' | 'del'; text: string }[] }[];
  }[];
  unchanged: number;
  answersToReview: { handoverId: number; question: string; documentId: string; article: string; reason: string }[];
}

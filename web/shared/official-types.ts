import type { GapReportBody } from './api.gen.js';

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

/** "Hội viên chưa được giải đáp" (server/insights/gaps.ts), generated from its route schema. */
export type GapReport = GapReportBody;
export type GapGroup = GapReportBody['groups'][number];
export type GapReason = keyof GapReportBody['totals'];

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

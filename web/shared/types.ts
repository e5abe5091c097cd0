/**
 * Response shapes of the Hiểu Luật HTTP API, as the server's route schemas declare them
 * (server/routes/*, server/admin/*). Shared by the web chat, the officials' console, the
 * embeddable widget and the Zalo Mini App (web/zalo/), so this file must stay framework-free.
 */

import type {
  ChatRequestBody,
  ChatResponseBody,
  ConversationBody,
  EmergencyBody,
  FeedbackRequestBody,
  HandoverCreatedBody,
  HandoverRequestBody,
} from './api.gen.js';

// ---- Member-facing shapes, generated from the server's route schemas (web/shared/api.gen.ts) ----

export type ChatRequest = ChatRequestBody;
export type ChatResponse = ChatResponseBody;
/** A cited khoản: `source` is the [n] the answer text refers to; a document without Điều has an empty `article` and its place in `section`. */
export type Citation = ChatResponseBody['citations'][number];
export type CitedDocument = Citation['document'];
export type EmergencyInfo = EmergencyBody;
export type EmergencyNumber = EmergencyBody['numbers'][number];
/** Danger found in the message: "emergency" comes with kind "emergency"; "urgent" is an answer with helplines above it. */
export type SafetyAlert = NonNullable<ChatResponseBody['safety']>;
/** Two or three next questions members typically ask about the neighbouring articles; tap to send. */
export type NextQuestion = ChatResponseBody['suggestions'][number];
export type Conversation = ConversationBody;
export type ConversationMessage = ConversationBody['messages'][number];
export type FeedbackRequest = FeedbackRequestBody;
export type HandoverRequest = HandoverRequestBody;
export type HandoverCreated = HandoverCreatedBody;

export type AnswerKind = 'answer' | 'emergency' | 'out_of_scope';
export type DocumentStatus = 'in_force' | 'partial' | 'expired' | 'replaced';
export type Role = 'admin' | 'editor';

export interface ApiErrorBody {
  error: string;
  message: string;
}

export interface ChatMetaEvent {
  conversationId: string;
  kind: AnswerKind;
  emergency?: EmergencyInfo;
  safety?: SafetyAlert;
}

export type ChatDoneEvent = Omit<ChatResponse, 'citations'> & { citations?: Citation[] };

export interface DocumentSummary {
  id: string;
  number: string | null;
  title: string;
  name: string;
  type: string;
  binding: boolean;
  issuer?: string | null;
  issued?: string | null;
  effective: string | null;
  status: DocumentStatus;
  statusLabel: string;
  statusNote?: string | null;
  replacedBy: string | null;
  scope?: string | null;
  topics?: string[];
  excerpt?: boolean;
  source?: string | null;
  origin?: string;
  articleCount?: number;
  chunkCount?: number;
  createdAt?: string;
  /** How officials cite it: "Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa". */
  reference?: string;
  /** Period of application of a plan: "năm 2026". */
  period?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  periodOver?: boolean;
  /** 'legal' (Điều), 'numbered' (parts and items) or 'headings' (cut by headings and paragraphs). */
  structureScheme?: 'legal' | 'numbered' | 'headings';
}

export interface AdminDocument extends DocumentSummary {
  sha256?: string;
  updatedAt?: string;
  hasOriginal?: boolean;
}

export interface ArticlePoint {
  label: string;
  text: string;
}

export interface ArticleClause {
  label: string;
  text: string;
  points: ArticlePoint[];
  /** The khoản the citation points at. */
  cited: boolean;
}

export interface ArticleView {
  document: DocumentSummary;
  article: string;
  title: string | null;
  /** Chương / Mục headings above the article. */
  path: string[];
  header: string;
  intro: string[];
  clauses: ArticleClause[];
  text: string;
}

/** A part of a document without Điều, for the source view (GET /api/sections/:documentId/:section). */
export interface SectionView {
  document: DocumentSummary;
  section: string[];
  /** Headings from the part down to the cited section: ["III. NHIỆM VỤ, GIẢI PHÁP", "2. Hỗ trợ …"]. */
  headingPath: string[];
  blocks: { section: string[]; heading: string; path: string[]; cited: boolean; lines: { text: string; cited: boolean }[] }[];
}

/** A phone number or address found in an official document (console). */
export interface DocumentContact {
  id: number;
  kind: 'phone' | 'address';
  value: string;
  label: string;
  section: string[] | null;
  confirmed: boolean;
  confirmedBy?: string | null;
  confirmedAt?: string | null;
}

export interface SearchHit {
  document: Pick<DocumentSummary, 'id' | 'number' | 'title' | 'name' | 'status' | 'binding' | 'type'>;
  article: string | null;
  articleTitle: string | null;
  heading: string | null;
  clause: string | null;
  text: string;
  header: string;
  score: number;
}

export interface SearchResponse {
  query: string;
  expanded: string;
  results: SearchHit[];
}

export interface OutlineNode {
  label: string;
  title?: string;
  children?: OutlineNode[];
}

export interface DocumentArticle {
  article: string | null;
  title: string | null;
  heading: string | null;
  path: string[];
  text: string;
}

export interface DocumentDetail {
  document: DocumentSummary;
  structure: OutlineNode[];
  articles: DocumentArticle[];
}

export interface Health {
  status: 'ok' | 'degraded';
  documents: number;
  chunks: number;
  embedder: { id: string; dimension: number };
  answerer: string;
  db: string;
  degraded?: string[];
}

// ---- Officials' console -------------------------------------------------------------------

export interface User {
  id: string;
  email: string;
  role: Role;
  disabled?: boolean;
  createdAt?: string | null;
  lastLoginAt?: string | null;
}

export interface LoginResponse {
  token: string;
  csrfToken: string;
  expiresAt?: string;
  user: User;
}

export interface MeResponse {
  user: User;
  csrfToken: string;
  expiresAt?: string;
}

export type UploadState = 'processing' | 'indexed' | 'error';

export interface UploadItem {
  id: string;
  filename: string;
  size?: number;
  state: UploadState;
  result?: 'added' | 'replaced' | 'skipped' | null;
  documentId?: string | null;
  documentTitle?: string | null;
  replacedId?: string | null;
  error?: string | null;
  errorCode?: string | null;
  articles?: number | null;
  chunks?: number | null;
  uploadedBy?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface UploadResponse {
  uploads: UploadItem[];
}

/** Optional metadata sent with an upload; dates YYYY-MM-DD, topics separated by ";". */
export interface UploadFields {
  number?: string;
  title?: string;
  type?: string;
  status?: DocumentStatus | '';
  effective?: string;
  issued?: string;
  issuer?: string;
  replacedBy?: string;
  topics?: string;
}

export interface PreviewResponse {
  filename?: string;
  format?: string;
  ocr?: boolean;
  pages?: number | null;
  documentId?: string;
  name?: string;
  meta: {
    title?: string;
    number?: string | null;
    type?: string;
    issuer?: string | null;
    issued?: string | null;
    effective?: string | null;
    status?: string | null;
    replacedBy?: string | null;
    topics?: string[];
    scope?: string | null;
    period?: string | null;
    periodStart?: string | null;
    periodEnd?: string | null;
  };
  /** 'headings' when the file has neither Điều nor numbered parts: it is cut by headings and paragraphs. */
  scheme?: 'legal' | 'numbered' | 'headings';
  structure: OutlineNode[];
  articles: number;
  sections?: number;
  chunks: number;
  sampleChunks?: { header: string; text: string }[];
  existing?: { documentId: string; title: string; relation: 'same_file' | 'same_number' } | null;
}

export interface DocumentPatch {
  title?: string;
  number?: string | null;
  type?: string;
  status?: DocumentStatus;
  statusNote?: string | null;
  effective?: string | null;
  issued?: string | null;
  issuer?: string | null;
  replacedBy?: string | null;
  scope?: string | null;
  topics?: string[];
  period?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

export interface ReindexResponse {
  documentId: string;
  mode: 'reparsed' | 'reembedded';
  articles: number;
  chunks: number;
  embedded: number;
}

export interface Insights {
  days?: number;
  totals?: {
    questions: number;
    answers: number;
    outOfScope: number;
    helpful: number;
    notHelpful: number;
    handoverPending: number;
  };
  topics: { topic: string; count: number }[];
  outOfScope: { question: string; topic?: string | null; at?: string; createdAt?: string }[];
  disliked?: {
    question: string | null;
    answerExcerpt?: string;
    answer?: string;
    comment: string | null;
    topic?: string | null;
    at?: string;
    createdAt?: string;
  }[];
  /** Older name of `disliked` in the first contract. */
  negative?: { question: string | null; answer?: string; comment: string | null; createdAt?: string }[];
}

export interface HandoverCitation {
  documentId: string;
  article: string;
  clause?: string | null;
  documentName?: string;
  articleTitle?: string | null;
}

export type HandoverState = 'pending' | 'answered' | 'approved';

export interface HandoverItem {
  id: number;
  question: string;
  note: string | null;
  reason?: 'refused' | 'disliked' | 'member_request';
  topic?: string | null;
  state: HandoverState;
  answer?: string | null;
  citations?: HandoverCitation[];
  createdAt: string;
  answeredBy?: string | null;
  answeredAt?: string | null;
  approvedBy?: string | null;
  approvedAt?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface EmbedOrigin {
  id: number;
  origin: string;
  note?: string | null;
  createdBy?: string | null;
  createdAt?: string;
}

export interface OriginsResponse {
  origins: EmbedOrigin[];
  /** From the CORS_ORIGINS setting: shown, not editable in the console. */
  fromConfig?: string[];
  /** Zalo Mini App origins, always allowed. */
  builtIn?: string[];
}

export interface NewUser {
  email: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  email?: string;
  role?: Role;
  password?: string;
  disabled?: boolean;
}

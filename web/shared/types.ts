/**
 * Response shapes of the Hiểu Luật HTTP API, as the server's route schemas declare them
 * (server/routes/*, server/admin/*). Shared by the web chat, the officials' console, the
 * embeddable widget and the Zalo Mini App (web/zalo/), so this file must stay framework-free.
 */

export type AnswerKind = 'answer' | 'emergency' | 'out_of_scope';
export type DocumentStatus = 'in_force' | 'partial' | 'expired' | 'replaced';
export type Role = 'admin' | 'editor';

export interface ApiErrorBody {
  error: string;
  message: string;
}

export interface CitedDocument {
  id: string;
  number: string | null;
  title: string;
  /** How a citation names the law: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
  name: string;
  binding: boolean;
  status: DocumentStatus | string;
  /** Documents without Điều, as officials cite them: "Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa". */
  reference?: string;
}

export interface Citation {
  document: CitedDocument;
  /** The Điều; empty for a document without Điều, which is cited by `section`. */
  article: string;
  /** Place in a document without Điều: ["III", "2"] is "mục III.2"; ["§2"] a section cut by headings. */
  section?: string[] | null;
  /** The cited section's heading (documents without Điều). */
  heading?: string | null;
  clause: string | null;
  point: string | null;
  quote: string;
  /** The [n] source number the answer text refers to. */
  source: number;
}

export interface EmergencyNumber {
  label: string;
  number: string;
}

export interface EmergencyInfo {
  numbers: EmergencyNumber[];
}

/**
 * Danger found in the message. "emergency" comes with kind "emergency"; "urgent" is an ordinary
 * answer with helplines shown above it (abuse that has stopped, a suspicious job offer abroad).
 */
export interface SafetyAlert {
  level: 'emergency' | 'urgent';
  numbers: EmergencyNumber[];
}

export interface ChatRequest {
  message: string;
  conversationId?: string;
  /** Ask the server not to keep this conversation beyond what the answer needs. */
  noHistory?: boolean;
  /** Zalo Mini App, when the member opts in: SHA-256 hex of her app-scoped Zalo id. */
  ownerKey?: string;
  /** Which client asks, for the officials' monthly report by channel. */
  channel?: 'web' | 'widget' | 'zalo';
}

export interface ChatResponse {
  conversationId: string;
  messageId: number;
  answer: string;
  citations: Citation[];
  kind: AnswerKind;
  /** True when the offline (extractive) answerer stood in for the language model. */
  fallback: boolean;
  /** True when the answer is one written and approved by union officials. */
  official?: boolean;
  emergency?: EmergencyInfo;
  safety?: SafetyAlert;
  /** Two or three next questions members typically ask about the neighbouring articles; tap to send. */
  suggestions?: NextQuestion[];
}

export interface NextQuestion {
  text: string;
  documentId?: string;
  article?: string;
}

export interface ChatMetaEvent {
  conversationId: string;
  kind: AnswerKind;
  emergency?: EmergencyInfo;
  safety?: SafetyAlert;
}

export type ChatDoneEvent = Omit<ChatResponse, 'citations'> & { citations?: Citation[] };

export interface ConversationMessage {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  kind?: AnswerKind | null;
  citations: Citation[];
  fallback?: boolean;
  official?: boolean;
  /** An official's answer to a question she handed over (delivered when it was approved). */
  reply?: { question: string };
  /** The next questions suggested with this answer when it was given. */
  suggestions?: NextQuestion[];
  createdAt: string;
}

export interface Conversation {
  id: string;
  messages: ConversationMessage[];
}

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

export interface FeedbackRequest {
  messageId: number;
  conversationId: string;
  rating: 1 | -1;
  comment?: string;
}

export interface HandoverRequest {
  messageId: number;
  conversationId: string;
  note?: string;
}

export interface HandoverCreated {
  id: number;
  state: string;
  created?: boolean;
  message: string;
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
  disliked?: { question: string | null; answerExcerpt?: string; answer?: string; comment: string | null; topic?: string | null; at?: string; createdAt?: string }[];
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

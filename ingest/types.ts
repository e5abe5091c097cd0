/** Shapes that flow through parse → structure → chunk → embed → store. */

export type DocumentStatus = 'in_force' | 'partial' | 'expired' | 'replaced';

export interface DocumentMeta {
  number?: string;
  title?: string;
  type?: string;
  issuer?: string;
  issued?: string; // ISO date
  effective?: string; // ISO date
  status?: DocumentStatus;
  statusNote?: string;
  replacedBy?: string;
  scope?: string;
  topics?: string[];
  excerpt?: boolean;
  articlesPresent?: string;
  missing?: string;
  source?: string;
  obtained?: string;
}

/** What a format parser returns: plain NFC text, one structural unit per line where possible. */
export interface ParsedText {
  format: 'txt' | 'pdf' | 'docx' | 'html';
  text: string;
  meta: DocumentMeta;
  /** True when the text came from OCR of page images. */
  ocr?: boolean;
  pages?: number;
}

export interface Clause {
  label: string; // '1', '8a'
  text: string; // the khoản's own line
  points: { label: string; text: string }[];
  /** Paragraphs that follow the điểm inside the khoản (rare). */
  tail: string[];
}

export interface Article {
  label: string; // '51', '8a'
  num: number;
  title: string;
  path: string[]; // ['Chương III', …] with titles, e.g. 'Chương III. QUAN HỆ GIỮA VỢ VÀ CHỒNG'
  intro: string[]; // paragraphs before the first khoản
  clauses: Clause[];
}

/** A heading/paragraph section of a non-legal document (provincial plans). */
export interface Section {
  path: string[];
  heading: string;
  paragraphs: string[];
}

export interface Structure {
  kind: 'legal' | 'sections';
  preamble: string[];
  articles: Article[];
  sections: Section[];
}

export interface OutlineNode {
  label: string;
  title?: string;
  children?: OutlineNode[];
}

export interface ChunkDraft {
  ordinal: number;
  path: string[];
  article?: string;
  articleNum?: number;
  articleTitle?: string;
  heading?: string;
  clauses: string[];
  points: Record<string, string[]>;
  part: number;
  header: string;
  text: string;
}

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
  /** Period of application as the text says it: "năm 2026", "giai đoạn 2021 - 2025". */
  period?: string;
  periodStart?: string; // ISO date
  periodEnd?: string; // ISO date
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

/**
 * A section of a document without Điều (provincial plans, decisions' attachments, guidance):
 * a Roman part, a numbered item or a run of one-line items, or, in a document with no numbering
 * at all, a heading with its paragraphs.
 */
export interface Section {
  /** Headings above it, with their titles: ['III. NHIỆM VỤ, GIẢI PHÁP']. */
  path: string[];
  /** Its own first line: the item or part heading ("2. Hỗ trợ người bị bạo lực gia đình"). */
  heading: string;
  paragraphs: string[];
  /**
   * Where it sits in the document's own numbering: ['III', '2']; ['§3'] for the third heading
   * of a document chunked by headings. Citations say "mục III.2".
   */
  labels: string[];
  /** Labels of the one-line items this section lists (["1", "2"] under "II. CHỈ TIÊU"). */
  items: string[];
  /** Lettered points under it, by their letter. */
  points: string[];
}

/** How a document without Điều was cut: by its numbering, or by headings and paragraphs. */
export type SectionScheme = 'numbered' | 'headings';

export interface Structure {
  kind: 'legal' | 'sections';
  /** For kind 'sections'. */
  scheme?: SectionScheme;
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
  /** Path in the document's own numbering for documents without Điều: ['III', '2']. */
  section?: string[];
  clauses: string[];
  points: Record<string, string[]>;
  part: number;
  header: string;
  text: string;
}

import type { Cited } from './cited.js';
import type { ArticleNote } from './index/corpus-index.js';
import type { TermSpellings } from './spellings.js';

/** Hybrid retrieval over article chunks; used by chat, /api/search and the evaluation alike. */

export interface SearchOptions {
  k?: number;
  /** Include documents that are hết hiệu lực or replaced (historic questions). */
  includeExpired?: boolean;
  /** Only these document types (Luật, Nghị định, Kế hoạch…). */
  types?: string[];
  /** Only documents tagged with one of these topics. */
  topics?: string[];
  /** Only binding (national) or only non-binding (provincial plan) sources. */
  binding?: boolean;
  /**
   * Earlier turns a follow-up leans on ("thế còn học nghề thì sao" after a question about loans):
   * their words help, but count less than the question's own.
   */
  context?: string;
  /** Search as if she named no law (the text in force beside an old one she named; cited.ts). */
  uncited?: boolean;
}

export interface HitDocument {
  id: string;
  number: string | null;
  title: string;
  /** Short citation name: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
  name: string;
  type: string;
  status: 'in_force' | 'partial' | 'expired' | 'replaced';
  binding: boolean;
  /**
   * Filled for documents without Điều (server/answer/provincial.ts, enrichHits): how officials
   * cite it ("Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa"), its short form
   * ("Kế hoạch 123/KH-UBND"), issuer, scope and period of application.
   */
  reference?: string;
  shortReference?: string;
  issuer?: string | null;
  issued?: string | null;
  scope?: string | null;
  period?: string | null;
  periodEnd?: string | null;
}

/** One article (or plan section), best chunk kept. */
export interface ArticleHit {
  document: HitDocument;
  chunkId: number;
  article: string | null;
  articleNum: number | null;
  articleTitle: string | null;
  heading: string | null;
  /** Place of a chunk of a document without Điều in its own numbering: ['III', '2']; null for articles. */
  section?: string[] | null;
  /** The khoản that best matches the question, when the article has khoản. */
  clause: string | null;
  clauses: string[];
  header: string;
  text: string;
  score: number;
  /** How members ask about this article and what it means for them (corpus/articles, article_notes). */
  notes?: ArticleNote[];
  /** In a part or chapter on inheritance ("THỪA KẾ", from the chunk's path): rank/inheritance.ts, answer/plain/heirs.ts. */
  inheritance?: true;
  /** In a section on divorce ("LY HÔN", from the chunk's path): answer/plain/divorce.ts. */
  divorce?: true;
  /** For an article indexed as several chunks, the text of the chunk retrieval found it by (text is the whole article). */
  foundBy?: string;
}

export interface SearchResult {
  /** The query after normalisation and colloquial → legal expansion. */
  expanded: string;
  /** Legal terms added from the vocabulary table (for display and debugging). */
  concepts: string[];
  /** Topics recognised in the question (vocabulary table), most specific first. */
  topics: string[];
  /** Folded query term → weight × IDF: lets the answerer pick the sentences that answer. */
  termWeights: Record<string, number>;
  /** The terms she typed with dấu → the spellings a sentence must hold to match them (spellings.ts). */
  termSpellings?: TermSpellings;
  /**
   * Share of the question's own information (IDF mass, unknown words included) found in the best
   * hit: low for questions about things the library does not cover.
   */
  coverage: number;
  /**
   * What she asks about apart from how she asks (query.ts `subject`): the topics read from her
   * subject's words, those words (folded), and the share of their information the best hit holds
   * (1 when every content word is an asking word). "vượt đèn đỏ bị phạt bao nhiêu" finds an article
   * on fines (coverage 0.75) that holds little of "vượt đèn đỏ".
   */
  subject?: { topics: string[]; terms: string[]; coverage: number };
  /** The law and articles she names (cited.ts), when she names one. */
  cited?: Cited;
  /**
   * Texts no longer in force that were in force when the act she asks a sanction for was done
   * (act-time.ts), by id: they still decide that act.
   */
  inForceThen?: string[];
  hits: ArticleHit[];
}

export interface Retriever {
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
}

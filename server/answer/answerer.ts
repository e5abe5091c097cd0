import type { ArticleHit } from '../retrieval/retriever.js';
import type { TermSpellings } from '../retrieval/spellings.js';

export interface Citation {
  document: {
    id: string;
    number: string | null;
    title: string;
    name: string;
    binding: boolean;
    status: string;
    /** Documents without Điều: "Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa". */
    reference?: string;
  };
  /** The Điều; empty for a document without Điều, which is cited by `section`. */
  article: string;
  /** Place in a document without Điều: ['III', '2'] is "mục III.2". */
  section?: string[] | null;
  /** The cited section's heading, for the source view (never put into `article`). */
  heading?: string | null;
  clause: string | null;
  point: string | null;
  quote: string;
  /** 1-based index into the sources given to the answerer. */
  source: number;
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export type AnswerKind = 'answer' | 'emergency' | 'out_of_scope';

/** Articles an emergency answer states anything from: what to do now comes first, the law stays brief. */
export const EMERGENCY_LEAD_HITS = 2;

export interface AnswerInput {
  question: string;
  /** Standalone question after follow-up resolution. */
  resolvedQuestion: string;
  hits: ArticleHit[];
  /** Folded query term → weight (from retrieval), to pick the sentences that answer. */
  termWeights: Record<string, number>;
  /** The terms she typed with dấu → the spellings a sentence must hold to match them. */
  termSpellings?: TermSpellings;
  /** Articles saying where to report / who must help, found for the question's topic. */
  nextSteps: ArticleHit[];
  /** Term weights of the next-step search, to quote the part of those articles that says where to go. */
  nextStepWeights: Record<string, number>;
  history: Turn[];
  kind: AnswerKind;
  /** Topics recognised in the question (vocabulary), most specific first: picks the next step. */
  topics?: string[];
  /**
   * Articles she named ("khoản 1 Điều 139 Bộ luật Lao động"), among the hits, with the khoản she
   * named: the answer states that one (retrieval/cited.ts).
   */
  named?: { chunkId: number; clause: string | null }[];
  /**
   * Texts no longer in force that were in force when the act she asks a sanction for was done
   * (retrieval/act-time.ts), by document id: the answer says they still decide it.
   */
  inForceThen?: readonly string[];
  /** The legal-aid number in effect (officials' setting, else the configured default), for the closing line and next step. */
  legalAidPhone: string;
  /**
   * Her other questions in the same message, each searched on its own (chat/steps/questions.ts):
   * the offline answer states a rule for each one its first rules do not answer.
   */
  alsoAsked?: AlsoAsked[];
  signal?: AbortSignal;
}

/** One of several questions in her message, with what its own search found. */
export interface AlsoAsked {
  question: string;
  hits: ArticleHit[];
  termWeights: Record<string, number>;
  termSpellings?: TermSpellings;
  topics?: string[];
}

export interface AnswerOutput {
  /**
   * From an answerer: the substance only, without the helplines above it or the closing line
   * (the chat's composer, server/chat/steps/compose.ts, adds those to every answer). From the
   * chat use case: the whole text, as stored and shown.
   */
  answer: string;
  citations: Citation[];
  /** True when the offline answerer stood in for a configured LLM. */
  fallback: boolean;
  /** Why it stood in (English, for the caller's log; never shown, never the member's words). */
  fallbackReason?: string;
  /** Citations the model made up and the filter removed (for the caller's log). */
  droppedCitations?: number;
}

/**
 * Makes a follow-up ("thế còn nếu chồng không đồng ý?") a standalone question from the turns
 * before it; null when it cannot. Chosen in the composition root (server/bootstrap.ts).
 */
export interface FollowUpRewriter {
  rewrite(history: Turn[], question: string): Promise<string | null>;
}

export interface Answerer {
  readonly id: string;
  /**
   * True when the answerer writes the province's part of an answer itself (a chat model given
   * the plans as sources); otherwise the chat use case adds it (server/answer/provincial.ts).
   */
  readonly writesProvincialPart?: boolean;
  /** Streams text through onToken as it is produced; resolves with the whole answer. */
  answer(input: AnswerInput, onToken?: (text: string) => void): Promise<AnswerOutput>;
}

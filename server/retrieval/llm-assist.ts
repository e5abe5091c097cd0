import { ChatOpenAI } from '@langchain/openai';
import { nfc } from '../../ingest/text/vietnamese.js';
import { render } from '../answer/templates.js';
import type { IndexedRetriever } from './hybrid.js';
import type { ArticleHit, SearchOptions, SearchResult } from './retriever.js';
import type { ProviderBreaker } from '../resilience/breaker.js';

/**
 * With a chat provider configured, the model helps retrieval twice, each time with a deadline
 * after which the offline path alone decides: it rewrites the member's words into the law's
 * vocabulary before search (searched beside her own words, which still lead), and it reorders
 * the best articles found. A reply that is late, fails or is not what was asked changes nothing.
 */
export interface QueryAssist {
  rewrite(question: string): Promise<string | null>;
  /** Indices into `hits`, best first; null to keep the retriever's order. */
  rerank(question: string, hits: ArticleHit[]): Promise<number[] | null>;
}

export interface LlmAssistOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs: number;
  /** The chat provider's breaker, shared with the answerer: an open circuit skips the aids too. */
  breaker?: ProviderBreaker;
}

/** Articles the model reorders: enough to recover a right answer ranked low, few enough to read fast. */
export const RERANK_DEPTH = 20;
const CACHE_SIZE = 500;
/** After a failure the model is left alone for a while rather than delaying every question. */
const COOL_DOWN_MS = 30_000;
const EXCERPT_CHARS = 300;

export class LlmQueryAssist implements QueryAssist {
  private readonly chat: ChatOpenAI;
  private readonly rewrites = new Map<string, string | null>();
  private failedAt = 0;

  constructor(private readonly opts: LlmAssistOptions) {
    this.chat = new ChatOpenAI({
      model: opts.model,
      apiKey: opts.apiKey ?? 'not-needed',
      temperature: 0,
      maxRetries: 0,
      timeout: opts.timeoutMs,
      useResponsesApi: false,
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
    });
  }

  async rewrite(question: string): Promise<string | null> {
    const key = nfc(question).trim();
    if (this.rewrites.has(key)) return this.rewrites.get(key)!;
    const text = await this.ask(render('llm-query-rewrite.vi.md', { question: key.replace(/"""/g, '"') }));
    // Garbage, an answer instead of a question, or an essay: not a rewrite.
    const rewritten = text && text.length <= 300 && /\p{L}{2,}/u.test(text) && !/[{}<>\u0000]/.test(text) ? nfc(text) : null;
    if (this.rewrites.size >= CACHE_SIZE) this.rewrites.delete(this.rewrites.keys().next().value!);
    this.rewrites.set(key, rewritten);
    return rewritten;
  }

  async rerank(question: string, hits: ArticleHit[]): Promise<number[] | null> {
    if (hits.length < 2) return null;
    const articles = hits
      .map(
        (h, i) =>
          `[${i + 1}] ${h.document.name} — ${h.article ? `Điều ${h.article}` : (h.heading ?? '')}${h.articleTitle ? `. ${h.articleTitle}` : ''}: ${h.text.slice(0, EXCERPT_CHARS).replace(/\s+/g, ' ')}`,
      )
      .join('\n');
    const text = await this.ask(render('llm-rerank.vi.md', { question: nfc(question).replace(/"""/g, '"'), articles }));
    return text ? parseOrder(text, hits.length) : null;
  }

  private async ask(prompt: string): Promise<string | null> {
    if (Date.now() - this.failedAt < COOL_DOWN_MS) return null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    try {
      const call = () => this.chat.invoke([['human', prompt]], { signal: controller.signal });
      const res = await (this.opts.breaker ? this.opts.breaker.run(call) : call());
      return typeof res.content === 'string' ? res.content.trim() : null;
    } catch {
      this.failedAt = Date.now();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** "[3, 1, 2]" → [2, 0, 1]: numbers in range, each once; anything else is not an order. */
export function parseOrder(text: string, n: number): number[] | null {
  const m = /\[[\d\s,]*\]/.exec(text);
  if (!m) return null;
  let nums: unknown;
  try {
    nums = JSON.parse(m[0]);
  } catch {
    return null;
  }
  if (!Array.isArray(nums)) return null;
  const seen = new Set<number>();
  for (const x of nums) if (Number.isInteger(x) && x >= 1 && x <= n) seen.add((x as number) - 1);
  return seen.size ? [...seen] : null;
}

/** The retriever with the model's help; everything the model does not place keeps its order. */
export function withQueryAssist(base: IndexedRetriever, assist: QueryAssist): IndexedRetriever {
  return {
    refresh: () => base.refresh(),
    current: () => base.current(),
    async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
      const k = Math.min(Math.max(opts.k ?? 10, 1), 50);
      const rewritten = await assist.rewrite(query);
      const context = [opts.context, rewritten].filter(Boolean).join('\n') || undefined;
      const r = await base.search(query, { ...opts, k: Math.max(k, RERANK_DEPTH), context });
      const order = await assist.rerank(query, r.hits.slice(0, RERANK_DEPTH));
      const hits = order ? [...order.map((i) => r.hits[i]!), ...r.hits.filter((_, i) => !order.includes(i))] : r.hits;
      return { ...r, hits: hits.slice(0, k) };
    },
  };
}

import { ChatOpenAI } from '@langchain/openai';
import type { ArticleHit } from '../retrieval/retriever.js';
import { EMERGENCY_LEAD_HITS, type AnswerInput, type AnswerOutput, type Answerer, type FollowUpRewriter, type Turn } from './answerer.js';
import { render } from './templates.js';
import { CitationFilter } from './validate.js';
import { citationFor, citationLabel } from './citation.js';
import { repeatsSystemPrompt } from '../resilience/prompt-leak.js';
import { RequestAborted } from '../errors.js';
import { NotProviderFault, type ProviderBreaker } from '../resilience/breaker.js';

export interface LlmOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
  /** Shared with every other caller of the chat provider: skip it for a while after repeated failures. */
  breaker?: ProviderBreaker;
}

const NO_BREAKER: ProviderBreaker = { run: (fn) => fn(), isOpen: () => false };

const MAX_SOURCES = 6;
const MAX_SOURCE_CHARS = 1800;

/**
 * Answers with a chat model (OpenAI or any OpenAI-compatible server) over numbered sources.
 * Output is released only after its citations are checked; a provider error, a slow first
 * token, an empty or uncited answer all fall back to the offline answer, marked as such.
 */
export class LlmAnswerer implements Answerer, FollowUpRewriter {
  readonly id: string;
  readonly writesProvincialPart = true;
  private readonly chat: ChatOpenAI;
  private readonly rewriter: ChatOpenAI;
  private healthy = true;
  private readonly breaker: ProviderBreaker;

  constructor(
    private readonly opts: LlmOptions,
    private readonly offline: Answerer,
  ) {
    this.id = `openai:${opts.model}`;
    this.breaker = opts.breaker ?? NO_BREAKER;
    const common = {
      model: opts.model,
      // Local OpenAI-compatible servers accept any key; the SDK refuses to start without one.
      apiKey: opts.apiKey ?? 'not-needed',
      temperature: 0.1,
      maxRetries: 0,
      timeout: opts.totalTimeoutMs,
      // Chat Completions is what vLLM, Ollama and llama.cpp speak.
      useResponsesApi: false,
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
    };
    this.chat = new ChatOpenAI({ ...common, streaming: true });
    // The rewrite is short and needed whole; a plain request is simpler than a stream.
    this.rewriter = new ChatOpenAI({ ...common, streaming: false });
  }

  /** False after the last call failed: shown as a degraded part in /api/health. */
  isHealthy(): boolean {
    return this.healthy && !this.breaker.isOpen();
  }

  async answer(input: AnswerInput, onToken?: (text: string) => void): Promise<AnswerOutput> {
    if (input.kind === 'out_of_scope' || input.hits.length === 0) return this.offline.answer(input, onToken);
    // An emergency answer keeps the law brief: what to do now comes first (server/chat/steps/compose.ts).
    const sources = [...input.hits.slice(0, input.kind === 'emergency' ? EMERGENCY_LEAD_HITS : MAX_SOURCES), ...input.nextSteps];
    const filter = new CitationFilter(sources);
    const held: string[] = [];
    let released = false;
    let emitted = '';
    let written = '';
    const emit = (t: string) => {
      if (!t) return;
      // An answer that recites the instructions obeyed an injection: withhold it, answer offline.
      written += t;
      if (repeatsSystemPrompt(written)) throw new NotProviderFault('LLM answer repeats the system prompt');
      // Nothing is shown until the model has cited a real source: garbage never reaches the screen.
      if (!released) {
        held.push(t);
        if (!filter.citations.length) return;
        released = true;
        t = held.join('');
      }
      emitted += t;
      onToken?.(t);
    };

    const controller = new AbortController();
    const abortOuter = () => controller.abort();
    input.signal?.addEventListener('abort', abortOuter);
    let firstToken = false;
    const timer = setTimeout(() => controller.abort(new Error('first token timeout')), this.opts.firstTokenTimeoutMs);
    try {
      await this.breaker.run(async () => {
        try {
          const stream = await this.chat.stream(
            [
              ['system', render('llm-system.vi.md')],
              ['human', render('llm-user.vi.md', { sources: formatSources(sources), question: input.resolvedQuestion.replace(/"{3,}/g, '”') })],
            ],
            { signal: controller.signal },
          );
          for await (const chunk of stream) {
            const text = typeof chunk.content === 'string' ? chunk.content : '';
            if (!text) continue;
            if (!firstToken) {
              firstToken = true;
              clearTimeout(timer);
            }
            emit(filter.push(text));
          }
        } catch (err) {
          // Her own abort (the tab closed) is not counted against the provider.
          if (input.signal?.aborted) throw new RequestAborted();
          throw err;
        }
        emit(filter.end());
        // The provider answered; what it wrote is unusable, which a cool-down would not change.
        if (!filter.citations.length || !emitted.trim()) throw new NotProviderFault('LLM answer had no valid citation');
      });
      this.healthy = true;
      // The closing line is the composer's (server/chat/steps/compose.ts), as for every answer.
      return { answer: emitted.trim(), citations: filter.citations, fallback: false, ...dropped(filter) };
    } catch (err) {
      // Her own abort (the tab closed) stops the stream too; it says nothing about the provider.
      if (input.signal?.aborted || err instanceof RequestAborted) throw new RequestAborted();
      this.healthy = false;
      const prefix = emitted ? '\n' : '';
      const note = `${prefix}${render('offline-fallback-note.vi.txt')}\n`;
      onToken?.(note);
      const off = await this.offline.answer(input, onToken);
      return {
        answer: `${emitted}${note}${off.answer}`,
        citations: [...filter.citations, ...off.citations],
        fallback: true,
        fallbackReason: (err as Error).message,
        ...dropped(filter),
      };
    } finally {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', abortOuter);
    }
  }

  /** Rewrites a follow-up into a standalone question; null when the model is unavailable. */
  async rewrite(history: Turn[], question: string): Promise<string | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.firstTokenTimeoutMs);
    try {
      const res = await this.breaker.run(() =>
        this.rewriter.invoke(
          [
            [
              'human',
              render('llm-rewrite.vi.md', {
                history: history.map((t) => `${t.role === 'user' ? 'Hội viên' : 'Trợ lý'}: ${t.content.slice(0, 400)}`).join('\n'),
                question,
              }),
            ],
          ],
          { signal: controller.signal },
        ),
      );
      const text = typeof res.content === 'string' ? res.content.trim() : '';
      return text && text.length < 500 ? text : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The count of invented citations, only when there were some. */
function dropped(filter: CitationFilter): { droppedCitations?: number } {
  return filter.dropped.length ? { droppedCitations: filter.dropped.length } : {};
}

function formatSources(sources: ArticleHit[]): string {
  return sources
    .map((s, i) => {
      const kind = s.document.binding ? 'văn bản pháp luật' : 'kế hoạch/chương trình của tỉnh';
      const status = s.document.status === 'in_force' || s.document.status === 'partial' ? '' : ', đã hết hiệu lực';
      // A document without Điều is cited as officials cite it, so the model never invents an "Điều".
      const cite =
        !s.article && (s.section?.length || s.heading)
          ? `; trích dẫn là "${citationLabel(citationFor(s, i + 1, null, null, ''))}", không có Điều${s.document.scope ? `; phạm vi: ${s.document.scope}` : ''}${s.document.period ? `; thời gian thực hiện: ${s.document.period}` : ''}`
          : '';
      return `[${i + 1}] ${s.header} (${kind}${status}${cite})\n${s.text.slice(0, MAX_SOURCE_CHARS)}`;
    })
    .join('\n\n');
}

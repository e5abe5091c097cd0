import { ChatOpenAI } from '@langchain/openai';
import { render } from '../answer/templates.js';
import type { Level } from './assess.js';
import type { ProviderBreaker } from '../resilience/breaker.js';

/**
 * A second reader for danger: with a provider configured (and SAFETY_LLM_CLASSIFY on), the
 * model reads the message too. It can only raise the level found offline, never lower it, so
 * a slow, failing or manipulated model can never hide an emergency.
 */
export interface DangerClassifier {
  classify(message: string): Promise<Level | null>;
}

export interface ClassifierOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** The answer is held back while the model reads: keep this short. */
  timeoutMs: number;
  /** The chat provider's breaker: while it is open the offline level stands without waiting. */
  breaker?: ProviderBreaker;
}

export function createLlmClassifier(opts: ClassifierOptions): DangerClassifier {
  const chat = new ChatOpenAI({
    model: opts.model,
    apiKey: opts.apiKey ?? 'not-needed',
    temperature: 0,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    useResponsesApi: false,
    streaming: false,
    configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
  });
  return {
    async classify(message) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
      try {
        const call = () =>
          chat.invoke(
            [
              ['system', render('safety-classify.vi.md')],
              ['human', message.replace(/"{3,}/g, '”')],
            ],
            { signal: controller.signal },
          );
        const res = await (opts.breaker ? opts.breaker.run(call) : call());
        return parseLevel(typeof res.content === 'string' ? res.content : '');
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The model's one-word verdict; anything else counts as no opinion. */
export function parseLevel(text: string): Level | null {
  const t = text.trim().toUpperCase();
  if (/^KHAN_CAP\b/.test(t)) return 'emergency';
  if (/^CAN_GIUP\b/.test(t)) return 'urgent';
  if (/^BINH_THUONG\b/.test(t)) return 'ordinary';
  return null;
}

export { raise } from './level.js';

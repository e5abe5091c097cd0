import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './embedder.js';
import { EmbedderError } from './embedder.js';

export interface OpenAIEmbedderOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  dimension?: number;
  batchSize?: number;
  timeoutMs?: number;
}

/** Embeddings from OpenAI or any OpenAI-compatible server (vLLM, Ollama, llama.cpp). */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly semantic = true;
  private client: OpenAIEmbeddings;
  private dim: number | undefined;

  constructor(private opts: OpenAIEmbedderOptions) {
    this.id = `openai:${opts.model}${opts.dimension ? `:${opts.dimension}` : ''}`;
    this.dim = opts.dimension;
    this.client = new OpenAIEmbeddings({
      model: opts.model,
      // Local servers accept any key; the SDK refuses to start without one.
      apiKey: opts.apiKey ?? 'not-needed',
      dimensions: opts.dimension,
      batchSize: opts.batchSize ?? 64,
      maxRetries: 1,
      timeout: opts.timeoutMs ?? 20_000,
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
    });
  }

  get dimension(): number {
    if (this.dim === undefined) throw new EmbedderError('dimension unknown until the first call to init()');
    return this.dim;
  }

  /** The dimension recorded with this model's stored vectors: start-up needs no provider call to learn it. */
  assumeDimension(dimension: number): void {
    this.dim ??= dimension;
  }

  /** Whether the dimension is known (configured, assumed or learnt). */
  get initialised(): boolean {
    return this.dim !== undefined;
  }

  /** Learns the dimension from the provider when it was not configured. */
  async init(): Promise<void> {
    if (this.dim !== undefined) return;
    const [v] = await this.embed(['thử']);
    this.dim = v!.length;
  }

  async embed(texts: string[]): Promise<number[][]> {
    let out: number[][];
    try {
      out = await this.client.embedDocuments(texts);
    } catch (err) {
      throw new EmbedderError(`embedding provider failed: ${(err as Error).message}`);
    }
    if (out.length !== texts.length || out.some((v) => !Array.isArray(v) || v.length === 0 || v.some((x) => !Number.isFinite(x)))) {
      throw new EmbedderError('embedding provider returned malformed vectors');
    }
    if (this.dim !== undefined && out.some((v) => v.length !== this.dim)) {
      throw new EmbedderError(`embedding provider returned vectors of the wrong dimension (expected ${this.dim})`);
    }
    return out;
  }
}

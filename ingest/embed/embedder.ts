/** Turns texts into unit vectors. Implementations: hashed (offline default) and OpenAI-compatible. */
export interface Embedder {
  /** Stable id recorded with the index, e.g. 'hashed-vi-v1' or 'openai:text-embedding-3-small'. */
  readonly id: string;
  readonly dimension: number;
  /**
   * Whether nearness of its vectors means nearness of meaning beyond shared words (a provider
   * model). Only such an embedder's ranking is fused into retrieval, and only its vectors get
   * the HNSW index; the offline hashed embedder repeats the lexical view. Absent means no.
   */
  readonly semantic?: boolean;
  embed(texts: string[]): Promise<number[][]>;
}

export class EmbedderError extends Error {
  override name = 'EmbedderError';
}

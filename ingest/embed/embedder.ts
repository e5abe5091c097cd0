/** Turns texts into unit vectors. Implementations: hashed (offline default) and OpenAI-compatible. */
export interface Embedder {
  /** Stable id recorded with the index, e.g. 'hashed-vi-v1' or 'openai:text-embedding-3-small'. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<number[][]>;
}

export class EmbedderError extends Error {
  override name = 'EmbedderError';
}

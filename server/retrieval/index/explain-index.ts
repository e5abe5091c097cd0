import type { Queryable } from '../../../store/db.js';
import { loadCorpusIndex, readCorpusVersion, type CorpusIndex } from './corpus-index.js';

/**
 * The corpus index the officials' tools (try a question, the gap report) read. It is a second copy
 * of the retriever's, built from the same Postgres rows for the same version, so explaining needs
 * nothing from the retriever's internals; it is dropped after a few idle minutes, because only an
 * official at the console uses it and it would otherwise double the index's memory for good.
 */
const IDLE_MS = 5 * 60_000;

export class ExplainIndex {
  private current: CorpusIndex | null = null;
  private building: Promise<CorpusIndex> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Queryable) {}

  async get(): Promise<CorpusIndex> {
    const version = await readCorpusVersion(this.db);
    this.touch();
    if (this.current?.version === version) return this.current;
    this.building ??= loadCorpusIndex(this.db, version).finally(() => {
      this.building = null;
    });
    this.current = await this.building;
    return this.current;
  }

  private touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.current = null;
    }, IDLE_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.current = null;
  }
}

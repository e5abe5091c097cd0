import type { ArticleView, Citation, SectionView } from './types.js';

/**
 * What a citation chip opens, for every chat face: a Điều of a law, or the part of a document
 * without Điều (a plan) that holds the cited section.
 */
export interface SourceRef {
  documentId: string;
  article: string;
  clause?: string | null;
  point?: string | null;
  /** A document without Điều: its place, ["III", "2"]. */
  section?: string[] | null;
  heading?: string | null;
}

export type LoadedSource = { kind: 'article'; view: ArticleView } | { kind: 'section'; view: SectionView };

interface SourceApi {
  article(documentId: string, article: string, clause?: string | null, signal?: AbortSignal): Promise<ArticleView>;
  section(documentId: string, section: readonly string[], point?: string | null, signal?: AbortSignal): Promise<SectionView>;
}

export function sourceOf(c: Citation): SourceRef {
  return { documentId: c.document.id, article: c.article, clause: c.clause, point: c.point, section: c.section ?? null, heading: c.heading ?? null };
}

/** A citation with a section and no Điều goes to the sections API; anything else is an article. */
export async function loadSource(api: SourceApi, ref: SourceRef, signal?: AbortSignal): Promise<LoadedSource> {
  if (ref.section?.length) return { kind: 'section', view: await api.section(ref.documentId, ref.section, ref.point, signal) };
  return { kind: 'article', view: await api.article(ref.documentId, ref.article, ref.clause, signal) };
}

/** A stable key for a source, to reload only when the chip opened is a different one. */
export function sourceKey(ref: SourceRef | null): string {
  return ref ? [ref.documentId, ref.article, ref.clause ?? '', ref.point ?? '', (ref.section ?? []).join('.')].join('|') : '';
}

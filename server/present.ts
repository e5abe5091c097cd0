import type { DocumentRow } from '../store/documents.js';
import { documentName, documentReference } from '../ingest/names.js';

export const STATUS_LABELS: Record<DocumentRow['status'], string> = {
  in_force: 'Còn hiệu lực',
  partial: 'Còn hiệu lực một phần',
  expired: 'Hết hiệu lực',
  replaced: 'Đã được thay thế',
};

export function presentDocument(d: DocumentRow) {
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    name: documentName(d),
    type: d.type,
    binding: d.binding,
    issuer: d.issuer,
    issued: d.issued,
    effective: d.effective,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    statusNote: d.status_note,
    replacedBy: d.replaced_by,
    scope: d.scope,
    topics: d.topics,
    excerpt: d.excerpt,
    source: d.source,
    origin: d.origin,
    articleCount: d.article_count,
    chunkCount: d.chunk_count,
    createdAt: new Date(d.created_at).toISOString(),
    reference: documentReference({ title: d.title, number: d.number ?? undefined, type: d.type, issued: d.issued ?? undefined, issuer: d.issuer ?? undefined }),
    period: d.period ?? null,
    periodStart: d.period_start ?? null,
    periodEnd: d.period_end ?? null,
    periodOver: periodOver(d.period_end),
    structureScheme: d.structure_scheme ?? 'legal',
  };
}

/** True when a plan's period of application ended before today (Vietnam's date). */
export function periodOver(periodEnd: string | null | undefined, today = todayInVietnam()): boolean {
  return Boolean(periodEnd && periodEnd < today);
}

export function todayInVietnam(now = new Date()): string {
  // UTC+7 all year: a plan for "năm 2025" is over from 1 January in Thanh Hóa, not in London.
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

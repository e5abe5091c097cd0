import type { DocumentRow } from '../store/documents.js';
import { documentName } from '../ingest/names.js';

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
    name: documentName({ title: d.title, number: d.number ?? undefined, issued: d.issued ?? undefined }),
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
  };
}

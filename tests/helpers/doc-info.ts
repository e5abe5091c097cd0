import type { DocInfo } from '../../server/retrieval/index/corpus-index.js';

/** A document as the index holds it: a law in force with no dates, its fields overridden as a test needs. */
export function docInfo(over: Partial<DocInfo> & Pick<DocInfo, 'id'>): DocInfo {
  return {
    number: over.id,
    title: over.id,
    type: 'Luật',
    issued: null,
    status: 'in_force',
    binding: true,
    topics: [],
    issuer: null,
    scope: null,
    period: null,
    periodEnd: null,
    effective: null,
    until: null,
    replacedBy: null,
    ...over,
  };
}

/** JSON schemas shared by routes; the response shapes are the contract of web, widget and Zalo. */

export const documentSummary = {
  type: 'object',
  required: ['id', 'title', 'type', 'status', 'binding'],
  properties: {
    id: { type: 'string' },
    number: { type: ['string', 'null'] },
    title: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    binding: { type: 'boolean' },
    issuer: { type: ['string', 'null'] },
    issued: { type: ['string', 'null'] },
    effective: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['in_force', 'partial', 'expired', 'replaced'] },
    statusLabel: { type: 'string' },
    statusNote: { type: ['string', 'null'] },
    replacedBy: { type: ['string', 'null'] },
    scope: { type: ['string', 'null'] },
    topics: { type: 'array', items: { type: 'string' } },
    excerpt: { type: 'boolean' },
    source: { type: ['string', 'null'] },
    origin: { type: 'string' },
    articleCount: { type: 'integer' },
    chunkCount: { type: 'integer' },
    createdAt: { type: 'string' },
  },
} as const;

export const errorResponse = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

/** The short form of a document inside a search hit or a citation. */
export const documentRef = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: ['string', 'null'] },
    title: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    binding: { type: 'boolean' },
  },
} as const;

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
    /** How officials cite it: "Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa". */
    reference: { type: 'string' },
    period: { type: ['string', 'null'] },
    periodStart: { type: ['string', 'null'] },
    periodEnd: { type: ['string', 'null'] },
    /** The period of application is over (periodEnd before today). */
    periodOver: { type: 'boolean' },
    /** 'legal' (Điều), 'numbered' (parts and items) or 'headings' (cut by headings and paragraphs). */
    structureScheme: { type: 'string', enum: ['legal', 'numbered', 'headings'] },
  },
} as const;

export const errorResponse = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

/** The short form of a document inside a search hit or a citation. */
export const documentRef = {
  type: 'object',
  // What every hit and citation carries (the clients' types are generated from this: web/shared/api.gen.ts).
  required: ['id', 'number', 'title', 'name', 'status', 'binding'],
  properties: {
    id: { type: 'string' },
    number: { type: ['string', 'null'] },
    title: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    binding: { type: 'boolean' },
    reference: { type: 'string' },
  },
} as const;

/**
 * A citation in an answer. A law's is `article` + `clause` + `point`; a document without Điều has
 * an empty `article` and its place in `section` (["III", "2"] = "mục III.2"), never a heading.
 */
export const citationSchema = {
  type: 'object',
  required: ['document', 'article', 'clause', 'point', 'quote', 'source'],
  properties: {
    document: documentRef,
    article: { type: 'string' },
    clause: { type: ['string', 'null'] },
    point: { type: ['string', 'null'] },
    section: { type: ['array', 'null'], items: { type: 'string' } },
    heading: { type: ['string', 'null'] },
    quote: { type: 'string' },
    source: { type: 'integer' },
  },
} as const;

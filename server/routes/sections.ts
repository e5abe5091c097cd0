import type { FastifyPluginAsync } from 'fastify';
import { readSection, type ChunkRow } from '../library/read.js';
import { notFound } from '../errors.js';
import { presentDocument } from '../present.js';
import { documentSummary, errorResponse } from './schemas.js';

interface Line {
  text: string;
  cited: boolean;
}

interface Block {
  section: string[];
  heading: string;
  /** Headings above this block ("III. NHIỆM VỤ, GIẢI PHÁP"). */
  path: string[];
  lines: Line[];
  cited: boolean;
}

// "III", "III.2", "III.2.a", "1.2", "§3": a place in a document's own numbering.
const SECTION_PATTERN = '^(?:[IVXLC]{1,6}|[0-9]{1,2}|§[0-9]{1,3})(?:\\.(?:[0-9]{1,2}|[a-zđ]))*$';

/**
 * The source view of a document without Điều: the whole top-level part that holds the cited
 * section (all of III for "mục III.2"), block by block with each block's heading path, the cited
 * block (and its cited item or point) marked, so the viewer opens at that part.
 */
const sections: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { documentId: string; section: string }; Querystring: { point?: string } }>(
    '/api/sections/:documentId/:section',
    {
      schema: {
        tags: ['documents'],
        summary: 'A part of a document without Điều (a plan’s "mục III.2"), with the cited section marked: the source view',
        params: {
          type: 'object',
          required: ['documentId', 'section'],
          properties: { documentId: { type: 'string', maxLength: 120 }, section: { type: 'string', maxLength: 40, pattern: SECTION_PATTERN } },
        },
        querystring: { type: 'object', additionalProperties: false, properties: { point: { type: 'string', pattern: '^[a-zđ]$' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              document: documentSummary,
              section: { type: 'array', items: { type: 'string' } },
              headingPath: { type: 'array', items: { type: 'string' } },
              blocks: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    section: { type: 'array', items: { type: 'string' } },
                    heading: { type: 'string' },
                    path: { type: 'array', items: { type: 'string' } },
                    cited: { type: 'boolean' },
                    lines: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, cited: { type: 'boolean' } } } },
                  },
                },
              },
            },
          },
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const wanted = req.params.section.split('.');
      const { doc, chunks } = await readSection(app.services, req.params.documentId, wanted);
      const blocks = toBlocks(chunks, wanted, req.query.point);
      const cited = blocks.find((b) => b.cited);
      if (!cited) throw notFound('section', 'Không tìm thấy mục này trong văn bản.');
      return { document: presentDocument(doc), section: wanted, headingPath: [...cited.path, cited.heading], blocks };
    },
  );
};

const key = (s: readonly string[]) => s.join('.');

/** Chunks in order → one block per section; pieces of a split section lose their repeated heading. */
export function toBlocks(chunks: ChunkRow[], wanted: string[], point?: string): Block[] {
  const blocks: Block[] = [];
  for (const c of chunks) {
    const section = c.section ?? [];
    const [heading, ...body] = c.text.split('\n');
    let b = blocks.at(-1);
    if (!b || key(b.section) !== key(section) || b.heading !== heading) {
      b = { section, heading: heading ?? '', path: c.path, lines: [], cited: false };
      blocks.push(b);
    }
    b.lines.push(...body.map((text) => ({ text, cited: false })));
  }
  // The cited block is the section itself, or the block that lists the cited one-line item.
  const exact = blocks.find((b) => key(b.section) === key(wanted));
  const parent = exact ? null : blocks.find((b) => key(b.section) === key(wanted.slice(0, -1)) && b.lines.some((l) => l.text.startsWith(`${wanted.at(-1)}. `)));
  const hit = exact ?? parent;
  if (hit) {
    hit.cited = true;
    for (const l of hit.lines) {
      if (parent && l.text.startsWith(`${wanted.at(-1)}. `)) l.cited = true;
      if (point && (l.text.startsWith(`${point})`) || l.text.startsWith(`${point}. `))) l.cited = true;
    }
  }
  return blocks;
}

export default sections;

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { documentName } from '../../ingest/names.js';
import { getDocument } from '../../store/documents.js';
import type { Services } from '../services.js';

/**
 * The library as MCP tools (Model Context Protocol), for assistants that look laws up themselves:
 * search it, read an article with its validity, check whether a document is in force. The same
 * retriever and store as the web chat; read-only. Served over stdio (`npm run mcp`) and over
 * streamable HTTP at /mcp behind an API key with the 'library' scope (server/mcp/http.ts).
 */

const STATUS_VI: Record<string, string> = {
  in_force: 'còn hiệu lực',
  partial: 'còn hiệu lực một phần',
  expired: 'hết hiệu lực',
  replaced: 'đã được thay thế',
};

const text = (value: unknown) => ({
  content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }],
  structuredContent: value as Record<string, unknown>,
});
const failure = (message: string) => ({ content: [{ type: 'text' as const, text: message }], isError: true });

export function createMcpServer(s: Services): McpServer {
  const server = new McpServer({ name: 'hieu-luat', version: '0.1.0' });

  server.registerTool(
    'search_library',
    {
      title: 'Tìm điều luật',
      description:
        'Tìm các điều luật trong thư viện Hiểu Luật phù hợp với một câu hỏi tiếng Việt (có dấu hay không dấu). Trả về điều, khoản, văn bản, hiệu lực và đoạn trích.',
      inputSchema: { query: z.string().min(1).max(500), k: z.number().int().min(1).max(20).optional(), includeExpired: z.boolean().optional() },
    },
    async ({ query, k, includeExpired }) => {
      const r = await s.retriever.search(query, { k: k ?? 5, includeExpired });
      return text({
        results: r.hits.map((h) => ({
          documentId: h.document.id,
          document: h.document.name,
          status: STATUS_VI[h.document.status] ?? h.document.status,
          article: h.article,
          articleTitle: h.articleTitle ?? h.heading,
          clause: h.clause,
          score: h.score,
          excerpt: h.text.slice(0, 600),
        })),
      });
    },
  );

  server.registerTool(
    'read_article',
    {
      title: 'Đọc một điều',
      description: 'Nguyên văn một điều của một văn bản trong thư viện, kèm hiệu lực của văn bản (và văn bản thay thế nếu có).',
      inputSchema: { documentId: z.string().min(1).max(120), article: z.string().min(1).max(20) },
    },
    async ({ documentId, article }) => {
      const doc = await getDocument(s.db, documentId);
      if (!doc) return failure(`Không có văn bản "${documentId}" trong thư viện.`);
      const rows = (
        await s.db.query<{ article_title: string | null; text: string }>(
          `select article_title, text from chunks where document_id = $1 and article = $2 order by ordinal`,
          [documentId, article],
        )
      ).rows;
      if (!rows.length) return failure(`Văn bản này không có Điều ${article}.`);
      return text({
        document: documentName(doc),
        article,
        title: rows[0]!.article_title,
        status: STATUS_VI[doc.status] ?? doc.status,
        inForce: doc.status === 'in_force' || doc.status === 'partial',
        replacedBy: doc.replaced_by,
        text: rows.map((r) => r.text).join('\n'),
      });
    },
  );

  server.registerTool(
    'document_status',
    {
      title: 'Văn bản còn hiệu lực không',
      description:
        'Cho biết một văn bản (theo số hiệu như 52/2014/QH13, hoặc mã trong thư viện) có trong thư viện không, còn hiệu lực không, hiệu lực từ ngày nào và văn bản nào thay thế.',
      inputSchema: { document: z.string().min(1).max(120) },
    },
    async ({ document }) => {
      const q = document.trim();
      const r = await s.db.query<{
        id: string;
        number: string | null;
        title: string;
        status: string;
        effective: string | null;
        issued: string | null;
        replaced_by: string | null;
        status_note: string | null;
      }>(
        `select id, number, title, status, to_char(effective, 'YYYY-MM-DD') as effective, to_char(issued, 'YYYY-MM-DD') as issued, replaced_by, status_note
           from documents where id = $1 or lower(number) = lower($1) limit 1`,
        [q],
      );
      const d = r.rows[0];
      if (!d) return text({ found: false, message: `Thư viện không có văn bản "${q}".` });
      return text({
        found: true,
        documentId: d.id,
        document: documentName(d),
        status: STATUS_VI[d.status] ?? d.status,
        inForce: d.status === 'in_force' || d.status === 'partial',
        effective: d.effective,
        replacedBy: d.replaced_by,
        note: d.status_note,
      });
    },
  );
  return server;
}

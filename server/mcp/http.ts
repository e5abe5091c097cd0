import type { FastifyPluginAsync } from 'fastify';
import { apiKeyFor } from '../api-keys/keys.js';

// The MCP SDK (with its HTTP framework and JSON-schema validator) is loaded at the first MCP
// request, not at start: most deployments never receive one, and it weighs on resident memory.
const loadMcp = async () => {
  const [{ StreamableHTTPServerTransport }, { createMcpServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('./server.js'),
  ]);
  return { StreamableHTTPServerTransport, createMcpServer };
};

/**
 * MCP over streamable HTTP at /mcp, stateless: each request gets its own server and transport, so
 * any instance can answer any request and nothing is held between calls. Behind an API key with
 * the 'library' scope; the reply is handed to the SDK with the headers our plugins set.
 */
const mcpHttp: FastifyPluginAsync = async (app) => {
  const handle = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    await apiKeyFor(req, 'library');
    const { StreamableHTTPServerTransport, createMcpServer } = await loadMcp();
    const server = createMcpServer(app.services);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, req.body);
  };
  app.post(
    '/mcp',
    { schema: { tags: ['mcp'], summary: 'MCP (streamable HTTP): tools search_library, read_article, document_status; API key with scope library' } },
    handle,
  );
  app.get('/mcp', { schema: { hide: true } }, handle);
  app.delete('/mcp', { schema: { hide: true } }, handle);
};

export default mcpHttp;

import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from '../../config/config.js';
import { createServices } from '../bootstrap.js';
import { createMcpServer } from './server.js';

/**
 * `npm run mcp`: the library's MCP tools over stdio, for a desktop assistant on the same machine.
 * Opens the store as the server does (DATA_DIR or DATABASE_URL); stdout belongs to the protocol,
 * so nothing else is printed there.
 */
const services = await createServices(loadConfig(process.env));
const server = createMcpServer(services);
await server.connect(new StdioServerTransport());
const stop = async () => {
  await server.close();
  await services.db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

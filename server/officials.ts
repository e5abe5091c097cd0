import type { FastifyPluginAsync } from 'fastify';
import authPlugin from './auth/plugin.js';
import authRoutes from './auth/routes.js';
import adminUsers from './admin/users.js';
import adminOrigins from './admin/origins.js';
import adminAudit from './admin/audit.js';
import adminInsights from './admin/insights.js';
import adminHandover from './admin/handover.js';
import adminDocuments from './admin/documents.js';
import tryQuestion from './admin/try-question.js';
import adminGaps from './admin/gaps.js';
import adminApiKeys from './admin/api-keys.js';
import adminReports from './admin/reports.js';
import adminCompare from './admin/compare.js';
import openaiCompatible from './openai/routes.js';
import mcpHttp from './mcp/http.js';
import uploads from './admin/uploads.js';
import memberFeedback from './feedback/routes.js';
import memberSettings from './settings/routes.js';

/**
 * The officials' console API (auth, corpus management, handover, insights, origins, users)
 * and the members' feedback routes. Register `auth/plugin.js` at the root before any route
 * plugin so the /api/admin safety net sees every route; it is added here when missing.
 */
const officials: FastifyPluginAsync = async (app) => {
  if (!app.hasDecorator('guardedRoutes')) await app.register(authPlugin);
  await app.register(authRoutes);
  await app.register(memberFeedback);
  await app.register(adminDocuments);
  await app.register(uploads);
  await app.register(adminHandover);
  await app.register(adminInsights);
  await app.register(tryQuestion);
  await app.register(adminGaps);
  await app.register(adminApiKeys);
  await app.register(adminReports);
  await app.register(adminCompare);
  // Other systems' faces (API keys made here): /v1 (OpenAI-compatible) and /mcp.
  await app.register(openaiCompatible);
  await app.register(mcpHttp);
  await app.register(adminUsers);
  await app.register(adminOrigins);
  await app.register(adminAudit);
  await app.register(memberSettings);
};

export default officials;

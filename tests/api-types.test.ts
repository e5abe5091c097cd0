import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, currentApiTypes } from '../scripts/api-types.js';

describe('client types come from the route schemas (web/shared/api.gen.ts)', () => {
  it('the committed file is what the routes say now — run `npm run api:types` after changing a member-facing schema', async () => {
    const now = await currentApiTypes();
    expect(now).toContain('export interface ChatResponseBody');
    expect(fs.readFileSync(API_TYPES_FILE, 'utf8')).toBe(now);
  }, 120_000);
});

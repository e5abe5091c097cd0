/** JSON schemas shared by the officials' console routes (the contract of web/'s console). */
import { errorResponse } from '../routes/schemas.js';

export { errorResponse };

export const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export const user = {
  type: 'object',
  required: ['id', 'email', 'role'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'editor'] },
    disabled: { type: 'boolean' },
    createdAt: { type: 'string' },
    lastLoginAt: { type: ['string', 'null'] },
  },
} as const;

/** Error responses every guarded route may give. */
export const guardedErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse } as const;

export const idParam = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 120 } },
} as const;

export const intIdParam = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const okResponse = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;

export const isoDate = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export function toIso(v: string | Date | null | undefined): string | null {
  return v == null ? null : new Date(v).toISOString();
}

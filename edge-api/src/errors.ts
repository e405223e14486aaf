// Errors as the API answers them: `{ error: { code, message, field?, details? } }`. Handlers and
// middleware throw an ApiError; the app's onError turns it into that body. One place for codes.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Refusal, RefusalCode } from '@spellgrid/backend/src/volunteer/refusal.ts';

export type ErrorCode =
  | 'bad-json' | 'bad-request' | 'bad-deck' | 'bad-field' | 'not-found' | 'not-done'
  | 'too-large' | 'rate-limited' | 'unavailable' | 'internal' | 'stale-request' | 'replay-gone' | RefusalCode;

export interface ErrorBody { error: { code: ErrorCode; message: string; field?: string; details?: unknown } }

export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: ErrorCode, message: string, readonly field?: string, readonly details?: unknown) {
    super(message);
  }
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, field: this.field, details: this.details } };
  }
}

/**
 * The issue to report: for a value that matches no branch of a union, the issue of the branch it
 * got furthest into (a field object with one bad deck is about that deck, not "not 'default'").
 */
function deepest(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  const inner = issue.errors.map((branch) => deepest(branch[0]!)).sort((a, b) => b.path.length - a.path.length)[0]!;
  return { path: [...issue.path, ...inner.path], message: inner.message };
}

/** `raw` checked against `schema`; a 400 naming the first bad field otherwise. */
export function check<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = deepest(r.error.issues[0]!);
  const field = issue.path.join('.');
  throw new ApiError(400, 'bad-request', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}

/** The JSON request body checked against `schema` (400 bad-json when it is not JSON). */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try { raw = await c.req.json(); } catch { throw new ApiError(400, 'bad-json', 'the request body is not valid JSON'); }
  return check(schema, raw);
}

/** The HTTP status of each refusal of the volunteer coordinator (backend/src/volunteer/refusal.ts). */
const REFUSAL_STATUS: Record<RefusalCode, ContentfulStatusCode> = {
  'bad-key': 400, 'bad-ticket': 400, 'bad-result': 400, 'unknown-ticket': 400,
  'unknown-contributor': 403, 'bad-signature': 403, 'not-your-ticket': 403,
  'handle-taken': 409, 'ticket-expired': 409, 'ticket-used': 409,
  'too-many-tickets': 429, 'no-work': 503, // POST /v1/jobs/tickets answers no-work with a 204 instead
};

export const refused = (r: Refusal, field?: string) => new ApiError(REFUSAL_STATUS[r.code], r.code, r.message, field);

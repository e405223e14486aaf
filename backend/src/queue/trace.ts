// W3C trace context (https://www.w3.org/TR/trace-context/) and a correlation id, carried in every
// message's headers: `traceparent` = 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>.
import { randomBytes, randomUUID } from 'node:crypto';

export const TRACEPARENT = 'traceparent';
export const CORRELATION_ID = 'correlation-id';

const FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceContext { traceId: string; spanId: string; flags: string }

export function parseTraceparent(header: string | undefined): TraceContext | undefined {
  const m = header === undefined ? null : FORMAT.exec(header);
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, spanId: m[2]!, flags: m[3]! };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A new trace (sampled). */
export function newTraceparent(): string {
  return `00-${hex(16)}-${hex(8)}-01`;
}

/** A child span in the same trace as `parent` (a new trace when `parent` is missing or invalid). */
export function childTraceparent(parent: string | undefined): string {
  const p = parseTraceparent(parent);
  return p ? `00-${p.traceId}-${hex(8)}-${p.flags}` : newTraceparent();
}

/** Headers for a message caused by a message with `incoming` headers (or a new trace and id). */
export function traceHeaders(incoming: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { [TRACEPARENT]: childTraceparent(incoming[TRACEPARENT]), [CORRELATION_ID]: incoming[CORRELATION_ID] ?? randomUUID() };
}

// Structured logs: one JSON object per line on stdout, written by pino. Code logs through a plain
// `Log` function (tests pass one that collects lines); `pinoLog` is the one processes use. Each
// line carries time, level (its name, for Loki), service, msg, the correlation ids of the work in
// hand (the HTTP request id, the prediction id: withLogFields) and, when tracing is on, the
// active span's trace_id and span_id. docs/operations.md (Logs) documents the fields.
import { AsyncLocalStorage } from 'node:async_hooks';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, stdTimeFunctions, type DestinationStream, type Level } from 'pino';

export type Log = (fields: Record<string, unknown>) => void;

/** The processes that log (the `service` field). */
export type Service = 'api' | 'worker' | 'aggregator';

const LEVELS = new Set<string>(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

const scope = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `f` with `fields` (e.g. requestId, prediction) added to every line logged within it, through every await. */
export function withLogFields<T>(fields: Record<string, unknown>, f: () => T): T {
  return scope.run({ ...scope.getStore(), ...fields }, f);
}

/** The correlation ids of the work in hand: its log fields and the active span. */
function correlation(): Record<string, unknown> {
  const span = trace.getActiveSpan()?.spanContext();
  const ids = span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
  return { ...scope.getStore(), ...ids };
}

/**
 * A Log writing through pino to `destination` (default stdout), from LOG_LEVEL up (default info).
 * A line's `level` (trace|debug|info|warn|error|fatal, default info) picks its pino level.
 */
export function pinoLog(service: Service, o: { level?: string; destination?: DestinationStream } = {}): Log {
  const level = o.level ?? process.env.LOG_LEVEL ?? 'info';
  if (!LEVELS.has(level) && level !== 'silent') throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')} or silent (got "${level}")`);
  const logger = pino({
    level, base: { service, pid: process.pid }, timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: correlation,
  }, o.destination);
  return ({ level: l, msg, ...fields }) => {
    const at = (typeof l === 'string' && LEVELS.has(l) ? l : 'info') as Level;
    if (logger.isLevelEnabled(at)) logger[at](fields, typeof msg === 'string' ? msg : String(msg ?? fields.event ?? ''));
  };
}

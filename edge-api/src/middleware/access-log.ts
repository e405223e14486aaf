// One structured log line per request: method, path, status, milliseconds, request id; and the
// request id on every line logged while the request is handled (observability/log.ts).
import type { MiddlewareHandler } from 'hono';
import { withLogFields, type Log } from '@spellgrid/backend/src/observability/log.ts';

export function accessLog(log: Log): MiddlewareHandler {
  return async function accessLog(c, next) {
    const t0 = performance.now();
    const requestId = c.get('requestId');
    await withLogFields({ requestId }, next);
    log({
      level: 'info', msg: 'request', method: c.req.method, path: c.req.path, status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10, requestId,
    });
  };
}

// One structured log line per request: method, path, status, milliseconds, request id.
import type { MiddlewareHandler } from 'hono';
import type { Log } from '../log.ts';

export function accessLog(log: Log): MiddlewareHandler {
  return async function accessLog(c, next) {
    const t0 = performance.now();
    await next();
    log({
      level: 'info', msg: 'request', method: c.req.method, path: c.req.path, status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10, requestId: c.get('requestId'),
    });
  };
}

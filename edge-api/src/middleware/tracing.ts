// A SERVER span per request (observability/tracing.ts), child of the caller's `traceparent` when
// it sends one, named by the matched route; the handler's spans (a prediction's run) are its children.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { ROOT_CONTEXT, SpanKind, propagation } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import { inSpan } from '@spellgrid/backend/src/observability/tracing.ts';

export function tracing(): MiddlewareHandler {
  return async function tracing(c, next) {
    const parent = propagation.extract(ROOT_CONTEXT, c.req.header());
    await inSpan(c.req.method, { kind: SpanKind.SERVER, parent, attributes: { [ATTR_HTTP_REQUEST_METHOD]: c.req.method, [ATTR_URL_PATH]: c.req.path, 'spellgrid.request_id': c.get('requestId') } }, async (span) => {
      await next();
      const route = routePath(c, -1);
      if (!route.endsWith('*')) span.updateName(`${c.req.method} ${route}`).setAttribute(ATTR_HTTP_ROUTE, route);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, c.res.status);
    });
  };
}

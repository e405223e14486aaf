// Prometheus metrics: requests and their latency by method, route and status, in `registry`
// (made with prom-client's default process metrics; Spellgrid's own are added there by telemetry.ts).
// Each app has its own registry, so apps in one process (tests) do not clash.
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@spellgrid/backend/src/observability/metrics.ts';

export interface Metrics {
  middleware: MiddlewareHandler;
  /** The `/metrics` handler: every metric in Prometheus text format. */
  handler: (c: Context) => Promise<Response>;
}

export function metrics(registry = metricsRegistry()): Metrics {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time to answer an HTTP request', labelNames, registers: [registry],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  });
  return {
    async middleware(c, next) {
      const t0 = performance.now();
      await next();
      // The route pattern, not the path, so ids do not make a label each; unmatched paths share one.
      const path = routePath(c, -1);
      const labels = { method: c.req.method, route: path.endsWith('*') ? 'unmatched' : path, status: String(c.res.status) };
      requests.inc(labels);
      latency.observe(labels, (performance.now() - t0) / 1000);
    },
    async handler(c) {
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    },
  };
}

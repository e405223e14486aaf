// The Spellgrid API as a Hono app: one sub-app per resource, mounted under /v1, behind the
// middleware every request passes (request id, trace span, log, metrics, secure headers, CORS, body limit,
// rate limit). No server here: server.ts serves it, tests call `app.request()`.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Config } from './config.ts';
import { ApiError } from './errors.ts';
import type { Log } from '@spellgrid/backend/src/observability/log.ts';
import { accessLog } from './middleware/access-log.ts';
import type { Registry } from 'prom-client';
import { metrics } from './middleware/metrics.ts';
import { tracing } from './middleware/tracing.ts';
import { rateLimit, tokenBuckets, type RateLimitOptions } from './middleware/rate-limit.ts';
import { openApiDocument } from './openapi.ts';
import type { PredictionService } from '@spellgrid/backend/src/predictions/service.ts';
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import { cards } from './routes/cards.ts';
import { contributors } from './routes/contributors.ts';
import { decks } from './routes/decks.ts';
import { health } from './routes/health.ts';
import { jobs } from './routes/jobs.ts';
import { predictions, replays } from './routes/predictions.ts';
import { webApp } from './static.ts';
import type { Volunteers } from './volunteers.ts';

export interface AppOptions {
  config: Pick<Config, 'webOrigin' | 'bodyLimitBytes' | 'rateLimit' | 'contributorRateLimit'>;
  pool: CardPool;
  predictions: PredictionService;
  /** An engine on the main thread for re-simulating replays (loaded on first use). */
  engine: () => Promise<Engine>;
  volunteers: Volunteers;
  log: Log;
  /** Readiness beyond the loaded pool (server.ts turns it off when shutting down). */
  ready?: () => boolean;
  /** The rate limiters' client key and clock (tests). */
  rateLimit?: Pick<RateLimitOptions, 'client' | 'now'>;
  /** The Prometheus registry /metrics serves, holding Spellgrid's own metrics (telemetry.ts); a fresh one when undefined. */
  registry?: Registry;
  /** The built web app (web/dist) to serve at / (static.ts); none when undefined. */
  webDist?: string;
}

export function createApp(o: AppOptions) {
  const m = metrics(o.registry);
  const document = openApiDocument();
  const app = new Hono<{ Variables: RequestIdVariables }>();
  app.use(requestId(), tracing(), accessLog(o.log), m.middleware, secureHeaders());
  app.use('/v1/*',
    cors({ origin: (origin) => (origin === o.config.webOrigin ? origin : null), allowMethods: ['GET', 'POST'], exposeHeaders: ['Location', 'Retry-After', 'X-Request-Id'] }),
    rateLimit({ ...o.config.rateLimit, ...o.rateLimit }),
    bodyLimit({ maxSize: o.config.bodyLimitBytes, onError: () => { throw new ApiError(413, 'too-large', `the request body is over ${o.config.bodyLimitBytes} bytes`); } }),
  );

  app.route('/', health(o.pool, o.ready ?? (() => true)));
  app.get('/metrics', m.handler);
  app.get('/v1/openapi.json', (c) => c.json(document));
  app.route('/v1/decks', decks(o.pool));
  app.route('/v1/cards', cards(o.pool));
  app.route('/v1/predictions', predictions(o.predictions, o.pool));
  app.route('/v1/replays', replays(o.predictions, o.engine));
  app.route('/v1', contributors(o.volunteers));
  app.route('/v1/jobs', jobs(o.volunteers, tokenBuckets({ ...o.config.contributorRateLimit, now: o.rateLimit?.now })));
  if (o.webDist !== undefined) app.use('*', webApp(o.webDist));

  app.notFound((c) => c.json(new ApiError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`).body(), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status);
    // Never a stack trace or an internal message in a response: the log has them, under the request id.
    const id = c.get('requestId');
    o.log({ level: 'error', msg: 'unhandled error', requestId: id, method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return c.json(new ApiError(500, 'internal', `internal error; request id ${id}`).body(), 500);
  });
  return app;
}

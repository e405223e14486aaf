// An app for tests: the real card pool, logs collected in memory, a controllable rate-limit
// clock, and a prediction service of the test's choosing (a stub unless it asks for the real one).
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { createApp, type AppOptions } from './app.ts';
import type { PredictionService } from './prediction-service.ts';

export const WEB_ORIGIN = 'http://localhost:5173';

/** A service with no predictions; every method can be replaced. */
export const noPredictions: PredictionService = {
  submit: () => { throw new Error('not in this test'); },
  status: () => undefined,
  result: () => undefined,
  close: async () => {},
};

export function testApp(o: Partial<Omit<AppOptions, 'log' | 'pool'>> & { burst?: number; bodyLimitBytes?: number } = {}) {
  const logs: Record<string, unknown>[] = [];
  const clock = { ms: 0 };
  const app = createApp({
    config: { webOrigin: WEB_ORIGIN, bodyLimitBytes: o.bodyLimitBytes ?? 256 * 1024, rateLimit: { burst: o.burst ?? 1000, perSecond: 1 } },
    pool: loadPool(),
    predictions: o.predictions ?? noPredictions,
    log: (f) => void logs.push(f),
    ready: o.ready,
    rateLimit: { now: () => clock.ms },
  });
  return { app, logs, clock };
}

/** A JSON POST as a browser or curl would send it. */
export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
});

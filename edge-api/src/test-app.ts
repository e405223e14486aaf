// An app for tests: the real card pool, logs collected in memory (unless the test passes its log), a controllable rate-limit
// clock, a prediction service of the test's choosing (a stub unless it asks for the real one) and
// a volunteer coordinator on that clock whose replay answers what the test says.
import { loadEngine, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { once } from './once.ts';
import { openCoordinator } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { newKeyPair } from '@spellgrid/backend/src/volunteer/signature.ts';
import { memoryStore } from '@spellgrid/backend/src/volunteer/store.ts';
import type { Replay } from '@spellgrid/backend/src/volunteer/verify.ts';
import { createApp, type AppOptions } from './app.ts';
import type { PredictionService } from '@spellgrid/backend/src/predictions/service.ts';
import { volunteers } from './volunteers.ts';

export const WEB_ORIGIN = 'http://localhost:5173';

/** A service with no predictions; every method can be replaced. */
export const noPredictions: PredictionService = {
  submit: () => { throw new Error('not in this test'); },
  status: async () => undefined,
  rounds: async () => undefined,
  live: () => [],
  record: async () => undefined,
  idle: async () => {},
  close: () => {},
};

/** The engine, loaded once for all tests of a file that need it. */
export const testEngine = once(() => loadEngine());

export const TICKET_MS = 60_000;

export function testApp(o: Partial<Omit<AppOptions, 'pool'>> & { burst?: number; contributorBurst?: number; bodyLimitBytes?: number; replay?: Replay } = {}) {
  const logs: Record<string, unknown>[] = [];
  const log = o.log ?? ((f: Record<string, unknown>) => void logs.push(f));
  const clock = { ms: 0 };
  const coordinator = openCoordinator({
    store: memoryStore(), signingKey: newKeyPair().privateKey, sampleSecret: 'a test sample secret', engine: 'test-engine', irHash: 'test-ir',
    replay: o.replay ?? (async () => { throw new Error('no replay in this test'); }), clock: () => clock.ms, ticketMs: TICKET_MS, maxOutstanding: 2,
  });
  const app = createApp({
    config: {
      webOrigin: WEB_ORIGIN, bodyLimitBytes: o.bodyLimitBytes ?? 256 * 1024, rateLimit: { burst: o.burst ?? 1000, perSecond: 1 },
      contributorRateLimit: { burst: o.contributorBurst ?? 1000, perSecond: 1 },
    },
    pool: loadPool(),
    predictions: o.predictions ?? noPredictions,
    engine: testEngine,
    volunteers: o.volunteers ?? volunteers(async () => coordinator, { ticketMs: TICKET_MS, log }),
    log,
    ready: o.ready,
    rateLimit: { now: () => clock.ms },
  });
  return { app, logs, clock, coordinator };
}

/** A JSON POST as a browser or curl would send it. */
export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
});

// A worker skips a slice planned for another engine build instead of failing on it: a failure
// would deliver it again forever and hold up every slice behind it on its partition (a rollout, or
// slices left by an API that has since been upgraded).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeck } from '@spellgrid/engine-as/src/host/node.ts';
import type { MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { metricsRegistry, workerMetrics } from '../observability/metrics.ts';
import { memoryQueue } from '../queue/memory.ts';
import { until } from '../queue/queue.conformance.ts';
import { jobKey, type SimBatch, type SimResult } from './messages.ts';
import { startWorker } from './worker.ts';

let runner: Runner;
before(async () => { runner = await openRunner({ workers: 1 }); });
after(() => runner?.close());

test('a slice planned for another engine build is skipped (logged, counted) and the slice behind it is played', async () => {
  const queue = memoryQueue({ retryMs: 10 });
  const registry = metricsRegistry();
  const logs: Record<string, unknown>[] = [];
  try {
    await queue.ensureTopics();
    const results: SimResult[] = [];
    const spy = await queue.subscribe({ topic: 'sim.results', group: 'spy', handler: async (m) => void results.push(JSON.parse(m.value) as SimResult) });
    const worker = await startWorker({ queue, runner, log: (f) => void logs.push(f), ...workerMetrics(registry) });
    const match: MatchJob = { id: 'm', decks: [findDeck('Cats+Elves').name, findDeck('Goblins+Wizards').name], agents: ['heuristic', 'heuristic'], games: 4, seed: 3, engine: runner.engine, irHash: runner.irHash };
    const stale: MatchJob = { ...match, engine: 'an-older-build' };
    const batch = (m: MatchJob): SimBatch => ({ prediction: 'p', job: jobKey(m), match: m, first: 0, count: 4 });
    // one key, so both go to one partition in order: the stale slice first
    await queue.publish('sim.jobs', [{ key: 'k', value: JSON.stringify(batch(stale)) }, { key: 'k', value: JSON.stringify(batch(match)) }]);
    await until(() => results.length >= 1, 30_000, 'the current slice played');
    await worker.stop();
    await spy.stop();
    assert.deepEqual(results.map((r) => [r.job, r.records.length]), [[jobKey(match), 4]], 'only the current build\'s slice was played');
    const page = await registry.metrics();
    assert.match(page, /^spellgrid_worker_slices_skipped_total 1$/m);
    assert.match(page, /^spellgrid_worker_games_total 4$/m);
    const warning = logs.find((l) => l.msg === 'slice skipped: planned for another engine build');
    assert.deepEqual(warning?.planned, { engine: 'an-older-build', irHash: runner.irHash });
  } finally {
    await queue.close();
  }
});

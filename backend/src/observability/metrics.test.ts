// The cluster processes' metrics endpoint: /healthz, /readyz following readiness, and /metrics
// with the worker's games and slice times and the aggregator's stored and duplicate games, on the
// in-process queue; on a real Kafka (TEST_KAFKA_BROKERS), a worker process (main.ts) scraped while
// it plays a prediction's games, and the queue lag read from the broker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findDeck, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { predict, type PredictionRequest } from '../predict.ts';
import { startAggregator } from '../cluster/aggregator.ts';
import type { SimResult } from '../cluster/messages.ts';
import { openPublisher } from '../cluster/publisher.ts';
import { startWorker } from '../cluster/worker.ts';
import { deleteTopics, kafkaLag, kafkaQueue, parseBrokers } from '../queue/kafka.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from '../queue/kafka-testing.ts';
import { memoryQueue } from '../queue/memory.ts';
import { until } from '../queue/queue.conformance.ts';
import { memoryOutcomeStore } from '../storage/outcomes.ts';
import { aggregatorMetrics, metricsRegistry, queueLagMetric, serveMetrics, workerMetrics } from './metrics.ts';

const pool = loadPool();
const deck = (spec: string) => ({ name: findDeck(spec).name, cards: findDeck(spec).cards });
const request: PredictionRequest = {
  deck: deck('Cats+Elves'), field: { name: 'one deck', decks: [{ name: 'Goblins + Wizards', share: 1, deck: deck('Goblins+Wizards') }] },
  target: 0.4, budget: 16, batch: 16, seed: 9, placement: { events: 10 }, parallel: 1,
};
const name = (c: number) => pool.card(c).name;

/** The value of one sample (`name{labels}`) in a Prometheus text page, or undefined. */
function sample(page: string, series: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let runner: Runner;
before(async () => { runner = await openRunner({ workers: 1 }); });
after(() => runner?.close());

test('serveMetrics: /healthz always, /readyz once ready, /metrics with the worker\'s and the aggregator\'s games (a re-delivered slice counted as duplicate)', async () => {
  const registry = metricsRegistry();
  let ready = false;
  const server = await serveMetrics({ registry, ready: () => ready, port: 0, host: '127.0.0.1' });
  const queue = memoryQueue({ retryMs: 10 });
  try {
    const get = (path: string) => fetch(`${server.url}${path}`);
    assert.equal((await get('/healthz')).status, 200);
    assert.equal((await get('/readyz')).status, 503);
    assert.equal((await get('/nothing')).status, 404);
    await queue.ensureTopics();
    const results: SimResult[] = [];
    const consumers = [
      await startWorker({ queue, runner, ...workerMetrics(registry) }),
      await startAggregator({ queue, outcomes: memoryOutcomeStore(), onStored: aggregatorMetrics(registry), afterStore: (r) => void results.push(r) }),
    ];
    ready = true;
    assert.equal((await get('/readyz')).status, 200);
    const publisher = await openPublisher({ queue, sliceGames: 8 });
    const got = await predict(request, publisher.play('p1'), name);
    await publisher.close();
    let page = await (await get('/metrics')).text();
    assert.equal(sample(page, 'spellgrid_worker_games_total'), got.games);
    assert.ok(sample(page, 'spellgrid_worker_slice_duration_seconds_count')! >= 2, 'each slice timed');
    assert.equal(sample(page, 'spellgrid_aggregator_games_total{outcome="stored"}'), got.games);
    assert.equal(sample(page, 'spellgrid_aggregator_games_total{outcome="duplicate"}'), 0);
    assert.ok(sample(page, 'process_cpu_seconds_total') !== undefined, "prom-client's default metrics");
    // a slice delivered again is not stored again
    const again = results[0]!;
    await queue.publish('sim.results', [{ key: 'again', value: JSON.stringify(again) }]);
    await until(() => results.length > got.games / 8, 10_000, 'the slice delivered again');
    page = await (await get('/metrics')).text();
    assert.equal(sample(page, 'spellgrid_aggregator_games_total{outcome="duplicate"}'), again.records.length);
    assert.equal(sample(page, 'spellgrid_aggregator_games_total{outcome="stored"}'), got.games);
    for (const c of consumers) await c.stop();
    ready = false;
    assert.equal((await get('/readyz')).status, 503);
  } finally {
    await queue.close();
    await server.close();
  }
});

test('real Kafka: a worker process (main.ts) serves /readyz once in its group, and /metrics counts the games it plays; the queue lag is read from the broker', { skip: withoutKafka, timeout: 180_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const queue = kafkaQueue({ brokers, prefix, sessionTimeoutMs: 6000 });
  const lag = kafkaLag({ brokers, prefix });
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../cluster/main.ts', import.meta.url)), 'worker'], {
    env: { ...process.env, KAFKA_BROKERS: TEST_KAFKA_BROKERS, KAFKA_PREFIX: prefix, SPELLGRID_WORKERS: '1', METRICS_PORT: '0', METRICS_HOST: '127.0.0.1', KAFKA_SESSION_TIMEOUT_MS: '6000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(JSON.parse(l)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await until(() => lines.some((l) => l.event === 'metrics'), 60_000, 'the metrics endpoint');
    const url = String(lines.find((l) => l.event === 'metrics')!.url);
    const readyz = async () => (await fetch(`${url}/readyz`)).status;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    await until(() => lines.some((l) => l.event === 'ready'), 60_000, 'the worker joining its group');
    assert.equal(await readyz(), 200);
    const line = lines.find((l) => l.event === 'ready')!;
    assert.deepEqual([line.level, line.service, typeof line.time, typeof line.msg], ['info', 'worker', 'string', 'string'], 'a pino line');

    await queue.ensureTopics();
    const outcomes = memoryOutcomeStore();
    const aggregator = await startAggregator({ queue, outcomes });
    const publisher = await openPublisher({ queue, sliceGames: 8 });
    const scrape = async () => (await fetch(`${url}/metrics`)).text();
    assert.equal(sample(await scrape(), 'spellgrid_worker_games_total'), 0);
    const got = await predict(request, publisher.play('p-metrics'), name);
    await publisher.close();
    await aggregator.stop();
    const page = await scrape();
    assert.equal(sample(page, 'spellgrid_worker_games_total'), got.games);
    assert.ok(sample(page, 'spellgrid_worker_slice_duration_seconds_count')! >= 2);

    // every slice committed by both groups; a group that never committed lags by all of sim.results
    const registry = metricsRegistry();
    queueLagMetric(registry, lag.lag, [{ topic: 'sim.jobs', group: 'workers' }, { topic: 'sim.results', group: 'aggregator' }, { topic: 'sim.results', group: 'nobody' }], 0);
    const lags = await eventually(async () => {
      const text = await registry.metrics();
      return sample(text, 'spellgrid_queue_lag_messages{topic="sim.jobs",group="workers"}') === 0 ? text : undefined;
    });
    assert.equal(sample(lags, 'spellgrid_queue_lag_messages{topic="sim.results",group="aggregator"}'), 0);
    assert.equal(sample(lags, 'spellgrid_queue_lag_messages{topic="sim.results",group="nobody"}'), got.games / 8, 'one sim.results message per slice');

    child.kill('SIGTERM');
    assert.equal(await exited, 0, 'a clean stop on SIGTERM');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await lag.close();
    await queue.close();
    await deleteTopics(brokers, prefix);
  }
});

/** Polls `f` until it answers (a worker commits within a second of handling). */
async function eventually<T>(f: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const x = await f();
    if (x !== undefined) return x;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out waiting for the lag to settle');
}

test('spellgrid_process_memory_limit_bytes is the cgroup limit Node reads, and 0 when there is none', async (t) => {
  // process.constrainedMemory reads the cgroup; replaced here to stand for a container with and without a limit
  let limit = 512 * 2 ** 20;
  t.mock.method(process, 'constrainedMemory', () => limit);
  const registry = metricsRegistry();
  assert.equal(sample(await registry.metrics(), 'spellgrid_process_memory_limit_bytes'), 512 * 2 ** 20);
  limit = 2 ** 64; // what Node 20 reports without a limit
  assert.equal(sample(await registry.metrics(), 'spellgrid_process_memory_limit_bytes'), 0);
});

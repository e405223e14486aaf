// KAFKA_BROKERS switches the server's cluster predictions onto Kafka (backend/src/cluster): the
// setting itself, and a real start on the test broker (TEST_KAFKA_BROKERS) whose prediction's
// games all went through sim.jobs, sim.results and results.aggregated, counted in its metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deleteTopics, kafkaQueue, parseBrokers } from '@spellgrid/backend/src/queue/kafka.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from '@spellgrid/backend/src/queue/kafka-testing.ts';
import type { Aggregated } from '@spellgrid/backend/src/cluster/messages.ts';
import { startWorker } from '@spellgrid/backend/src/cluster/worker.ts';
import { openRunner } from '@spellgrid/engine-as/src/host/runner.ts';
import { readConfig } from './config.ts';
import { startServer } from './start.ts';
import { until } from './testing/processes.ts';

test('KAFKA_BROKERS unset or empty: no Kafka; set: its brokers, topics prefixed by KAFKA_PREFIX (default spellgrid)', () => {
  assert.equal(readConfig({}).kafka, undefined);
  assert.equal(readConfig({ KAFKA_BROKERS: '' }).kafka, undefined);
  assert.deepEqual(readConfig({ KAFKA_BROKERS: 'k1:9092,k2:9092' }).kafka, { brokers: ['k1:9092', 'k2:9092'], prefix: 'spellgrid', work: true });
  assert.deepEqual(readConfig({ KAFKA_BROKERS: '127.0.0.1:59092', KAFKA_PREFIX: 'staging' }).kafka, { brokers: ['127.0.0.1:59092'], prefix: 'staging', work: true });
  assert.equal(readConfig({ KAFKA_BROKERS: 'k1:9092', CLUSTER_WORKER: 'false' }).kafka?.work, false);
  assert.throws(() => readConfig({ KAFKA_BROKERS: 'kafka://k1' }), /KAFKA_BROKERS/);
  assert.throws(() => readConfig({ KAFKA_BROKERS: 'k1:9092', KAFKA_PREFIX: 'a b' }), /KAFKA_PREFIX/);
  assert.throws(() => readConfig({ KAFKA_BROKERS: 'k1:9092', CLUSTER_WORKER: 'no' }), /CLUSTER_WORKER/);
});

const FIELD = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };

async function postPrediction(url: string): Promise<string> {
  const r = await fetch(`${url}/v1/predictions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck: 'green-stompy', field: FIELD, budget: 32, target: 0.4, seed: 7 }) });
  assert.equal(r.status, 202);
  return ((await r.json()) as { id: string }).id;
}

type Status = { status: string; progress: { games: number } };
const status = async (url: string, id: string) => (await (await fetch(`${url}/v1/predictions/${id}`)).json()) as Status;
const finished = (url: string, id: string) => until(`prediction ${id}`, 120_000, async () => {
  const s = await status(url, id);
  return s.status === 'done' || s.status === 'failed' ? s : undefined;
});

test('npm start with KAFKA_BROKERS: a cluster prediction is played through Kafka, every game aggregated', { skip: withoutKafka, timeout: 180_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const logs: Record<string, unknown>[] = [];
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: 'memory', WORKERS: '1', KAFKA_BROKERS: brokers.join(','), KAFKA_PREFIX: prefix }), (f) => void logs.push(f));
  const spy = kafkaQueue({ brokers, prefix });
  try {
    assert.ok(logs.some((l) => l.msg === 'cluster predictions go through Kafka' && l.prefix === prefix));
    const id = await postPrediction(server.url);
    const done = await finished(server.url, id);
    assert.equal(done.status, 'done');
    // every game of the prediction was announced on results.aggregated
    const games = new Set<string>();
    const c = await spy.subscribe({ topic: 'results.aggregated', group: 'spy', handler: async (m) => {
      const a = JSON.parse(m.value) as Aggregated;
      if (a.prediction === id) for (const g of a.records) games.add(`${a.job}/${g.game}`);
    } });
    await until('the aggregated games', 30_000, async () => (games.size >= done.progress.games ? true : undefined));
    await c.stop();
    assert.equal(games.size, done.progress.games);
    // the API, the only worker and aggregator here, exports their metrics and the groups' lag
    const page = await (await fetch(`${server.url}/metrics`)).text();
    const sample = (series: string) => Number(page.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1));
    assert.equal(sample('spellgrid_worker_games_total'), done.progress.games);
    assert.equal(sample('spellgrid_aggregator_games_total{outcome="stored"}'), done.progress.games);
    assert.ok(sample('spellgrid_queue_lag_messages{topic="sim.jobs",group="workers"}') >= 0);
    assert.ok(sample('spellgrid_queue_lag_messages{topic="sim.results",group="aggregator"}') >= 0);
  } finally {
    await spy.close();
    await server.close();
    await deleteTopics(brokers, prefix);
  }
});

test('CLUSTER_WORKER=false: the API publishes and counts the jobs but plays none; a worker of its own plays them', { skip: withoutKafka, timeout: 180_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: 'memory', WORKERS: '1', KAFKA_BROKERS: brokers.join(','), KAFKA_PREFIX: prefix, CLUSTER_WORKER: 'false' }), () => {});
  const queue = kafkaQueue({ brokers, prefix });
  const runner = await openRunner({ workers: 1 });
  try {
    const id = await postPrediction(server.url);
    // nobody plays: the slices wait on sim.jobs (a few seconds is many batches' time here)
    await until('the jobs published', 30_000, async () => ((await status(server.url, id)).status === 'running' ? true : undefined));
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal((await status(server.url, id)).progress.games, 0);
    const worker = await startWorker({ queue, runner });
    const done = await finished(server.url, id);
    await worker.stop();
    assert.equal(done.status, 'done');
    assert.ok(done.progress.games >= 32);
    assert.doesNotMatch(await (await fetch(`${server.url}/metrics`)).text(), /^spellgrid_worker_games_total [1-9]/m, 'the API played none of them');
  } finally {
    await queue.close();
    await runner.close();
    await server.close();
    await deleteTopics(brokers, prefix);
  }
});

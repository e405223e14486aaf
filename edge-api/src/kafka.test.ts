// KAFKA_BROKERS switches the server's cluster predictions onto Kafka (backend/src/cluster): the
// setting itself, and a real start on the test broker (TEST_KAFKA_BROKERS) whose prediction's
// games all went through sim.jobs, sim.results and results.aggregated, counted in its metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deleteTopics, kafkaQueue, parseBrokers } from '@spellgrid/backend/src/queue/kafka.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from '@spellgrid/backend/src/queue/kafka-testing.ts';
import type { Aggregated } from '@spellgrid/backend/src/cluster/messages.ts';
import { readConfig } from './config.ts';
import { startServer } from './start.ts';
import { until } from './testing/processes.ts';

test('KAFKA_BROKERS unset or empty: no Kafka; set: its brokers, topics prefixed by KAFKA_PREFIX (default spellgrid)', () => {
  assert.equal(readConfig({}).kafka, undefined);
  assert.equal(readConfig({ KAFKA_BROKERS: '' }).kafka, undefined);
  assert.deepEqual(readConfig({ KAFKA_BROKERS: 'k1:9092,k2:9092' }).kafka, { brokers: ['k1:9092', 'k2:9092'], prefix: 'spellgrid' });
  assert.deepEqual(readConfig({ KAFKA_BROKERS: '127.0.0.1:59092', KAFKA_PREFIX: 'staging' }).kafka, { brokers: ['127.0.0.1:59092'], prefix: 'staging' });
  assert.throws(() => readConfig({ KAFKA_BROKERS: 'kafka://k1' }), /KAFKA_BROKERS/);
  assert.throws(() => readConfig({ KAFKA_BROKERS: 'k1:9092', KAFKA_PREFIX: 'a b' }), /KAFKA_PREFIX/);
});

test('npm start with KAFKA_BROKERS: a cluster prediction is played through Kafka, every game aggregated', { skip: withoutKafka, timeout: 180_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const logs: Record<string, unknown>[] = [];
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: 'memory', WORKERS: '1', KAFKA_BROKERS: brokers.join(','), KAFKA_PREFIX: prefix }), (f) => void logs.push(f));
  const spy = kafkaQueue({ brokers, prefix });
  try {
    assert.ok(logs.some((l) => l.msg === 'cluster predictions go through Kafka' && l.prefix === prefix));
    const field = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };
    const r = await fetch(`${server.url}/v1/predictions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck: 'green-stompy', field, budget: 32, target: 0.4, seed: 7 }) });
    assert.equal(r.status, 202);
    const { id } = await r.json() as { id: string };
    const done = await until(`prediction ${id}`, 120_000, async () => {
      const s = await (await fetch(`${server.url}/v1/predictions/${id}`)).json() as { status: string; progress: { games: number } };
      return s.status === 'done' || s.status === 'failed' ? s : undefined;
    });
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

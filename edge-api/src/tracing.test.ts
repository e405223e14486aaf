// One trace follows a prediction from the API to the aggregator: the POST's server span, the
// prediction run, the publisher's send of sim.jobs, a worker processing a slice and sending its
// results, and the aggregator processing them, each span the parent of the next. On the in-process
// queue, and on a real Kafka (TEST_KAFKA_BROKERS). And the log lines of a request carry its
// request id (taken from X-Request-Id when sane, echoed back) and the trace's ids.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { openCluster } from '@spellgrid/backend/src/cluster/cluster.ts';
import { pinoLog } from '@spellgrid/backend/src/observability/log.ts';
import { installTracing, type Tracing } from '@spellgrid/backend/src/observability/tracing.ts';
import { openPredictions } from '@spellgrid/backend/src/predictions/service.ts';
import { memoryPredictionStore } from '@spellgrid/backend/src/predictions/store.ts';
import { deleteTopics, kafkaQueue, parseBrokers } from '@spellgrid/backend/src/queue/kafka.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from '@spellgrid/backend/src/queue/kafka-testing.ts';
import { memoryQueue } from '@spellgrid/backend/src/queue/memory.ts';
import type { Queue } from '@spellgrid/backend/src/queue/queue.ts';
import { memoryOutcomeStore } from '@spellgrid/backend/src/storage/outcomes.ts';
import { post, testApp } from './test-app.ts';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let runner: Runner;
before(async () => {
  tracing = installTracing(exporter, { service: 'spellgrid-test', batch: false });
  runner = await openRunner({ workers: 1 });
});
after(async () => {
  await runner?.close();
  await tracing?.shutdown();
});

const pool = loadPool();
const field = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };

const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
const attr = (s: ReadableSpan, name: string) => s.attributes[name];

/** POSTs a prediction to the API, played by a cluster on `queue`, and checks the trace it leaves. */
async function traceThroughCluster(queue: Queue, system: string): Promise<void> {
  exporter.reset();
  const cluster = await openCluster({ queue, outcomes: memoryOutcomeStore(), runner, sliceGames: 8 });
  const predictions = await openPredictions({ store: memoryPredictionStore(), play: async (_, id) => cluster.play(id), cardName: (c) => pool.card(c).name, maxQueued: 4, log: () => {} });
  const { app } = testApp({ predictions });
  let id: string;
  try {
    const r = await app.request('/v1/predictions', post({ deck: 'green-stompy', field, budget: 16, target: 0.4, seed: 3 }));
    assert.equal(r.status, 202);
    id = ((await r.json()) as { id: string }).id;
    await predictions.idle();
    assert.equal((await predictions.status(id))?.status, 'done');
  } finally {
    predictions.close();
    await cluster.close(); // every consumer's message in hand finished: their spans have ended
  }
  const spans = exporter.getFinishedSpans();
  const server = spans.find((s) => s.kind === SpanKind.SERVER && s.name === 'POST /v1/predictions');
  assert.ok(server, `a server span for the POST among ${spans.map((s) => s.name).join(', ')}`);
  assert.equal(attr(server, 'http.route'), '/v1/predictions');
  assert.equal(attr(server, 'http.response.status_code'), 202);
  const traceId = server.spanContext().traceId;
  const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
  const children = (parent: ReadableSpan, name: string, kind: SpanKind) => inTrace.filter((s) => parentOf(s) === parent.spanContext().spanId && s.name === name && s.kind === kind);

  const [run] = children(server, 'prediction run', SpanKind.INTERNAL);
  assert.ok(run, 'the prediction run is a child of the POST');
  assert.equal(attr(run, 'spellgrid.prediction'), id);
  assert.equal(attr(run, 'spellgrid.games'), 16);
  const sends = children(run, 'send sim.jobs', SpanKind.PRODUCER);
  assert.ok(sends.length > 0, 'the jobs are sent from the run');
  let slices = 0, aggregated = 0;
  for (const send of sends) {
    assert.equal(attr(send, 'messaging.system'), system);
    assert.equal(attr(send, 'messaging.destination.name'), 'sim.jobs');
    assert.equal(attr(send, 'spellgrid.prediction'), id);
    for (const worker of children(send, 'process sim.jobs', SpanKind.CONSUMER)) {
      slices++;
      assert.equal(attr(worker, 'messaging.consumer.group.name'), 'workers');
      assert.equal(attr(worker, 'messaging.kafka.consumer.group'), 'workers');
      const [results] = children(worker, 'send sim.results', SpanKind.PRODUCER);
      assert.ok(results, 'the worker sends its results from its consumer span');
      for (const agg of children(results, 'process sim.results', SpanKind.CONSUMER)) {
        aggregated++;
        assert.equal(attr(agg, 'messaging.consumer.group.name'), 'aggregator');
        assert.equal(attr(agg, 'spellgrid.prediction'), id);
        assert.equal(children(agg, 'send results.aggregated', SpanKind.PRODUCER).length, 1);
      }
    }
  }
  // 16 games in slices of at most 8, over the two matchups: at least one slice per matchup
  assert.ok(slices >= 2, `each slice processed in the trace (${slices})`);
  assert.equal(aggregated, slices, 'each slice aggregated in the trace');
  const games = inTrace.filter((s) => s.name === 'process sim.jobs').reduce((n, s) => n + Number(attr(s, 'spellgrid.games')), 0);
  assert.equal(games, 16, "the slices' games are the prediction's");
}

test('in-process queue: one trace from the POST through the run, sim.jobs, the worker, sim.results and the aggregator', { timeout: 120_000 }, async () => {
  await traceThroughCluster(memoryQueue({ retryMs: 10 }), 'memory');
});

test('real Kafka: the same trace, its context carried in the messages\' traceparent headers', { skip: withoutKafka, timeout: 180_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  try {
    await traceThroughCluster(kafkaQueue({ brokers, prefix, sessionTimeoutMs: 6000 }), 'kafka');
  } finally {
    await deleteTopics(brokers, prefix);
  }
});

test('a request\'s log lines carry its request id (a sane X-Request-Id kept and echoed, another replaced) and its trace ids', async () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({ write(chunk: Buffer, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
  const log = pinoLog('api', { level: 'info', destination });
  const { app } = testApp({ log });
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  const ok = await app.request('/v1/openapi.json', { headers: { 'X-Request-Id': 'req-42', traceparent } });
  assert.equal(ok.headers.get('X-Request-Id'), 'req-42');
  const bad = await app.request('/v1/openapi.json', { headers: { 'X-Request-Id': 'no spaces; allowed' } });
  const replaced = bad.headers.get('X-Request-Id')!;
  assert.ok(replaced && replaced !== 'no spaces; allowed');
  await new Promise((r) => setImmediate(r));
  const [first, second] = lines.filter((l) => l.msg === 'request');
  assert.deepEqual(
    { level: first!.level, service: first!.service, requestId: first!.requestId, trace_id: first!.trace_id, status: first!.status },
    { level: 'info', service: 'api', requestId: 'req-42', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', status: 200 },
  );
  assert.match(String(first!.span_id), /^[0-9a-f]{16}$/);
  assert.notEqual(first!.span_id, '00f067aa0ba902b7', "the server span's id, not the caller's");
  assert.equal(typeof first!.time, 'string');
  assert.equal(second!.requestId, replaced);
  assert.notEqual(second!.trace_id, first!.trace_id, 'a request without traceparent starts a trace of its own');
});

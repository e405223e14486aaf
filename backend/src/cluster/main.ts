// A cluster process on Kafka, for scaling out beyond the API's own process:
//   KAFKA_BROKERS=host:9092 [KAFKA_PREFIX=spellgrid] [SPELLGRID_WORKERS=threads] \
//     node --import tsx backend/src/cluster/main.ts worker
//   KAFKA_BROKERS=host:9092 DATABASE_URL=postgres://... node --import tsx backend/src/cluster/main.ts aggregator
// A worker joins the `workers` group on sim.jobs; an aggregator the `aggregator` group on
// sim.results (it needs the PostgreSQL database the API counts games in). Both stop on SIGTERM or
// SIGINT after finishing and committing the message in hand. Each line on stdout is a JSON log
// line (observability/log.ts; LOG_LEVEL); traces go to OTEL_EXPORTER_OTLP_ENDPOINT if set; and
// METRICS_HOST:METRICS_PORT (default 0.0.0.0:9464) serves /metrics, /healthz and /readyz (ready
// from joining the group until shutdown begins).
import { openRunner } from '@spellgrid/engine-as/src/host/runner.ts';
import { pinoLog, type Log } from '../observability/log.ts';
import { aggregatorMetrics, metricsRegistry, serveMetrics, workerMetrics } from '../observability/metrics.ts';
import { startTracing } from '../observability/tracing.ts';
import { kafkaQueue, parseBrokers } from '../queue/kafka.ts';
import type { Consumer } from '../queue/queue.ts';
import { sqlOutcomeStore } from '../storage/outcomes.ts';
import { openPostgres } from '../storage/postgres.ts';
import { startAggregator } from './aggregator.ts';
import { watchClusterLag } from './cluster.ts';
import { startWorker } from './worker.ts';

async function main(role: 'worker' | 'aggregator', log: Log): Promise<void> {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '');
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is unset (e.g. 127.0.0.1:59092)');
  const prefix = process.env.KAFKA_PREFIX ?? 'spellgrid';
  const tracing = startTracing(`spellgrid-${role}`);
  const registry = metricsRegistry();
  let ready = false;
  const metrics = await serveMetrics({ registry, ready: () => ready, port: Number(process.env.METRICS_PORT ?? 9464), host: process.env.METRICS_HOST ?? '0.0.0.0' });
  log({ level: 'info', msg: 'metrics listening', event: 'metrics', url: metrics.url });
  const queue = kafkaQueue({
    brokers, prefix, clientId: `spellgrid-${role}`,
    ...(process.env.KAFKA_SESSION_TIMEOUT_MS ? { sessionTimeoutMs: Number(process.env.KAFKA_SESSION_TIMEOUT_MS) } : {}),
    onError: (e, m) => log({ level: 'error', msg: 'handler failed: the message will be delivered again', topic: m.topic, offset: m.offset, error: e.message }),
  });
  await queue.ensureTopics();
  let consumer: Consumer;
  let close = async () => {};
  if (role === 'worker') {
    const runner = await openRunner(process.env.SPELLGRID_WORKERS ? { workers: Number(process.env.SPELLGRID_WORKERS) } : {});
    // fault tests: hold the first batch this long after announcing it, so a kill lands mid-batch
    let hold = Number(process.env.SPELLGRID_TEST_FIRST_BATCH_HOLD_MS ?? 0);
    consumer = await startWorker({
      queue, runner, log, ...workerMetrics(registry),
      onBatch: async (b) => {
        log({ level: 'info', msg: 'batch started', event: 'batch', job: b.job, first: b.first, count: b.count });
        if (hold > 0) { await new Promise((r) => setTimeout(r, hold)); hold = 0; }
      },
    });
    close = () => runner.close();
  } else {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is unset: the aggregator counts games in PostgreSQL');
    const db = await openPostgres(process.env.DATABASE_URL);
    const lag = watchClusterLag(registry, { brokers, prefix });
    consumer = await startAggregator({ queue, outcomes: sqlOutcomeStore(db), log, onStored: aggregatorMetrics(registry) });
    close = async () => { await lag.close(); await db.close(); };
  }
  ready = true;
  log({ level: 'info', msg: 'joined the consumer group', event: 'ready', role });
  const stop = async () => {
    ready = false;
    await consumer.stop();
    await queue.close();
    await close();
    await tracing?.shutdown();
    await metrics.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

const role = process.argv[2];
if (role !== 'worker' && role !== 'aggregator') {
  process.stderr.write('usage: main.ts worker|aggregator\n');
  process.exit(2);
}
const log = pinoLog(role);
main(role, log).catch((e: Error) => { log({ level: 'fatal', msg: e.message, stack: e.stack }); process.exit(1); });

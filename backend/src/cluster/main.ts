// A cluster process on Kafka, for scaling out beyond the API's own process:
//   KAFKA_BROKERS=host:9092 [KAFKA_PREFIX=spellgrid] [SPELLGRID_WORKERS=threads] \
//     node --import tsx backend/src/cluster/main.ts worker
//   KAFKA_BROKERS=host:9092 DATABASE_URL=postgres://... node --import tsx backend/src/cluster/main.ts aggregator
// A worker joins the `workers` group on sim.jobs; an aggregator the `aggregator` group on
// sim.results (it needs the PostgreSQL database the API counts games in). Both stop on SIGTERM or
// SIGINT after finishing and committing the message in hand. Each line on stdout is a JSON event.
import { openRunner } from '@spellgrid/engine-as/src/host/runner.ts';
import { kafkaQueue, parseBrokers } from '../queue/kafka.ts';
import type { Consumer } from '../queue/queue.ts';
import { sqlOutcomeStore } from '../storage/outcomes.ts';
import { openPostgres } from '../storage/postgres.ts';
import { startAggregator } from './aggregator.ts';
import { startWorker } from './worker.ts';

const emit = (fields: Record<string, unknown>) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), pid: process.pid, ...fields }) + '\n');

async function main(role: string | undefined): Promise<void> {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '');
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is unset (e.g. 127.0.0.1:59092)');
  const queue = kafkaQueue({
    brokers, prefix: process.env.KAFKA_PREFIX ?? 'spellgrid', clientId: `spellgrid-${role}`,
    ...(process.env.KAFKA_SESSION_TIMEOUT_MS ? { sessionTimeoutMs: Number(process.env.KAFKA_SESSION_TIMEOUT_MS) } : {}),
    onError: (e, m) => emit({ level: 'error', msg: 'handler failed: the message will be delivered again', topic: m.topic, offset: m.offset, error: e.message }),
  });
  await queue.ensureTopics();
  let consumer: Consumer;
  let close = async () => {};
  if (role === 'worker') {
    const runner = await openRunner(process.env.SPELLGRID_WORKERS ? { workers: Number(process.env.SPELLGRID_WORKERS) } : {});
    // fault tests: hold the first batch this long after announcing it, so a kill lands mid-batch
    let hold = Number(process.env.SPELLGRID_TEST_FIRST_BATCH_HOLD_MS ?? 0);
    consumer = await startWorker({
      queue, runner, log: emit,
      onBatch: async (b) => {
        emit({ event: 'batch', prediction: b.prediction, job: b.job, first: b.first, count: b.count });
        if (hold > 0) { await new Promise((r) => setTimeout(r, hold)); hold = 0; }
      },
    });
    close = () => runner.close();
  } else if (role === 'aggregator') {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is unset: the aggregator counts games in PostgreSQL');
    const db = await openPostgres(process.env.DATABASE_URL);
    consumer = await startAggregator({ queue, outcomes: sqlOutcomeStore(db), log: emit });
    close = () => db.close();
  } else {
    throw new Error('usage: main.ts worker|aggregator');
  }
  emit({ event: 'ready', role });
  const stop = async () => {
    await consumer.stop();
    await queue.close();
    await close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main(process.argv[2]).catch((e: Error) => { emit({ level: 'error', msg: e.message }); process.exit(1); });

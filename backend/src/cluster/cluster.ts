// The cluster prediction flow assembled in one process: topics ensured, an aggregator, optionally
// a worker on this process's runner pool (the API's default; a deployment with worker processes
// turns it off), and the publisher the prediction service plays through.
// More workers (and aggregators) can run as processes of their own (main.ts): they join the same
// consumer groups. With KAFKA_BROKERS unset the API keeps its in-process runner (no queue at all).
import type { Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import type { Play } from '../predict.ts';
import type { Consumer, Queue } from '../queue/queue.ts';
import type { Registry } from 'prom-client';
import { aggregatorMetrics, queueLagMetric, workerMetrics } from '../observability/metrics.ts';
import { kafkaLag, kafkaQueue } from '../queue/kafka.ts';
import type { SqlQueryable } from '../storage/sql.ts';
import { sqlOutcomeStore, type OutcomeStore } from '../storage/outcomes.ts';
import { AGGREGATOR_GROUP, startAggregator } from './aggregator.ts';
import { openPublisher } from './publisher.ts';
import { WORKERS_GROUP, startWorker } from './worker.ts';

export interface ClusterOptions {
  queue: Queue;
  outcomes: OutcomeStore;
  /** This process's runner: the jobs published name its engine build, and it plays them too unless `work` is false. */
  runner?: Runner;
  /** Play sim.jobs on `runner` here (default true); false leaves them to worker processes (CLUSTER_WORKER=false). */
  work?: boolean;
  /** Run an aggregator here (default true). */
  aggregate?: boolean;
  sliceGames?: number;
  republishMs?: number;
  log?(fields: Record<string, unknown>): void;
  /** Where the worker's and the aggregator's metrics go (observability/metrics.ts); none when undefined. */
  registry?: Registry;
}

export interface Cluster {
  /** The prediction's jobs, played by the cluster. */
  play(prediction: string): Play;
  close(): Promise<void>;
}

export async function openCluster(o: ClusterOptions): Promise<Cluster> {
  await o.queue.ensureTopics();
  const consumers: Consumer[] = [];
  try {
    if (o.aggregate ?? true) consumers.push(await startAggregator({ queue: o.queue, outcomes: o.outcomes, log: o.log, onStored: o.registry && aggregatorMetrics(o.registry) }));
    if (o.runner && (o.work ?? true)) consumers.push(await startWorker({ queue: o.queue, runner: o.runner, log: o.log, ...(o.registry && workerMetrics(o.registry)) }));
    const publisher = await openPublisher({
      queue: o.queue, sliceGames: o.sliceGames, republishMs: o.republishMs, log: o.log,
      ...(o.runner ? { build: { engine: o.runner.engine, irHash: o.runner.irHash } } : {}),
    });
    return {
      play: (prediction) => publisher.play(prediction),
      async close() {
        await publisher.close();
        await Promise.all(consumers.map((c) => c.stop()));
        await o.queue.close();
      },
    };
  } catch (e) {
    await o.queue.close();
    throw e;
  }
}

/**
 * The cluster on Kafka (KAFKA_BROKERS, topics and groups prefixed by KAFKA_PREFIX), games counted
 * in `db`; with `runner`, this process is also one of the workers unless `work` is false. With `registry`, its metrics
 * include the lag of the workers and the aggregator.
 */
export async function openKafkaCluster(kafka: { brokers: string[]; prefix: string }, o: { db: SqlQueryable; runner?: Runner; work?: boolean; log?(fields: Record<string, unknown>): void; registry?: Registry }): Promise<Cluster> {
  const cluster = await openCluster({
    queue: kafkaQueue({ brokers: kafka.brokers, prefix: kafka.prefix, clientId: 'spellgrid-api' }),
    outcomes: sqlOutcomeStore(o.db), runner: o.runner, work: o.work, log: o.log, registry: o.registry,
  });
  const lag = o.registry && watchClusterLag(o.registry, kafka);
  o.log?.({ level: 'info', msg: 'cluster predictions go through Kafka', brokers: kafka.brokers, prefix: kafka.prefix, worker: o.runner !== undefined && (o.work ?? true) });
  return { play: cluster.play, close: async () => { await cluster.close(); await lag?.close(); } };
}

/** spellgrid_queue_lag_messages in `registry` for the workers' group on sim.jobs and the aggregator's on sim.results, read from Kafka when scraped; close() ends its admin connection. */
export function watchClusterLag(registry: Registry, kafka: { brokers: string[]; prefix: string }): { close(): Promise<void> } {
  const lag = kafkaLag(kafka);
  queueLagMetric(registry, lag.lag, [{ topic: 'sim.jobs', group: WORKERS_GROUP }, { topic: 'sim.results', group: AGGREGATOR_GROUP }]);
  return lag;
}

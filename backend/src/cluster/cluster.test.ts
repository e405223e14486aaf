// The cluster prediction flow gives the same prediction as the in-process runner, counting every
// game exactly once: on the in-process queue with an aggregator that crashes after storing and
// before committing; and on a real Kafka (TEST_KAFKA_BROKERS) with a worker process killed
// (SIGKILL) mid-batch and the aggregator crashing likewise.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findDeck, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { predict, type PredictionRequest } from '../predict.ts';
import { runnerPlay } from '../run.ts';
import { memoryQueue } from '../queue/memory.ts';
import { deleteTopics, kafkaQueue, parseBrokers } from '../queue/kafka.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from '../queue/kafka-testing.ts';
import { until } from '../queue/queue.conformance.ts';
import type { Consumer, Queue } from '../queue/queue.ts';
import { memoryOutcomeStore, sqlOutcomeStore, type OutcomeStore } from '../storage/outcomes.ts';
import { openPglite } from '../storage/pglite.ts';
import { freshPostgres, TEST_DATABASE_URL } from '../storage/postgres-testing.ts';
import { startAggregator } from './aggregator.ts';
import { openCluster } from './cluster.ts';
import { openPublisher } from './publisher.ts';
import type { SimResult } from './messages.ts';

const pool = loadPool();
const name = (c: number) => pool.card(c).name;
const deck = (spec: string) => ({ name: findDeck(spec).name, cards: findDeck(spec).cards });
const request: PredictionRequest = {
  deck: deck('Cats+Elves'),
  field: { name: 'two decks', decks: [{ name: 'Goblins + Wizards', share: 0.7, deck: deck('Goblins+Wizards') }, { name: 'Vampires + Undead', share: 0.3, deck: deck('Vampires+Undead') }] },
  target: 0.15, batch: 24, seed: 21, placement: { events: 200 }, parallel: 4,
};

let runner: Runner;
let reference: Awaited<ReturnType<typeof predict>>;
before(async () => {
  runner = await openRunner({ workers: 2 });
  reference = await predict(request, runnerPlay(runner), name);
});
after(() => runner?.close());

const countedGames = async (outcomes: OutcomeStore, prediction: string) => (await outcomes.counted(prediction)).reduce((n, m) => n + m.games, 0);

/** An aggregator that crashes once, after storing a slice and before committing it, and is started again. */
async function crashingAggregator(queue: Queue, outcomes: OutcomeStore) {
  const state = { crashes: 0, replacement: undefined as Consumer | undefined, recounted: 0 };
  let first: Consumer | undefined;
  const restarted = (async () => {
    await until(() => state.crashes > 0, 120_000, 'the aggregator crash');
    state.replacement = await startAggregator({ queue, outcomes, afterStore: (r: SimResult, counted: number) => { if (counted < r.records.length) state.recounted++; } });
  })();
  first = await startAggregator({
    queue, outcomes, afterStore: () => {
      if (state.crashes > 0) return;
      state.crashes++;
      void first!.kill();
      throw new Error('simulated crash between storing and committing');
    },
  });
  return { state, stop: async () => { await restarted; await state.replacement?.stop(); await first!.stop(); } };
}

test('in-process queue: the cluster flow gives the runner\'s prediction, each game counted once despite an aggregator crash', async () => {
  const queue = memoryQueue({ retryMs: 10 });
  const outcomes = memoryOutcomeStore();
  await queue.ensureTopics();
  const agg = await crashingAggregator(queue, outcomes);
  const cluster = await openCluster({ queue, outcomes, runner, aggregate: false, sliceGames: 8 });
  try {
    const got = await predict(request, cluster.play('p1'), name);
    assert.deepEqual(got, reference);
    assert.equal(await countedGames(outcomes, 'p1'), reference.games);
    assert.equal(agg.state.crashes, 1);
    assert.ok(agg.state.recounted >= 1, 'the crashed slice was delivered again and not counted twice');
  } finally {
    await agg.stop();
    await cluster.close();
  }
});

interface WorkerProcess { child: ChildProcess; batches: { job: string; first: number }[]; ready: Promise<void>; exited: Promise<number | null> }

function spawnWorker(prefix: string): WorkerProcess {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'worker'], {
    env: { ...process.env, KAFKA_BROKERS: TEST_KAFKA_BROKERS, KAFKA_PREFIX: prefix, SPELLGRID_WORKERS: '1', METRICS_PORT: '0', KAFKA_SESSION_TIMEOUT_MS: '6000', SPELLGRID_TEST_FIRST_BATCH_HOLD_MS: '3000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const w: WorkerProcess = { child, batches: [], ready: undefined!, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  w.ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const e = JSON.parse(line) as { event?: string; job: string; first: number };
      if (e.event === 'ready') resolve();
      if (e.event === 'batch') w.batches.push({ job: e.job, first: e.first });
    });
  });
  return w;
}

test('real Kafka: a worker process killed mid-batch and an aggregator crash lose nothing and count nothing twice', { skip: withoutKafka, timeout: 300_000 }, async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const db = TEST_DATABASE_URL ? await freshPostgres() : await openPglite();
  const outcomes = sqlOutcomeStore(db);
  const queue = kafkaQueue({ brokers, prefix, sessionTimeoutMs: 6000 });
  const workers: WorkerProcess[] = [];
  let agg: Awaited<ReturnType<typeof crashingAggregator>> | undefined;
  let publisher: Awaited<ReturnType<typeof openPublisher>> | undefined;
  try {
    await queue.ensureTopics();
    workers.push(spawnWorker(prefix), spawnWorker(prefix));
    await Promise.all(workers.map((w) => w.ready));
    agg = await crashingAggregator(queue, outcomes);
    // never republished within the test: only Kafka's re-delivery can bring the killed slice back
    publisher = await openPublisher({ queue, sliceGames: 8, republishMs: 3_600_000 });
    // kill whichever worker starts a batch first, while it holds it (its first batch is held 3 s)
    let victim: WorkerProcess | undefined;
    let killed: { job: string; first: number } | undefined;
    const killer = (async () => {
      await until(() => workers.some((w) => w.batches.length > 0), 120_000, 'a worker starting a batch');
      victim = workers.find((w) => w.batches.length > 0)!;
      killed = victim.batches[victim.batches.length - 1]!;
      victim.child.kill('SIGKILL');
    })();
    const got = await predict(request, publisher.play('p-kafka'), name);
    await killer;
    assert.deepEqual(got, reference, 'the same prediction as the uninterrupted in-process run');
    assert.equal(await countedGames(outcomes, 'p-kafka'), reference.games, 'every game counted exactly once');
    assert.equal(await victim!.exited, null, 'the victim was killed by a signal');
    const survivor = workers.find((w) => w !== victim)!;
    assert.ok(survivor.batches.some((b) => b.job === killed!.job && b.first === killed!.first), 'the killed batch was played again by the surviving worker');
    assert.equal(agg.state.crashes, 1);
    assert.ok(agg.state.recounted >= 1, 'the slice of the crashed aggregator was delivered again and not counted twice');
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) { w.child.kill('SIGTERM'); }
    await Promise.all(workers.map((w) => Promise.race([w.exited, new Promise((r) => setTimeout(r, 15_000))])));
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await publisher?.close();
    await agg?.stop();
    await queue.close();
    await deleteTopics(brokers, prefix);
    await db.close();
  }
});

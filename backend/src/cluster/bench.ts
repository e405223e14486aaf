// Results aggregated per second through Kafka into the SQL outcome store: aggregators (each with
// its own Kafka client, in the `aggregator` group) are joined first; then N played slices (made-up
// game records, `--games` each) are published to sim.results, and the clock runs until every game
// is counted in the database (each slice stored in one statement, then announced on
// results.aggregated, then committed: the production path, acks=all and manual commits).
//   KAFKA_BROKERS=127.0.0.1:59092 [TEST_DATABASE_URL=postgres://...] \
//     node --import tsx backend/src/cluster/bench.ts [--results 4000] [--games 16] [--aggregators 1,2,4] [--write docs/benchmarks.md]
// The database: TEST_DATABASE_URL (a real PostgreSQL; a scratch schema, dropped afterwards), else PGlite in memory.
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { GameRecord } from '@spellgrid/engine-as/src/host/jobs.ts';
import { deleteTopics, kafkaQueue, parseBrokers } from '../queue/kafka.ts';
import type { Consumer, Queue } from '../queue/queue.ts';
import { CORRELATION_ID } from '../queue/trace.ts';
import { sqlOutcomeStore } from '../storage/outcomes.ts';
import { openPglite } from '../storage/pglite.ts';
import { freshPostgres, TEST_DATABASE_URL } from '../storage/postgres-testing.ts';
import { startAggregator } from './aggregator.ts';
import type { SimResult } from './messages.ts';

const { values: a } = parseArgs({
  options: { results: { type: 'string', default: '4000' }, games: { type: 'string', default: '16' }, aggregators: { type: 'string', default: '1,2,4' }, write: { type: 'string' } },
});
const N = Number(a.results), G = Number(a.games), levels = a.aggregators!.split(',').map(Number);
const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? process.env.TEST_KAFKA_BROKERS ?? '');
if (brokers.length === 0) throw new Error('set KAFKA_BROKERS (infra/dev/kafka.sh start; eval "$(infra/dev/kafka.sh env)")');

const record = (game: number): GameRecord => ({ game, seed: 1000 + (game >> 1), onThePlay: game & 1, winner: Math.random() < 0.5 ? 0 : 1, reason: 'life', turns: 9, digest: randomBytes(8).toString('hex') });

const rows: string[] = [];
for (const aggregators of levels) {
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const db = TEST_DATABASE_URL ? await freshPostgres({ poolSize: 16 }) : await openPglite();
  const outcomes = sqlOutcomeStore(db);
  const publisher = kafkaQueue({ brokers, prefix, clientId: 'bench-publisher' });
  const queues: Queue[] = [];
  const consumers: Consumer[] = [];
  try {
    await publisher.ensureTopics();
    for (let i = 0; i < aggregators; i++) {
      const q = kafkaQueue({ brokers, prefix, clientId: `bench-aggregator-${i}`, concurrency: 16 });
      queues.push(q);
      consumers.push(await startAggregator({ queue: q, outcomes }));
    }
    // every aggregator has joined; wait for the group to settle (a join rebalances the others)
    await new Promise((r) => setTimeout(r, 3000));
    const prediction = 'bench';
    const t0 = performance.now();
    const messages = Array.from({ length: N }, (_, i) => {
      const r: SimResult = { prediction, job: `job-${i}`, games: G, matchup: `m${i % 45}`, first: 0, records: Array.from({ length: G }, (_, g) => record(g)), worker: 'bench' };
      return { key: `${prediction}/job-${i}/0`, value: JSON.stringify(r), headers: { [CORRELATION_ID]: prediction } };
    });
    for (let i = 0; i < N; i += 200) await publisher.publish('sim.results', messages.slice(i, i + 200));
    const published = (performance.now() - t0) / 1000;
    let counted = 0;
    for (let k = 0; counted < N * G; k++) {
      if (k > 3000) throw new Error(`only ${counted} of ${N * G} games counted after 10 minutes`);
      await new Promise((r) => setTimeout(r, 200));
      counted = (await outcomes.counted(prediction)).reduce((n, m) => n + m.games, 0);
    }
    const seconds = (performance.now() - t0) / 1000;
    const row = `| ${aggregators} | ${N} | ${N * G} | ${(N / published).toFixed(0)} | ${(N / seconds).toFixed(0)} | ${((N * G) / seconds).toFixed(0)} | ${seconds.toFixed(1)} |`;
    console.log(row);
    rows.push(row);
  } finally {
    await Promise.all(consumers.map((c) => c.stop()));
    await Promise.all([publisher, ...queues].map((q) => q.close()));
    await deleteTopics(brokers, prefix);
    await db.close();
  }
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const section = `
## ${new Date().toISOString().slice(0, 10)} — results aggregated through Kafka into ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}

\`node --import tsx backend/src/cluster/bench.ts --results ${N} --games ${G} --aggregators ${levels.join(',')}\`, on loopback: one
Apache Kafka 4.1.1 broker in KRaft mode (infra/dev/kafka.sh: one JVM, -Xmx512m, sim.results with 16 partitions) and
${TEST_DATABASE_URL ? 'PostgreSQL (infra/dev/postgres.sh, a scratch schema, pool of 16)' : 'PGlite in memory (TEST_DATABASE_URL unset)'} on the same machine. Aggregators (each its own kafkajs
client, in one consumer group, 16 partitions each at most in flight) are joined first; then ${N} played slices of ${G} made-up
games are published to sim.results (idempotent producer, acks=all, 200 per request) and the clock runs until every game is
counted in the outcome store. Each slice: one INSERT … ON CONFLICT DO NOTHING of its games with the matchup totals, one
message to results.aggregated (acks=all); offsets committed per fetched batch of a partition, after its slices are stored.

| aggregators | slices | games | slices published/s | slices aggregated/s | games aggregated/s | seconds |
|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
process.stdout.write(section);
if (a.write) appendFileSync(a.write, section);

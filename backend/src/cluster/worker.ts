// A cluster worker: a member of the `workers` group on sim.jobs. For each batch it plays the games
// on its runner (worker threads, so the consumer keeps its session alive meanwhile), publishes
// them to sim.results, and only then commits: a worker that dies mid-batch leaves the batch to
// another member of the group. Scaling out is starting more workers.
// A slice planned for another engine build or card IR (a rollout, or slices left by an API that was
// upgraded since) is skipped, not failed: failing would redeliver it forever and block its
// partition. Its publisher, if still running, publishes unanswered slices again (publisher.ts,
// republishMs) for a worker of its build; an upgraded API replans its unfinished predictions.
import { hostname } from 'node:os';
import { trace } from '@opentelemetry/api';
import { buildRefusal } from '@spellgrid/engine-as/src/host/batch.ts';
import type { Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import type { Consumer, Queue } from '../queue/queue.ts';
import { publishTraced, subscribeTraced } from '../queue/trace.ts';
import { deckName, sliceJob, type SimBatch, type SimResult } from './messages.ts';

export const WORKERS_GROUP = 'workers';

export interface WorkerOptions {
  queue: Queue;
  runner: Runner;
  /** Called when a batch starts (the fault test kills a worker process mid-batch on it). */
  onBatch?(b: SimBatch): void | Promise<void>;
  /** Told of each slice played: its games and seconds (metrics). */
  onPlayed?(games: number, seconds: number): void;
  /** Told of each slice skipped because it was planned for another engine build (metrics). */
  onSkipped?(): void;
  log?(fields: Record<string, unknown>): void;
}

export async function startWorker(o: WorkerOptions): Promise<Consumer> {
  const me = `${hostname()}:${process.pid}`;
  return subscribeTraced(o.queue, {
    topic: 'sim.jobs', group: WORKERS_GROUP,
    handler: async (m) => {
      const b = JSON.parse(m.value) as SimBatch;
      trace.getActiveSpan()?.setAttributes({ 'spellgrid.prediction': b.prediction, 'spellgrid.job': b.job, 'spellgrid.games': b.count });
      await o.onBatch?.(b);
      const refused = buildRefusal(b.match, o.runner);
      if (refused) {
        o.log?.({ level: 'warn', msg: 'slice skipped: planned for another engine build', reason: refused, job: b.job, first: b.first, planned: { engine: b.match.engine, irHash: b.match.irHash } });
        o.onSkipped?.();
        return;
      }
      const t0 = performance.now();
      const job = sliceJob(b.match, b.first, b.count);
      const played = (await o.runner.run([job])).jobs[0]!.games;
      const records = played.map((g) => ({ ...g, game: g.game + b.first }));
      o.onPlayed?.(records.length, (performance.now() - t0) / 1000);
      const result: SimResult = { prediction: b.prediction, job: b.job, games: b.match.games, matchup: deckName(b.match.decks[1]), first: b.first, records, worker: me };
      await publishTraced(o.queue, 'sim.results', [{ key: m.key, value: JSON.stringify(result) }], b.prediction, { 'spellgrid.prediction': b.prediction, 'spellgrid.games': records.length });
      o.log?.({ level: 'debug', msg: 'batch played', job: b.job, first: b.first, games: records.length });
    },
  });
}

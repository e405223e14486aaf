// The job publisher: a `Play` (as run.ts runnerPlay) that sends a job's games to sim.jobs in
// slices and resolves once the aggregator has counted all of them, reading the game records back
// from results.aggregated (each game taken once, however often it is announced). Each publisher
// listens in a group of its own, from the messages published after it joined. A job that makes no
// progress for `republishMs` has its missing slices published again (a result lost before it was
// stored, or announced before this publisher listened): workers play them again and the
// aggregator counts nothing twice.
import { randomUUID } from 'node:crypto';
import { context, type Context } from '@opentelemetry/api';
import type { GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import type { Play } from '../predict.ts';
import type { Consumer, Queue } from '../queue/queue.ts';
import { publishTraced } from '../queue/trace.ts';
import { jobKey, slices, type Aggregated, type SimBatch } from './messages.ts';

export interface PublisherOptions {
  queue: Queue;
  /** Games per sim.jobs message (default 16; made even). */
  sliceGames?: number;
  /** Publish a job's missing slices again after this long without progress (default 120 s). */
  republishMs?: number;
  /** The engine build and card IR the jobs are planned for (a worker with another refuses them). */
  build?: { engine: string; irHash: string };
  log?(fields: Record<string, unknown>): void;
}

export interface Publisher {
  /** Jobs of prediction `prediction`, played by the cluster. */
  play(prediction: string): Play;
  close(): Promise<void>;
}

interface Pending {
  batches: SimBatch[];
  games: number;
  records: Map<number, GameRecord>;
  /** The trace context the job was asked for in (the prediction run's): republished slices are sent in it too. */
  context: Context;
  timer: NodeJS.Timeout;
  resolve(g: GameRecord[]): void;
  reject(e: Error): void;
}

export async function openPublisher(o: PublisherOptions): Promise<Publisher> {
  const pending = new Map<string, Pending>();
  const id = (prediction: string, job: string) => `${prediction}\u0000${job}`;
  const republishMs = o.republishMs ?? 120_000;
  let closed = false;

  const publish = (p: Pending, batches: SimBatch[]) => {
    const { prediction, job } = p.batches[0]!;
    return context.with(p.context, () => publishTraced(
      o.queue, 'sim.jobs', batches.map((b) => ({ key: `${b.prediction}/${b.job}/${b.first}`, value: JSON.stringify(b) })), prediction,
      { 'spellgrid.prediction': prediction, 'spellgrid.job': job, 'spellgrid.games': batches.reduce((n, b) => n + b.count, 0) },
    ));
  };

  const arm = (key: string, p: Pending) => {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      if (!pending.has(key)) return;
      const missing = p.batches.filter((b) => Array.from({ length: b.count }, (_, i) => b.first + i).some((g) => !p.records.has(g)));
      o.log?.({ level: 'warn', msg: 'no progress: publishing the missing slices again', prediction: missing[0]?.prediction, job: missing[0]?.job, slices: missing.length });
      arm(key, p);
      publish(p, missing).catch((e: Error) => { pending.delete(key); clearTimeout(p.timer); p.reject(e); });
    }, republishMs);
  };

  const listener: Consumer = await o.queue.subscribe({
    topic: 'results.aggregated', group: `publisher.${randomUUID()}`, from: 'latest',
    handler: async (m) => {
      const a = JSON.parse(m.value) as Aggregated;
      const key = id(a.prediction, a.job);
      const p = pending.get(key);
      if (!p) return;
      let progress = false;
      for (const r of a.records) if (!p.records.has(r.game)) { p.records.set(r.game, r); progress = true; }
      if (p.records.size >= p.games) {
        pending.delete(key);
        clearTimeout(p.timer);
        p.resolve([...p.records.values()].sort((x, y) => x.game - y.game));
      } else if (progress) arm(key, p);
    },
  });

  return {
    play(prediction: string): Play {
      return (match: MatchJob) => {
        if (closed) return Promise.reject(new Error('the publisher is closed'));
        const job = jobKey(match);
        const key = id(prediction, job);
        if (pending.has(key)) return Promise.reject(new Error(`job ${job} of prediction ${prediction} is already being played`));
        return new Promise<GameRecord[]>((resolve, reject) => {
          const stamped = o.build ? { ...match, engine: o.build.engine, irHash: o.build.irHash } : match;
          const batches = slices(match.games, o.sliceGames ?? 16).map(({ first, count }) => ({ prediction, job, match: stamped, first, count }));
          const p: Pending = { batches, games: match.games, records: new Map(), context: context.active(), timer: setTimeout(() => {}, 0), resolve, reject };
          if (match.games === 0) { resolve([]); return; }
          pending.set(key, p);
          arm(key, p);
          publish(p, batches).catch((e: Error) => { pending.delete(key); clearTimeout(p.timer); reject(e); });
        });
      };
    },
    async close() {
      closed = true;
      for (const [key, p] of pending) { pending.delete(key); clearTimeout(p.timer); p.reject(new Error('the publisher was closed')); }
      await listener.stop();
    },
  };
}

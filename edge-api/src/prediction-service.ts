// Predictions as the API sees them: submitted, queued, run, read back. The in-process service
// runs backend's predict() one prediction at a time, its games played on the shared engine-as
// runner pool or by volunteers, and keeps everything in memory: a restart loses every prediction
// (durable storage comes later, issue 6).
import { randomUUID } from 'node:crypto';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';
import { predict, type Prediction } from '@spellgrid/backend/src/predict.ts';
import { BATCHES_PER_ROUND, runnerPlay } from '@spellgrid/backend/src/run.ts';
import { volunteerPlay } from '@spellgrid/backend/src/volunteer/supply.ts';
import type { Field } from '@spellgrid/backend/src/field.ts';
import type { Log } from './log.ts';
import type { RunnerPool } from './runner-pool.ts';
import type { Volunteers } from './volunteers.ts';

/** A prediction request, decks resolved: everything that decides its numbers. */
export interface PredictionJob {
  deck: Deck;
  field: Field<Deck>;
  target?: number;
  budget?: number;
  seed: number;
  /** Who plays the games: the server's runner pool, or volunteers through the coordinator. */
  compute: 'cluster' | 'volunteers';
}

export type PredictionState = 'queued' | 'running' | 'done' | 'failed';

export interface PredictionStatus {
  id: string;
  status: PredictionState;
  progress: {
    games: number;
    /** The field win rate's current 95% half-width; null before the first round. */
    halfWidth: number | null;
    /** Seconds left at the rate seen so far; null if unknown. */
    etaSeconds: number | null;
  };
  /** Why it failed (failed only). */
  error?: string;
}

export interface PredictionService {
  /** Queues the job; null when the queue is full. */
  submit(job: PredictionJob): PredictionStatus | null;
  status(id: string): PredictionStatus | undefined;
  /** The finished prediction; undefined unless done. */
  result(id: string): Prediction | undefined;
  /** Stops taking work; a prediction in flight fails (the runner pool's owner closes it). */
  close(): Promise<void>;
}

interface Entry { status: PredictionStatus; job: PredictionJob; result?: Prediction }

export function inProcessPredictions(o: { pool: CardPool; runner: RunnerPool; volunteers: Volunteers; log: Log; maxQueued: number }): PredictionService {
  const entries = new Map<string, Entry>();
  /** Predictions submitted and not yet settled. */
  let waiting = 0;
  let closed = false;
  /** The queue: each prediction starts when the one before it has settled. */
  let tail = Promise.resolve();

  const run = async (e: Entry) => {
    if (closed) throw new Error('the prediction service is closed');
    e.status.status = 'running';
    const { deck, field, target, budget, seed, compute } = e.job;
    const play = compute === 'volunteers' ? volunteerPlay(await o.volunteers.coordinator(), e.status.id) : runnerPlay(await o.runner.get());
    e.result = await predict({
      deck, field, target, budget, seed, parallel: BATCHES_PER_ROUND,
      onProgress: (p) => { e.status.progress = { games: p.games, halfWidth: p.halfWidth, etaSeconds: p.etaSeconds }; },
    }, play, (c) => o.pool.card(c).name);
    e.status.progress = { games: e.result.games, halfWidth: e.result.winRate.halfWidth, etaSeconds: 0 };
    e.status.status = 'done';
  };

  return {
    submit(job) {
      if (waiting >= o.maxQueued) return null;
      waiting++;
      const e: Entry = { job, status: { id: randomUUID(), status: 'queued', progress: { games: 0, halfWidth: null, etaSeconds: null } } };
      entries.set(e.status.id, e);
      tail = tail.then(() => run(e)).catch((err: Error) => {
        e.status.status = 'failed';
        e.status.error = 'the prediction could not be run';
        o.log({ level: 'error', msg: 'prediction failed', id: e.status.id, error: err.message, stack: err.stack });
      }).finally(() => { waiting--; });
      return { ...e.status };
    },
    status: (id) => { const s = entries.get(id)?.status; return s && { ...s, progress: { ...s.progress } }; },
    result: (id) => entries.get(id)?.result,
    async close() { closed = true; },
  };
}

// The prediction service: takes prediction jobs, runs backend's predict() on them and keeps every
// prediction and every batch of games it played in a PredictionStore. Cluster predictions run one
// at a time (they share the runner pool's cores); volunteer predictions wait on volunteers, not on
// the server, so they run side by side. A service opened on a store with unfinished predictions
// runs them again: predict() is deterministic and each batch's games are looked up before they
// are played, so a restarted prediction counts exactly the games it would have without the restart.
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, context, trace } from '@opentelemetry/api';
import { withLogFields } from '../observability/log.ts';
import { inSpan } from '../observability/tracing.ts';
import { predict, type Play, type Prediction } from '../predict.ts';
import { BATCHES_PER_ROUND } from '../run.ts';
import { sha256 } from '../volunteer/signature.ts';
import { canonical } from '../volunteer/canonical.ts';
import type { PredictionJob, PredictionRecord, PredictionRound, PredictionState, PredictionStore } from './store.ts';

export interface PredictionStatus {
  id: string;
  status: PredictionState;
  progress: PredictionRecord['progress'];
  error?: string;
}

export interface PredictionService {
  /** Stores and queues the job; null when `maxQueued` predictions are already waiting. */
  submit(job: PredictionJob): Promise<PredictionStatus | null>;
  status(id: string): Promise<PredictionStatus | undefined>;
  /** The rounds played so far (all of them once done); undefined for an unknown id. */
  rounds(id: string): Promise<PredictionRound[] | undefined>;
  /** The whole record (with the job and, once done, the result). */
  record(id: string): Promise<PredictionRecord | undefined>;
  /** The predictions queued or running now. */
  live(): PredictionStatus[];
  /** Resolves when every prediction submitted or resumed so far has settled (tests, tools). */
  idle(): Promise<void>;
  /** Stops starting predictions and batches: those not done stay unfinished in the store, to resume on the next open. */
  close(): void;
}

export interface ServiceOptions {
  store: PredictionStore;
  /** Who plays prediction `id`'s games for `compute`. */
  play(compute: PredictionJob['compute'], id: string): Promise<Play>;
  /** A card's name, for per-card statistics. */
  cardName(card: number): string;
  maxQueued: number;
  /** Milliseconds since the epoch, for createdAt. */
  clock?: () => number;
  log(fields: Record<string, unknown>): void;
  /** Told of each batch played (not one read back from the store): who played it, its games, its seconds. */
  onBatch?(compute: PredictionJob['compute'], games: number, seconds: number): void;
}

class Closed extends Error {}

/** Opens the service on `o.store` and resumes its unfinished predictions, oldest first. */
export async function openPredictions(o: ServiceOptions): Promise<PredictionService> {
  const { store } = o;
  const clock = o.clock ?? Date.now;
  /** Predictions queued or running, as they are now: status and round reads need not wait on the store. */
  const live = new Map<string, PredictionRecord>();
  const settling = new Set<Promise<void>>();
  let closed = false;
  /** Cluster predictions run in order: each starts when the one before has settled. */
  let clusterTail = Promise.resolve();

  const statusOf = (p: PredictionRecord): PredictionStatus => ({ id: p.id, status: p.status, progress: p.progress, ...(p.error ? { error: p.error } : {}) });

  // Every batch is stored under its content, and found again when the prediction is run again.
  const durable = (id: string, compute: PredictionJob['compute'], play: Play): Play => async (job) => {
    if (closed) throw new Closed();
    const key = sha256(canonical(job)).slice(0, 32);
    const stored = await store.batch(id, key);
    if (stored) return stored;
    const t0 = performance.now();
    const games = await play(job);
    o.onBatch?.(compute, games.length, (performance.now() - t0) / 1000);
    await store.putBatch(id, key, games);
    return games;
  };

  const run = async (p: PredictionRecord) => {
    if (closed) throw new Closed();
    p.status = 'running';
    p.rounds = []; // a resumed prediction replays its rounds from its stored batches
    await store.put(p);
    const { deck, field, target, budget, seed, compute } = p.job;
    const play = durable(p.id, compute, await o.play(compute, p.id));
    const result: Prediction = await predict({
      deck, field, target, budget, seed, parallel: BATCHES_PER_ROUND,
      onProgress: (g) => {
        p.progress = { games: g.games, halfWidth: g.halfWidth, etaSeconds: g.etaSeconds };
        p.rounds!.push({ games: g.games, halfWidth: g.halfWidth, matchups: g.matchups.map(({ games, wins, losses, draws, winRate, interval }) => ({ games, wins, losses, draws, winRate, interval })) });
      },
    }, play, o.cardName);
    trace.getActiveSpan()?.setAttribute('spellgrid.games', result.games);
    // stored before it shows as done, so a client told `done` finds it done in the store too
    const done: PredictionRecord = { ...p, status: 'done', result, progress: { games: result.games, halfWidth: result.winRate.halfWidth, etaSeconds: 0 } };
    await store.put(done);
    Object.assign(p, done);
  };

  // The run is traced as a span of the trace the prediction was submitted in (the POST's), though it
  // starts later; a resumed prediction starts a trace of its own. Its log lines carry its id.
  const start = (p: PredictionRecord, parent = ROOT_CONTEXT) => {
    live.set(p.id, p);
    const traced = () => withLogFields({ prediction: p.id }, () => inSpan('prediction run', {
      kind: SpanKind.INTERNAL, parent, attributes: { 'spellgrid.prediction': p.id, 'spellgrid.compute': p.job.compute },
    }, () => run(p)));
    const go = () => traced().catch(async (err: Error) => {
      if (err instanceof Closed || closed) return; // stays unfinished in the store: resumed on the next open
      o.log({ level: 'error', msg: 'prediction failed', id: p.id, error: err.message, stack: err.stack });
      Object.assign(p, { status: 'failed', error: 'the prediction could not be run' });
      await store.put(p).catch((e: Error) => o.log({ level: 'error', msg: 'storing a failed prediction failed', id: p.id, error: e.message }));
    });
    let done: Promise<void>;
    if (p.job.compute === 'cluster') done = clusterTail = clusterTail.then(go);
    else done = go();
    const settled = done.finally(() => { live.delete(p.id); settling.delete(settled); });
    settling.add(settled);
  };

  for (const p of await store.unfinished()) {
    o.log({ level: 'info', msg: 'resuming prediction', id: p.id, status: p.status, games: p.progress.games });
    start({ ...p, status: 'queued' });
  }

  return {
    async submit(job) {
      if (closed || settling.size >= o.maxQueued) return null;
      const p: PredictionRecord = { id: randomUUID(), status: 'queued', job, progress: { games: 0, halfWidth: null, etaSeconds: null }, createdAt: clock() };
      await store.put(p);
      start(p, context.active());
      return statusOf(p);
    },
    async status(id) {
      const p = live.get(id) ?? await store.get(id);
      return p && structuredClone(statusOf(p));
    },
    async rounds(id) {
      const p = live.get(id) ?? await store.get(id);
      return p && structuredClone(p.rounds ?? []);
    },
    record: (id) => store.get(id),
    live: () => [...live.values()].map((p) => structuredClone(statusOf(p))),
    async idle() {
      while (settling.size) await Promise.all(settling);
    },
    close() {
      // Not waiting for running predictions: a volunteer one may wait on volunteers indefinitely.
      closed = true;
    },
  };
}

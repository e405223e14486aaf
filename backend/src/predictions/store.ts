// What the prediction service keeps: each prediction (its job, state, progress, result) and the
// games of every batch it has played, behind a small asynchronous interface with an in-memory and
// an SQL implementation (sql.ts). The batches make a restart cheap and exact: the controller is
// deterministic, so a prediction run again asks for the same batches and finds them stored.
import type { Deck, GameRecord } from '@spellgrid/engine-as/src/host/jobs.ts';
import type { Field } from '../field.ts';
import type { Prediction } from '../predict.ts';
import type { MatchupResult } from '../controller.ts';

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

export interface PredictionProgress {
  games: number;
  /** The field win rate's current 95% half-width; null before the first round. */
  halfWidth: number | null;
  /** Seconds left at the rate seen so far; null if unknown. */
  etaSeconds: number | null;
}

/** The state after one round of batches: what a chart of the estimates narrowing is drawn from. */
export interface PredictionRound {
  games: number;
  /** The field win rate's 95% half-width. */
  halfWidth: number;
  /** Per opponent, in field order. */
  matchups: Pick<MatchupResult, 'games' | 'wins' | 'losses' | 'draws' | 'winRate' | 'interval'>[];
}

export interface PredictionRecord {
  id: string;
  status: PredictionState;
  job: PredictionJob;
  progress: PredictionProgress;
  /** Once done: every round in order. */
  rounds?: PredictionRound[];
  /** Once done. */
  result?: Prediction;
  /** Why it failed (failed only). */
  error?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface PredictionStore {
  get(id: string): Promise<PredictionRecord | undefined>;
  put(p: PredictionRecord): Promise<void>;
  /** Queued and running predictions, oldest first (to resume after a restart). */
  unfinished(): Promise<PredictionRecord[]>;
  /** The games stored for batch `key` of `prediction`. */
  batch(prediction: string, key: string): Promise<GameRecord[] | undefined>;
  /** Stores a batch's games; the first write of a key wins (a batch's games never change). */
  putBatch(prediction: string, key: string, games: GameRecord[]): Promise<void>;
  /** Games stored over all of `prediction`'s batches. */
  storedGames(prediction: string): Promise<number>;
}

export function memoryPredictionStore(): PredictionStore {
  const predictions = new Map<string, PredictionRecord>();
  const batches = new Map<string, Map<string, GameRecord[]>>();
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    get: async (id) => { const p = predictions.get(id); return p && copy(p); },
    put: async (p) => { predictions.set(p.id, copy(p)); },
    unfinished: async () => [...predictions.values()].filter((p) => p.status === 'queued' || p.status === 'running').map(copy),
    batch: async (prediction, key) => { const b = batches.get(prediction)?.get(key); return b && copy(b); },
    putBatch: async (prediction, key, games) => {
      const of = batches.get(prediction) ?? new Map<string, GameRecord[]>();
      batches.set(prediction, of);
      if (!of.has(key)) of.set(key, copy(games));
    },
    storedGames: async (prediction) => [...(batches.get(prediction)?.values() ?? [])].reduce((n, b) => n + b.length, 0),
  };
}

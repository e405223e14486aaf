// The cluster prediction flow's messages, as JSON on the queue:
//   sim.jobs            SimBatch    a slice of one job's games, for any worker of the `workers` group
//   sim.results         SimResult   the slice's game records, played by a worker
//   results.aggregated  Aggregated  the slice's records after the aggregator counted them
// sim.jobs and sim.results are keyed by prediction/job/first game, so one prediction's slices
// spread over every partition (and worker); results.aggregated by prediction id. A job (MatchJob) is named by the hash of its content, as the
// prediction service's durable batches are, so a job published again after a restart or a
// re-delivered result lands on the same rows and is counted once.
import { createHash } from 'node:crypto';
import type { GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { canonical } from '../volunteer/canonical.ts';
import type { GameOutcome } from '../storage/outcomes.ts';

export interface SimBatch {
  prediction: string;
  /** The job's key: jobKey(job). */
  job: string;
  /** The whole job (its games 0..games−1); this message asks for games first..first+count−1. */
  match: MatchJob;
  first: number;
  count: number;
}

export interface SimResult {
  prediction: string;
  job: string;
  /** Games in the whole job: the publisher waits for all of them. */
  games: number;
  /** The matchup the games count for (the second deck's name). */
  matchup: string;
  first: number;
  records: GameRecord[];
  /** Which worker played them (host:pid), for logs. */
  worker: string;
}

export interface Aggregated extends SimResult {
  /** Games of this slice newly counted by this delivery (0 on a re-delivery). */
  counted: number;
}

export const jobKey = (job: MatchJob): string => createHash('sha256').update(canonical(job)).digest('hex').slice(0, 32);

export const deckName = (d: MatchJob['decks'][number]): string => (typeof d === 'string' ? d : d.name);

/** Game records as the outcome store counts them: from the first deck's side (seat 0). */
export function outcomesOf(records: readonly GameRecord[], matchup: string): GameOutcome[] {
  return records.map((r) => ({ game: r.game, matchup, result: r.winner === 0 ? 'win' : r.winner === 1 ? 'loss' : 'draw' }));
}

/**
 * Slices of `games` games of at most `size` each, starting on even games: games 2k and 2k+1 share
 * a shuffle (match.ts matchGame), so a slice from an even game is the job shifted by first/2 seeds.
 */
export function slices(games: number, size: number): { first: number; count: number }[] {
  const step = Math.max(2, size - (size % 2));
  const out: { first: number; count: number }[] = [];
  for (let first = 0; first < games; first += step) out.push({ first, count: Math.min(step, games - first) });
  return out;
}

/** The job whose games 0..count−1 are games first..first+count−1 of `job` (first even). */
export function sliceJob(job: MatchJob, first: number, count: number): MatchJob {
  if (first % 2 !== 0) throw new Error(`a slice starts on an even game (got ${first})`);
  return { ...job, id: `${job.id} [${first}+${count}]`, seed: job.seed + first / 2, games: count };
}

// Playing a prediction's jobs on an engine-as runner pool, as the CLI and the API both do.
import type { Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import type { Play } from './predict.ts';

/** Batches the controller plans per round: fixed, not the worker count, so the numbers never
 * depend on the machine (the rounds decide which games are played); 8 keeps 8 workers busy. */
export const BATCHES_PER_ROUND = 8;

/** Jobs on a warm pool of worker threads, stamped with the workers' engine build and card IR. */
export function runnerPlay(runner: Runner): Play {
  return async (job) => (await runner.run([{ ...job, engine: runner.engine, irHash: runner.irHash }])).jobs[0]!.games;
}

// Volunteers as the predictions' source of games: a `Play` (predict.ts) whose jobs become queued
// work and whose games are the verified ones. Work is named by the prediction and the job's
// content, so a prediction replayed after a restart (the controller asks for the same batches
// again) finds its verified batches in the store and never counts a game twice.
import type { Deck, GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import type { Play } from '../predict.ts';
import { sha256 } from './signature.ts';
import { canonical } from './canonical.ts';
import type { Coordinator } from './coordinator.ts';

/** The work id of `job` within `prediction`. */
export function workId(prediction: string, job: MatchJob): string {
  return `${prediction}:${sha256(canonical(job)).slice(0, 16)}`;
}

export function volunteerPlay(coordinator: Coordinator, prediction: string): Play {
  return async (job): Promise<GameRecord[]> => {
    const [a, b] = job.decks;
    if (typeof a === 'string' || typeof b === 'string') throw new TypeError(`job "${job.id}": volunteers are sent decks by value, not by name`);
    const id = workId(prediction, job);
    await coordinator.enqueue(id, { ...job, decks: [a, b] as [Deck, Deck] });
    return (await coordinator.verified(id)).games!;
  };
}

// The aggregator: the `aggregator` group on sim.results. For each played slice it records the
// games in the outcome store (keyed by prediction, job and game: a slice delivered twice is
// counted once), then announces the slice on results.aggregated, and only then commits. A crash
// between storing and committing re-delivers the slice; the store ignores its games the second
// time, and the announcement is repeated (publishers take each game once).
import { trace } from '@opentelemetry/api';
import type { Consumer, Queue } from '../queue/queue.ts';
import { publishTraced, subscribeTraced } from '../queue/trace.ts';
import type { OutcomeStore } from '../storage/outcomes.ts';
import { outcomesOf, type Aggregated, type SimResult } from './messages.ts';

export const AGGREGATOR_GROUP = 'aggregator';

export interface AggregatorOptions {
  queue: Queue;
  outcomes: OutcomeStore;
  /** Called after a slice is stored and before it is announced and committed (fault tests crash here). */
  afterStore?(r: SimResult, counted: number): void | Promise<void>;
  /** Told of each slice stored: its games newly counted and those already counted (a re-delivery) (metrics). */
  onStored?(stored: number, duplicate: number): void;
  log?(fields: Record<string, unknown>): void;
}

export async function startAggregator(o: AggregatorOptions): Promise<Consumer> {
  return subscribeTraced(o.queue, {
    topic: 'sim.results', group: AGGREGATOR_GROUP,
    handler: async (m) => {
      const r = JSON.parse(m.value) as SimResult;
      const counted = await o.outcomes.recordGames(r.prediction, r.job, outcomesOf(r.records, r.matchup));
      trace.getActiveSpan()?.setAttributes({ 'spellgrid.prediction': r.prediction, 'spellgrid.job': r.job, 'spellgrid.games': r.records.length, 'spellgrid.games.counted': counted });
      o.onStored?.(counted, r.records.length - counted);
      await o.afterStore?.(r, counted);
      const a: Aggregated = { ...r, counted };
      await publishTraced(o.queue, 'results.aggregated', [{ key: r.prediction, value: JSON.stringify(a) }], r.prediction, { 'spellgrid.prediction': r.prediction, 'spellgrid.games': counted });
      if (counted < r.records.length) o.log?.({ level: 'info', msg: 'result delivered again: games already counted', job: r.job, first: r.first, counted, games: r.records.length });
    },
  });
}

// A prediction's sample games as replay records: re-simulated on demand from the prediction's
// decks and agents and the game's seed (nothing but the sample list is stored), checked against
// the digest the game had when it was played, and narrated as an event log.
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import { ladderAgent } from '@spellgrid/engine-as/src/host/batch.ts';
import { describeEvents, type ReplayRecord } from '@spellgrid/engine-as/src/host/replay.ts';
import type { SampleReplay } from '../predict.ts';
import type { PredictionRecord } from './store.ts';

export interface PredictionReplay extends SampleReplay {
  /** `<prediction id>.<matchup>.<game>` */
  id: string;
  prediction: string;
  /** Decks by card name, seed, starting player, agents, every decision and the final digest (`spellgrid replay --load`). */
  record: ReplayRecord;
  /** The game in plain language, one line per event. */
  events: string[];
}

export const replayId = (prediction: string, r: Pick<SampleReplay, 'matchup' | 'game'>) => `${prediction}.${r.matchup}.${r.game}`;

/** The prediction id, matchup and game a replay id names; undefined if it is not one. */
export function parseReplayId(id: string): { prediction: string; matchup: number; game: number } | undefined {
  const m = /^(.+)\.(\d{1,6})\.(\d{1,9})$/.exec(id);
  return m ? { prediction: m[1]!, matchup: Number(m[2]), game: Number(m[3]) } : undefined;
}

export class ReplayDiverged extends Error {}

/** Plays `sample` of done prediction `p` again on `engine`; throws ReplayDiverged if it does not end as it did (another engine build). */
export function replayGame(engine: Engine, p: PredictionRecord, sample: SampleReplay): PredictionReplay {
  const { deck, field } = p.job;
  const agents = p.result!.agents;
  const decks: [number[], number[]] = [deck.cards, field.decks[sample.matchup]!.deck.cards];
  const o = { decks, seed: sample.seed, onThePlay: sample.onThePlay as 0 | 1 };
  const played = engine.play(o, [ladderAgent(agents[0], engine), ladderAgent(agents[1], engine)]);
  if (played.digest !== sample.digest) {
    throw new ReplayDiverged(`game ${sample.game} against ${sample.opponent} ends differently on this engine build (${engine.buildHash.slice(0, 12)}) than when it was played`);
  }
  engine.replay({ ...o, log: true }, played.decisions);
  const record: ReplayRecord = {
    format: 'spellgrid-replay/1', engine: engine.buildHash, irHash: engine.pool.irHash,
    decks: decks.map((d) => d.map((c) => engine.pool.card(c).name)), seed: sample.seed, onThePlay: sample.onThePlay,
    agents: [...agents], decisions: played.decisions, digest: played.digest,
  };
  return { id: replayId(p.id, sample), prediction: p.id, ...sample, record, events: describeEvents(engine.eventLog(), decks, engine.pool) };
}

// The casts of a game in order, for the play-pattern graph. A game record's per-card facts say
// what was cast but not when, so the game is replayed with the event log on (from its decisions,
// which reproduce it exactly) and its EV_TURN and EV_CAST events are read.
import * as E from '@spellgrid/engine-as/assembly/ir/events.ts';
import type { Engine, GameOptions } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Cast } from './graph.ts';

/** The casts in a raw event log ([type, a, b, c] per event), named from `cardName`. */
export function castsOfLog(log: Int32Array, cardName: (card: number) => string): Cast[] {
  const out: Cast[] = [];
  let turn = 0;
  for (let i = 0; i + 3 < log.length; i += 4) {
    const t = log[i]!;
    if (t === E.EV_TURN) turn = log[i + 1]!;
    else if (t === E.EV_CAST) {
      const player = log[i + 2]!;
      if (player === 0 || player === 1) out.push({ card: cardName(log[i + 3]!), turn, player });
    }
  }
  return out;
}

/** Replays a game from its decisions with logging on and returns its casts; throws if the replay does not end on `digest` (when given). */
export function castsOfGame(engine: Engine, o: GameOptions, decisions: number[], digest?: string): Cast[] {
  const game = engine.replay({ ...o, log: true }, decisions);
  if (digest !== undefined && game.digest() !== digest) throw new Error(`the replay of seed ${o.seed} ends on digest ${game.digest()}, not ${digest}`);
  return castsOfLog(engine.eventLog(), (c) => engine.pool.card(c).name);
}

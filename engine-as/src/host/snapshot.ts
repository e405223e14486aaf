// The whole visible state of a game, for the replay viewer: both players' zones with object ids,
// each permanent's tapped state, counters, attachments and P/T beside its printed P/T, the stack.
// And a replay record played decision by decision into frames (a snapshot after each decision)
// with its event log narrated line by line, each line mapped to its frame. Pure (no Node or DOM
// imports): the browser's engine worker and Node tests run the same code.
import * as S from '../../assembly/ir/spec.ts';
import * as E from '../../assembly/ir/events.ts';
import { STEPS, type Engine, type Game } from './engine.ts';
import { describeEvents, gameOptionsOf, type ReplayRecord } from './replay.ts';
import { COUNTER_FIELDS, KEYWORDS, type CounterName } from './scenario.ts';

export interface CardSnap { id: number; card: string }

export interface PermanentSnap extends CardSnap {
  owner: number;
  controller: number;
  tapped: boolean;
  token: boolean;
  power: number;
  toughness: number;
  /** The printed P/T (null for a non-creature or a characteristic-defining "*"). */
  basePower: number | null;
  baseToughness: number | null;
  damage: number;
  counters: Record<string, number>;
  keywords: string[];
  /** The id of the permanent this one is attached to. */
  attachedTo: number | null;
  creature: boolean;
  land: boolean;
}

export interface PlayerSnap {
  life: number;
  library: number;
  hand: CardSnap[];
  graveyard: CardSnap[];
  exile: CardSnap[];
  battlefield: PermanentSnap[];
}

export interface StackSnap extends CardSnap { controller: number; ability: boolean }

export interface Snapshot {
  turn: number;
  active: number;
  step: string;
  over: boolean;
  winner: number | null;
  players: [PlayerSnap, PlayerSnap];
  /** Bottom first: the last item resolves first. */
  stack: StackSnap[];
  /** Who is deciding what, while the game is not over. */
  decision: { player: number; kind: string } | null;
}

/** Counter names as a player reads them. */
const COUNTER_WORDS: Record<CounterName, string> = { p1p1: '+1/+1', m1m1: '-1/-1', loyalty: 'loyalty', stun: 'stun', other: 'other' };

/** The state of the game in the engine's main slot. */
export function snapshot(game: Game): Snapshot {
  const x = game.engine.x;
  const pool = game.engine.pool;
  const players = [0, 1].map((p): PlayerSnap => ({ life: x.playerField(p, 0), library: x.playerField(p, 2), hand: [], graveyard: [], exile: [], battlefield: [] })) as [PlayerSnap, PlayerSnap];
  const n = x.objCount();
  for (let i = 0; i < n; i++) {
    const zone = x.objField(i, 3);
    const owner = x.objField(i, 1);
    if (zone === S.ZONE_HAND) players[owner]!.hand.push({ id: i, card: game.cardName(i) });
    else if (zone === S.ZONE_GRAVEYARD) players[owner]!.graveyard.push({ id: i, card: game.cardName(i) });
    else if (zone === S.ZONE_EXILE) players[owner]!.exile.push({ id: i, card: game.cardName(i) });
    else if (zone === S.ZONE_BATTLEFIELD) {
      const meta = pool.card(x.objField(i, 0));
      const kw = x.objField(i, 12);
      const counters: Record<string, number> = {};
      for (const [name, field] of COUNTER_FIELDS) { const v = x.objField(i, field); if (v) counters[COUNTER_WORDS[name]] = v; }
      const att = x.objField(i, 9);
      const flags = x.objField(i, 4);
      const types = x.objField(i, 17);
      const controller = x.objField(i, 2);
      players[controller]!.battlefield.push({
        id: i, card: game.cardName(i), owner, controller,
        tapped: (flags & 1) !== 0, token: (flags & 4) !== 0,
        power: x.objField(i, 10), toughness: x.objField(i, 11),
        basePower: typeof meta.power === 'number' ? meta.power : null,
        baseToughness: typeof meta.toughness === 'number' ? meta.toughness : null,
        damage: x.objField(i, 5), counters,
        keywords: KEYWORDS.filter(([bit]) => kw & bit).map(([, w]) => w),
        attachedTo: att >= 0 ? att : null,
        creature: (types & S.TYPE_CREATURE) !== 0, land: (types & S.TYPE_LAND) !== 0,
      });
    }
  }
  const stack: StackSnap[] = [];
  for (let k = 0; k < x.stackCount(); k++) {
    const obj = x.stackField(k, 1);
    stack.push({ id: obj, card: game.cardName(obj), controller: x.stackField(k, 2), ability: x.stackField(k, 0) !== 0 });
  }
  const over = game.over;
  const w = x.gameWinner();
  return {
    turn: x.gameTurn(), active: x.gameActive(), step: STEPS[x.gameStep()] ?? '?', over,
    winner: over && (w === 0 || w === 1) ? w : null,
    players, stack,
    decision: over ? null : { player: x.decisionPlayer(), kind: game.decision().kind },
  };
}

/** One line of the narrated log and what the board shows at it. */
export interface ReplayLine {
  text: string;
  /** The frame (decisions made) whose events include this line's. */
  frame: number;
  turn: number;
  /** Life totals after this line's event, and mana each player has added this step (W U B R G C). */
  life: [number, number];
  mana: [string, string];
}

export interface ReplayFrames {
  /** frames[k]: the state after k decisions (frames[0]: at the first decision). */
  frames: Snapshot[];
  lines: ReplayLine[];
  /** The first line of each turn. */
  turns: { turn: number; player: number; line: number }[];
  /** The replayed game's final digest, and whether it is the record's. */
  digest: string;
  matches: boolean;
  winner: number | null;
  reason: string;
}

const MANA = ['W', 'U', 'B', 'R', 'G', 'C'];

/**
 * Plays a replay record decision by decision from the start, snapshotting after each, and narrates
 * its event log (describeEvents) with each line mapped to its frame. Throws on an illegal decision.
 */
export function replayFrames(engine: Engine, rec: ReplayRecord): ReplayFrames {
  const game = engine.newGame(gameOptionsOf(rec, engine.pool));
  const frames: Snapshot[] = [snapshot(game)];
  const ends: number[] = [engine.x.eventLogLength()]; // events logged by the end of each frame
  for (const [k, choice] of rec.decisions.entries()) {
    if (game.over) throw new Error(`replay decision ${k}: the game is already over`);
    game.choose(choice);
    frames.push(snapshot(game));
    ends.push(engine.x.eventLogLength());
  }
  const log = engine.eventLog();
  const decks = gameOptionsOf(rec, engine.pool).decks;
  const at: number[] = [];
  const texts = describeEvents(log, decks, engine.pool, at);
  const lines: ReplayLine[] = [];
  const turns: ReplayFrames['turns'] = [];
  const life: [number, number] = [frames[0]!.players[0].life, frames[0]!.players[1].life];
  const mana: [string, string] = ['', ''];
  let frame = 0, turn = 0, event = 0;
  texts.forEach((text, j) => {
    const e = at[j]!;
    for (; event <= e; event++) { // fold in every event up to this line's, narrated or not
      const [t, a, b, c] = [log[4 * event]!, log[4 * event + 1]!, log[4 * event + 2]!, log[4 * event + 3]!];
      if (t === E.EV_LIFE && (a === 0 || a === 1)) life[a] = c;
      else if (t === E.EV_STEP) { mana[0] = ''; mana[1] = ''; }
      else if (t === E.EV_MANA && (a === 0 || a === 1)) mana[a] += (MANA[b] ?? '?').repeat(Math.max(0, c));
      else if (t === E.EV_TURN) { turn = a; turns.push({ turn: a, player: b, line: j }); }
    }
    while (frame < ends.length - 1 && ends[frame]! <= e) frame++;
    lines.push({ text, frame, turn, life: [life[0], life[1]], mana: [mana[0], mana[1]] });
  });
  const result = game.result(rec.decisions);
  return { frames, lines, turns, digest: result.digest, matches: result.digest === rec.digest, winner: result.winner, reason: result.reason };
}

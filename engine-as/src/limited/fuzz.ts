// Sealed fuzzing: games between freshly generated sealed decks, with the engine's invariant
// checks after every decision (use the debug build, which also asserts inside the engine).
// Game pair k gets two new pools; its two games share a shuffle seed and swap who plays first.
import { BUILTIN_AGENTS, endReason, type BuiltinAgentName, type Engine } from '../host/engine.ts';
import { sealedDeck } from './builder.ts';
import { deriveSeed } from './rng.ts';

/** A game that has not ended after this many decisions is an error (the action cap is lower). */
const DECISION_LIMIT = 100_000;

export interface FuzzOptions { games: number; agent: BuiltinAgentName; seed: number }

/** One game, by its index in the run and the seeds of its two sealed pools. */
export interface FuzzGame { game: number; poolSeeds: [number, number] }
export interface FuzzError extends FuzzGame { message: string }
export interface FuzzDraw extends FuzzGame { reason: string }

export interface FuzzReport {
  games: number;
  agent: BuiltinAgentName;
  seed: number;
  errors: FuzzError[];
  wins: [number, number];
  draws: number;
  /** Why drawn games ended (turn cap, action cap, engine limit, both players lost...). */
  drawReasons: Record<string, number>;
  drawn: FuzzDraw[];
  meanTurns: number;
  decisions: number;
  /** Mean spells per deck missing from 23 (too few playable cards in the pool). */
  meanShortBy: number;
  gamesPerSecond: number;
}

/** Seeds of game pair k: its two sealed pools and its games' shuffles, three derived streams. */
export function pairSeeds(seed: number, pair: number): { pools: [number, number]; game: number } {
  return { pools: [deriveSeed(seed, 3 * pair), deriveSeed(seed, 3 * pair + 1)], game: deriveSeed(seed, 3 * pair + 2) };
}

export function fuzzSealed(engine: Engine, o: FuzzOptions): FuzzReport {
  const agent = BUILTIN_AGENTS[o.agent];
  const x = engine.x;
  const errors: FuzzError[] = [];
  const wins: [number, number] = [0, 0];
  const drawReasons: Record<string, number> = {};
  const drawn: FuzzDraw[] = [];
  let turns = 0, decisions = 0, shortBy = 0, decks = 0, finished = 0;
  const t0 = performance.now();
  for (let game = 0; game < o.games; game++) {
    const k = game >> 1;
    const seeds = pairSeeds(o.seed, k);
    const fail = (message: string) => errors.push({ game, poolSeeds: seeds.pools, message });
    try {
      const pair = seeds.pools.map((s) => sealedDeck(s, engine.pool)); // built again for the pair's second game: cheap
      for (const d of pair) { shortBy += d.shortBy; decks++; }
      const g = engine.newGame({ decks: [pair[0]!.cards, pair[1]!.cards], seed: seeds.game, onThePlay: (game & 1) as 0 | 1 });
      let steps = 0, bad = 0;
      while (!g.over && steps < DECISION_LIMIT && (bad = x.checkInvariants()) === 0) {
        g.choose(x.agentPick(agent));
        steps++;
      }
      decisions += steps;
      if (bad || (bad = x.checkInvariants())) { fail(`invariant ${bad} broken after ${steps} decisions`); continue; }
      if (!g.over) { fail(`no end after ${steps} decisions`); continue; }
      const r = g.result([]);
      finished++;
      turns += r.turns;
      if (r.winner === null) {
        const why = endReason(r);
        drawReasons[why] = (drawReasons[why] ?? 0) + 1;
        drawn.push({ game, poolSeeds: seeds.pools, reason: why });
      } else wins[r.winner]++;
    } catch (e) {
      fail((e as Error).message);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    games: o.games, agent: o.agent, seed: o.seed, errors, wins,
    draws: drawn.length, drawReasons, drawn,
    meanTurns: finished ? turns / finished : 0, decisions,
    meanShortBy: decks ? shortBy / decks : 0,
    gamesPerSecond: o.games / Math.max(seconds, 1e-9),
  };
}

// MCTS agent (issue 4 part 2), first version: determinized UCT over the root options only (a
// flat, one-level tree). Each iteration clones the real game into a scratch state, resamples
// what the deciding player cannot see (`determinize`), plays the chosen root option and then a
// heuristic rollout for both players inside WASM, and scores the end. Budgeted in iterations,
// never time, and seeded from the game and the position, so the same seed gives the same game.
import * as S from '../../assembly/ir/spec.ts';
import { BUILTIN_AGENTS, type Agent, type Engine, type Game } from './engine.ts';

export interface MctsOptions {
  /** Iterations per decision (default 200). */
  iterations?: number;
  /** Decisions a rollout plays before it is cut off and scored by the board (default 300). */
  rolloutDecisions?: number;
  /** UCB1 exploration constant (default 1.4). */
  c?: number;
}

export const MCTS_DEFAULTS: Required<MctsOptions> = { iterations: 200, rolloutDecisions: 300, c: 1.4 };

/** One scratch state per engine instance, allocated on first use (WASM memory is never freed). */
const scratchSlots = new WeakMap<Engine, number>();
function scratchOf(engine: Engine): number {
  let s = scratchSlots.get(engine);
  if (s === undefined) { s = engine.x.stateNew(); scratchSlots.set(engine, s); }
  return s;
}

/** A 32-bit integer mix (murmur3 finalizer): seeds must differ per position and iteration. */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function mctsAgent(o: MctsOptions = {}): Agent {
  const { iterations, rolloutDecisions, c } = { ...MCTS_DEFAULTS, ...o };
  return {
    name: 'mcts',
    choose(d, game) {
      const n = d.options.length;
      if (n <= 1) return 0;
      const x = game.engine.x;
      const main = game.engine.main;
      const scratch = scratchOf(game.engine);
      // the position's own digest (it leaves out the agents' streams) plus the game seed
      const digest = x.stateDigest();
      const base = mix32(mix32(game.seed, x.gameActions()), Number(BigInt.asUintN(32, digest ^ (digest >> 32n))));
      const visits = new Array<number>(n).fill(0);
      const total = new Array<number>(n).fill(0);
      try {
        for (let it = 0; it < iterations; it++) {
          const k = it < n ? it : ucb1(visits, total, it, c);
          x.stateCopy(scratch, main);
          x.stateUse(scratch);
          x.determinize(d.player, mix32(base, it));
          x.rollout(k, BUILTIN_AGENTS.heuristic, rolloutDecisions);
          total[k]! += score(game, d.player);
          visits[k]!++;
        }
      } finally {
        x.stateUse(main);
      }
      // the most visited option; ties go to the better mean, then the lower index
      let best = 0;
      for (let k = 1; k < n; k++) {
        if (visits[k]! > visits[best]! || (visits[k] === visits[best] && total[k]! > total[best]!)) best = k;
      }
      return best;
    },
  };
}

function ucb1(visits: number[], total: number[], t: number, c: number): number {
  let best = 0, bestValue = -Infinity;
  const logT = Math.log(t);
  for (let k = 0; k < visits.length; k++) {
    const v = total[k]! / visits[k]! + c * Math.sqrt(logT / visits[k]!);
    if (v > bestValue) { best = k; bestValue = v; }
  }
  return best;
}

/** The rollout's value for player p, read from the scratch state in use: win 1 (less a little
 * per turn it took, so faster wins rank higher), loss 0, draw 0.5; a cut-off rollout is scored
 * by life, board power and cards in hand, squeezed into (0.1, 0.9). */
function score(game: Game, p: number): number {
  const x = game.engine.x;
  if (x.gameOver()) {
    const w = x.gameWinner();
    if (w === p) return 1 - 0.002 * Math.min(x.gameTurn(), 50);
    return w === 1 - p ? 0 : 0.5;
  }
  let edge = x.playerField(p, 0) - x.playerField(1 - p, 0) + x.playerField(p, 1) - x.playerField(1 - p, 1);
  for (let i = 0; i < x.objCount(); i++) {
    if (x.objField(i, 3) !== S.ZONE_BATTLEFIELD || !(x.objField(i, 17) & S.TYPE_CREATURE)) continue;
    edge += (x.objField(i, 2) === p ? 2 : -2) * x.objField(i, 10);
  }
  return 0.5 + 0.4 * Math.tanh(edge / 20);
}

// The statistics a prediction needs beyond engine-as's stats.ts (Wilson intervals live there):
// random variates for Monte Carlo from the seeded PRNG the limited tooling uses (never
// Math.random: the same seed gives the same numbers), Beta posteriors, and the interval of the
// field-weighted win rate. Win rates count decided games only; draws are reported beside them.
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';
import type { Rng } from '@spellgrid/engine-as/src/limited/rng.ts';

/** A uniform number in (0, 1): never 0, so logarithms of it are finite. */
export function uniform(rng: Rng): number {
  return (rng.next() + 0.5) / 0x100000000;
}

/** A standard normal variate (Box–Muller; the second value of the pair is dropped for simplicity). */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(uniform(rng))) * Math.cos(2 * Math.PI * uniform(rng));
}

/**
 * A Gamma(shape, 1) variate by Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables". Shapes below 1 use Gamma(shape + 1) · U^(1/shape), as the paper suggests.
 */
export function gamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma: shape must be > 0, got ${shape}`);
  if (shape < 1) return gamma(rng, shape + 1) * uniform(rng) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform(rng);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) variate: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

/**
 * A win rate drawn from its posterior after `wins` and `losses`, under the Jeffreys prior
 * Beta(½, ½): Beta(wins + ½, losses + ½). The Jeffreys prior adds only one game's worth of
 * belief, and unlike a uniform prior it does not pull lopsided matchups towards 50% as much.
 */
export function posteriorWinRate(rng: Rng, wins: number, losses: number): number {
  return beta(rng, wins + 0.5, losses + 0.5);
}

/** One matchup of a field: its share and the submitted deck's decided games against it. */
export interface ShareTally { share: number; wins: number; losses: number }

/** A point estimate with its 95% interval. */
export interface Estimate { value: number; interval: [low: number, high: number]; halfWidth: number }

/**
 * The field-weighted win rate W = Σ share_j · p_j with a normal-approximation interval.
 * Each p_j is wins/decided games (½ before any game), and its variance is read off its Wilson
 * interval as ((high − low) / 2z)²: that stays positive at 0 or n wins and is ¼/z²-wide before
 * any game, where p̂(1 − p̂)/n would claim certainty. Matchups are independent, so
 * Var W = Σ share_j² · Var p_j. Chosen over posterior sampling because it is exact arithmetic
 * (no Monte Carlo noise in a stopping rule) and cheap enough to evaluate after every batch.
 */
export function fieldWinRate(field: readonly ShareTally[], z = 1.96): Estimate {
  let value = 0, variance = 0;
  for (const m of field) {
    const n = m.wins + m.losses;
    const [low, high] = wilson(m.wins, n, z);
    value += m.share * (n ? m.wins / n : 0.5);
    variance += (m.share * (high - low) / (2 * z)) ** 2;
  }
  const halfWidth = z * Math.sqrt(variance);
  return { value, interval: [Math.max(0, value - halfWidth), Math.min(1, value + halfWidth)], halfWidth };
}

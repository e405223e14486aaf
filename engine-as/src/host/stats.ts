// Small statistics for reporting simulation results. Draws are the caller's business:
// pass wins and the number of games that count (decided games, or all games with draws as
// half wins) as the caller's convention says.

/**
 * Wilson score interval for a binomial proportion: `wins` successes in `n` trials.
 * Unlike the normal approximation it stays inside [0, 1] and behaves at 0 or n wins,
 * which is common in lopsided matchups. `z` = 1.96 gives a 95% interval.
 * With no trials nothing is known, so the interval is [0, 1].
 */
export function wilson(wins: number, n: number, z = 1.96): [low: number, high: number] {
  if (!Number.isInteger(wins) || !Number.isInteger(n) || wins < 0 || n < 0 || wins > n) {
    throw new RangeError(`wilson: need whole numbers 0 <= wins <= n, got wins=${wins}, n=${n}`);
  }
  if (n === 0) return [0, 1];
  const p = wins / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Arithmetic mean; NaN for an empty list (there is no mean to report). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** "54.0% (95% CI 44.3–63.4%)": a win rate with its 95% Wilson interval, for summaries. */
export function formatWinRate(wins: number, n: number): string {
  if (n === 0) return "no games";
  const [low, high] = wilson(wins, n);
  const pct = (x: number): string => (100 * x).toFixed(1);
  return `${pct(wins / n)}% (95% CI ${pct(low)}–${pct(high)}%)`;
}

/** "3,812 games/s", "45.2 games/s", "0.813 games/s": whole numbers from 100 up, 3 significant digits below. */
export function formatGamesPerSecond(games: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return "– games/s";
  const rate = (games * 1000) / elapsedMs;
  const digits = rate >= 100 ? 0 : rate >= 10 ? 1 : rate >= 1 ? 2 : 3;
  return `${rate.toLocaleString("en-US", { maximumFractionDigits: digits })} games/s`;
}

// The convergence controller: schedules batches of games until a prediction is as precise as
// asked or the game budget is spent. It knows nothing of engines or workers: it calls `runBatch`
// and reads back wins, losses and draws. Each matchup's games are numbered 0, 1, 2, ... and
// batches take consecutive even-sized runs of them, so a batch never splits a seed pair and the
// same request replays the same games. Batches run in rounds of `parallel`; a round is planned
// from completed results only and folded back in request order, so what is scheduled never
// depends on which batch finishes first.
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';
import { fieldWinRate, type Estimate } from './stats.ts';
import { sprt, sprtErrors, type SprtOptions, type SprtState } from './sprt.ts';
import { requestErrors, withRequestDefaults, type ConvergenceRequest } from './request.ts';
import { shareErrors } from './field.ts';

/** Games `first` .. `first + games − 1` of one matchup (the caller maps game k to its seed). */
export interface BatchRequest { matchup: number; first: number; games: number }

/** The submitted deck's results in a batch; they add up to the games asked for. */
export interface BatchOutcome { wins: number; losses: number; draws: number }

export type RunBatch = (r: BatchRequest) => Promise<BatchOutcome>;

export interface Progress {
  games: number;
  /** Each matchup's results so far (a copy). */
  matchups: MatchupResult[];
  /** The half-width of the interval the stop rule watches (SPRT: the matchup's Wilson interval). */
  halfWidth: number;
  /** Seconds left at the rate seen so far, for the games the target still seems to need; null if unknown. */
  etaSeconds: number | null;
}

export interface ControllerOptions extends ConvergenceRequest {
  /** Called after each round. */
  onProgress?: (p: Progress) => void;
  /** Milliseconds, read for the ETA only (default `performance.now`). */
  clock?: () => number;
}

export interface MatchupTally { games: number; wins: number; losses: number; draws: number }

export interface MatchupResult extends MatchupTally {
  /** Wins over decided games; null before any. */
  winRate: number | null;
  /** 95% Wilson interval over decided games. */
  interval: [low: number, high: number];
}

export type StopReason = 'target' | 'budget' | 'decided';

export interface MatchupConvergence { games: number; stop: StopReason; halfWidth: number; matchup: MatchupResult }

export interface GauntletConvergence { games: number; stop: StopReason; winRate: Estimate; matchups: MatchupResult[] }

export interface SprtConvergence { games: number; stop: StopReason; sprt: SprtState; matchup: MatchupResult }

/** (a) One matchup until its 95% Wilson interval's half-width reaches the target. */
export async function convergeMatchup(runBatch: RunBatch, o: ControllerOptions = {}): Promise<MatchupConvergence> {
  const g = await convergeGauntlet(runBatch, [1], o);
  // With one matchup of share 1, W's half-width is the Wilson interval's.
  return { games: g.games, stop: g.stop, halfWidth: g.winRate.halfWidth, matchup: g.matchups[0]! };
}

/** (b) One matchup until the SPRT accepts H0 or H1 (checked after each round). */
export async function sprtMatchup(runBatch: RunBatch, test: SprtOptions = {}, o: ControllerOptions = {}): Promise<SprtConvergence> {
  const errors = sprtErrors(test);
  if (errors.length) throw new RangeError(errors.join('; '));
  const r = await schedule(runBatch, o, {
    count: 1,
    choose: () => 0,
    stopped: ([t]) => (sprt(t!.wins, t!.losses, test).decision === 'continue' ? null : 'decided'),
    precision: ([t]) => ({ halfWidth: halfWidth(t!), gamesLeft: null }),
  });
  const t = r.tallies[0]!;
  return { games: r.games, stop: r.stop, sprt: sprt(t.wins, t.losses, test), matchup: matchupResult(t) };
}

/**
 * (c) A deck against a field: each next batch goes to the matchup whose extra games most reduce
 * the variance of W = Σ share_j · p_j, i.e. the largest share_j² · p̃_j(1 − p̃_j) · (1/n_j − 1/(n_j + b)).
 * p̃_j = (wins + 1)/(decided + 2) (a Laplace prior) keeps a matchup that has won or lost every game
 * so far from looking certain, and an unplayed matchup (n_j = 0) gains without bound, so each
 * gets a batch before any gets a second. Stops when W's 95% half-width reaches the target.
 */
export async function convergeGauntlet(runBatch: RunBatch, shares: readonly number[], o: ControllerOptions = {}): Promise<GauntletConvergence> {
  const errors = shareErrors(shares.map((share, j) => ({ name: `matchup ${j}`, share })));
  if (errors.length) throw new RangeError(errors.map((e) => e.message).join('; '));
  const { target, batch } = withRequestDefaults(o);
  const w = (tallies: readonly MatchupTally[]) => fieldWinRate(tallies.map((t, j) => ({ share: shares[j]!, wins: t.wins, losses: t.losses })));
  const r = await schedule(runBatch, o, {
    count: shares.length,
    choose: (tallies, planned) => {
      let best = 0, bestGain = -1;
      tallies.forEach((t, j) => {
        const n = t.games + planned[j]!;
        const p = (t.wins + 1) / (t.wins + t.losses + 2);
        const gain = n === 0 ? Infinity : shares[j]! ** 2 * p * (1 - p) * (1 / n - 1 / (n + batch));
        if (gain > bestGain) { best = j; bestGain = gain; }
      });
      return best;
    },
    // every matchup is played before W counts as known: an unplayed one only widens W's
    // interval, and a field win rate that never met part of the field would mislead
    stopped: (tallies) => (tallies.every((t) => t.games > 0) && w(tallies).halfWidth <= target ? 'target' : null),
    precision: (tallies) => {
      const h = w(tallies).halfWidth;
      const games = tallies.reduce((s, t) => s + t.games, 0);
      // Half-widths shrink as 1/√n: the games needed are about n·(h/target)².
      return { halfWidth: h, gamesLeft: games ? games * ((h / target) ** 2 - 1) : null };
    },
  });
  return { games: r.games, stop: r.stop, winRate: w(r.tallies), matchups: r.tallies.map(matchupResult) };
}

/** How one controller mode picks batches and decides it is done. */
interface Plan {
  count: number;
  /** The matchup for the next batch, from completed tallies and the games planned this round. */
  choose(tallies: readonly MatchupTally[], planned: readonly number[]): number;
  stopped(tallies: readonly MatchupTally[]): StopReason | null;
  precision(tallies: readonly MatchupTally[]): { halfWidth: number; gamesLeft: number | null };
}

async function schedule(runBatch: RunBatch, o: ControllerOptions, plan: Plan): Promise<{ games: number; stop: StopReason; tallies: MatchupTally[] }> {
  const errors = requestErrors(o);
  if (errors.length) throw new RangeError(errors.map((e) => e.message).join('; '));
  const { budget, batch, parallel } = withRequestDefaults(o);
  const clock = o.clock ?? (() => performance.now());
  const started = clock();
  const tallies: MatchupTally[] = Array.from({ length: plan.count }, () => ({ games: 0, wins: 0, losses: 0, draws: 0 }));
  let games = 0;
  for (;;) {
    const stop = plan.stopped(tallies);
    if (stop) return { games, stop, tallies };
    const planned = new Array<number>(plan.count).fill(0);
    const requests: BatchRequest[] = [];
    for (let k = 0, left = budget - games; k < parallel; k++) {
      const matchup = plan.choose(tallies, planned);
      // While matchups are unplayed, the budget left is shared among them, so a small budget
      // still meets every matchup instead of spending itself in full batches on the first few.
      const unplayed = tallies.filter((t, j) => t.games + planned[j]! === 0).length;
      const share = unplayed ? Math.max(2, Math.floor(left / unplayed)) : left;
      const size = Math.min(batch, share - (share % 2), left - (left % 2));
      if (size < 2) break;
      requests.push({ matchup, first: tallies[matchup]!.games + planned[matchup]!, games: size });
      planned[matchup]! += size;
      left -= size;
    }
    if (requests.length === 0) return { games, stop: 'budget', tallies };
    const outcomes = await Promise.all(requests.map((r) => runBatch(r)));
    requests.forEach((r, i) => {
      const { wins, losses, draws } = outcomes[i]!;
      if (![wins, losses, draws].every((x) => Number.isInteger(x) && x >= 0) || wins + losses + draws !== r.games) {
        throw new Error(`batch of matchup ${r.matchup}, games ${r.first}..${r.first + r.games - 1}: outcome ${JSON.stringify(outcomes[i])} does not add up to ${r.games} games`);
      }
      const t = tallies[r.matchup]!;
      t.games += r.games; t.wins += wins; t.losses += losses; t.draws += draws;
      games += r.games;
    });
    if (o.onProgress) {
      const { halfWidth, gamesLeft } = plan.precision(tallies);
      const seconds = (clock() - started) / 1000;
      const left = gamesLeft === null ? null : Math.min(Math.max(0, gamesLeft), budget - games);
      o.onProgress({ games, matchups: tallies.map(matchupResult), halfWidth, etaSeconds: left === null || seconds <= 0 ? null : (left * seconds) / games });
    }
  }
}

function halfWidth(t: MatchupTally): number {
  const [low, high] = wilson(t.wins, t.wins + t.losses);
  return (high - low) / 2;
}

function matchupResult(t: MatchupTally): MatchupResult {
  const decided = t.wins + t.losses;
  return { ...t, winRate: decided ? t.wins / decided : null, interval: wilson(t.wins, decided) };
}

// Verification by deterministic re-execution, and the trust that decides how much of it a batch
// gets (BOINC's adaptive replication, adapted: the engine is deterministic, so the coordinator
// replays games itself instead of sending them to a second volunteer). Also the statistical guard
// (fishtest's per-worker residuals). Pure functions; the coordinator wires them to its store.
import { createHmac } from 'node:crypto';
import type { TicketJob, GameReport } from './wire.ts';
import { canonical } from './canonical.ts';

/** Replays games `games` of `job` on the coordinator's own engine, in the order asked. */
export type Replay = (job: TicketJob, games: readonly number[]) => Promise<GameReport[]>;

/** Batches a contributor must pass with every game replayed, at first and after any mismatch. */
export const FULL_CHECK_BATCHES = 3;
/** Past the full checks, the sampled fraction falls as 1/(trust − 1) down to 1/16 … */
export const MIN_SAMPLE_FRACTION = 1 / 16;
/** … and never below this many games (or the whole batch, if smaller). */
export const MIN_SAMPLE_GAMES = 2;

/**
 * How many of a batch's `games` are replayed for a contributor of `trust` (its verified batches
 * since its last mismatch): all for the first FULL_CHECK_BATCHES, then ⌈games/(trust − 1)⌉,
 * at least MIN_SAMPLE_GAMES and at least games/16. For 64 games: 64, 64, 64, 32, 22, 16, … 4 from trust 17.
 */
export function sampleSize(games: number, trust: number): number {
  if (trust < FULL_CHECK_BATCHES) return games;
  const fraction = Math.max(MIN_SAMPLE_FRACTION, 1 / (trust - 1));
  return Math.min(games, Math.max(MIN_SAMPLE_GAMES, Math.ceil(games * fraction)));
}

/**
 * Which games to replay, in ascending order: the `size` games with the smallest
 * HMAC-SHA256(secret, "ticket:game"). Deterministic from the ticket id, so a verification can be
 * redone and audited, yet unpredictable without the coordinator's secret, so a contributor cannot
 * cheat only on the games that will not be checked.
 */
export function sampleGames(ticketId: string, games: number, size: number, secret: string): number[] {
  const rank = (k: number) => createHmac('sha256', secret).update(`${ticketId}:${k}`).digest('hex');
  return Array.from({ length: games }, (_, k) => ({ k, r: rank(k) }))
    .sort((a, b) => (a.r < b.r ? -1 : 1))
    .slice(0, size)
    .map((x) => x.k)
    .sort((a, b) => a - b);
}

/** What differs between a claimed game and its replay (outcome and digest), or null if nothing. */
export function gameMismatch(claimed: GameReport, replayed: GameReport): string | null {
  const fields = ['digest', 'winner', 'reason', 'turns', 'seed', 'onThePlay', 'cards'] as const;
  const differs = fields.filter((f) => canonical(claimed[f] ?? null) !== canonical(replayed[f] ?? null));
  return differs.length ? `game ${replayed.game}: ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''} from the replay` : null;
}

/** One contributor's verified decided games in one matchup (decks and agents). */
export interface MatchupTally { contributor: string; matchup: string; wins: number; losses: number }

export interface Residual { contributor: string; matchup: string; games: number; z: number; flagged: boolean }

export interface ResidualOptions {
  /** Decided games a contributor (and the rest of the pool) needs in a matchup before it can be flagged (default 100). */
  minGames?: number;
  /** |z| above which it is flagged (default 4: about 6 in 100,000 honest contributor-matchups). */
  threshold?: number;
}

/**
 * Each contributor's win rate in each matchup against everyone else's there (a two-proportion z
 * score with the pooled rate, so the contributor's own games do not pull the reference towards it).
 * Honest contributors replay the same deterministic engine on different seeds, so their rates differ
 * only by chance; a |z| beyond the threshold over enough games is implausible.
 */
export function residuals(tallies: readonly MatchupTally[], o: ResidualOptions = {}): Residual[] {
  const { minGames = 100, threshold = 4 } = o;
  const pool = new Map<string, { wins: number; games: number }>();
  for (const t of tallies) {
    const p = pool.get(t.matchup) ?? { wins: 0, games: 0 };
    p.wins += t.wins; p.games += t.wins + t.losses;
    pool.set(t.matchup, p);
  }
  return tallies.map((t) => {
    const all = pool.get(t.matchup)!;
    const n = t.wins + t.losses, rest = all.games - n, restWins = all.wins - t.wins;
    const p = all.games ? all.wins / all.games : 0;
    const se = Math.sqrt(p * (1 - p) * (1 / n + 1 / rest));
    const z = n && rest && se > 0 ? (t.wins / n - restWins / rest) / se : 0;
    return { contributor: t.contributor, matchup: t.matchup, games: n, z, flagged: n >= minGames && rest >= minGames && Math.abs(z) > threshold };
  });
}

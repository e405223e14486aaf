// Per-game outcomes of a prediction, counted exactly once however often a result is delivered.
// A consumer that aggregates results (the job streams) may see one batch's result twice — after a
// crash between storing its effect and committing its offset, or when two workers played the same
// job. Every game is keyed by (prediction, job key, game index): recording a game already
// recorded changes nothing, so re-delivery never double counts. Beside the games, each matchup's
// running totals (games, wins, losses, draws) are kept up to date in the same statement, so reading
// a prediction's counts does not scan its games.
//
// Results are from the prediction's deck's side: 'win' means the deck being predicted won.
// In SQL: tables prediction_outcomes and prediction_matchup_counts (./sql.ts, migration 5).
import type { SqlQueryable } from './sql.ts';

export type GameResult = 'win' | 'loss' | 'draw';

export interface GameOutcome {
  /** The game's index in its job (GameRecord.game): unique within one job. */
  game: number;
  /** Which matchup the game counts for, e.g. the opponent's name in the field. */
  matchup: string;
  result: GameResult;
}

export interface MatchupCount {
  matchup: string;
  games: number;
  wins: number;
  losses: number;
  draws: number;
}

export interface OutcomeStore {
  /**
   * Records the games of job `jobKey` of `prediction`. A game whose (prediction, jobKey, game)
   * is already recorded is skipped (its first recording stands, whatever it said), as is a second
   * copy of a game in `games`. Atomic: all of the new games are counted, or none (on an error).
   * Returns how many games were newly counted.
   */
  recordGames(prediction: string, jobKey: string, games: readonly GameOutcome[]): Promise<number>;
  /** The totals of every matchup of `prediction` that has a game, ordered by matchup name. */
  counted(prediction: string): Promise<MatchupCount[]>;
}

const RESULTS: readonly GameResult[] = ['win', 'loss', 'draw'];

function check(games: readonly GameOutcome[]): void {
  for (const g of games) {
    if (!Number.isInteger(g.game) || g.game < 0) throw new Error(`outcomes: game index ${g.game} is not a non-negative integer`);
    if (!RESULTS.includes(g.result)) throw new Error(`outcomes: result ${String(g.result)} is not win, loss or draw`);
  }
}

const byName = (a: MatchupCount, b: MatchupCount) => (a.matchup < b.matchup ? -1 : a.matchup > b.matchup ? 1 : 0);

export function memoryOutcomeStore(): OutcomeStore {
  const seen = new Set<string>();
  const counts = new Map<string, Map<string, MatchupCount>>();
  return {
    async recordGames(prediction, jobKey, games) {
      check(games);
      let added = 0;
      for (const g of games) {
        const key = JSON.stringify([prediction, jobKey, g.game]);
        if (seen.has(key)) continue;
        seen.add(key);
        const of = counts.get(prediction) ?? new Map<string, MatchupCount>();
        counts.set(prediction, of);
        const c = of.get(g.matchup) ?? { matchup: g.matchup, games: 0, wins: 0, losses: 0, draws: 0 };
        of.set(g.matchup, c);
        c.games++;
        if (g.result === 'win') c.wins++; else if (g.result === 'loss') c.losses++; else c.draws++;
        added++;
      }
      return added;
    },
    counted: async (prediction) => [...(counts.get(prediction)?.values() ?? [])].map((c) => ({ ...c })).sort(byName),
  };
}

/**
 * The store on a migrated database. recordGames is one statement: the new games are inserted
 * (a conflict on the key skips a game) and only those inserted are added to the totals, so two
 * consumers recording the same job at once count it once between them.
 */
export function sqlOutcomeStore(db: SqlQueryable): OutcomeStore {
  return {
    async recordGames(prediction, jobKey, games) {
      check(games);
      if (games.length === 0) return 0;
      const { rows } = await db.query<{ n: number }>(
        `WITH fresh AS (
           INSERT INTO prediction_outcomes (prediction, job, game, matchup, result)
           SELECT $1, $2, g.game, g.matchup, g.result FROM unnest($3::integer[], $4::text[], $5::text[]) AS g (game, matchup, result) ORDER BY g.game
           ON CONFLICT DO NOTHING
           RETURNING matchup, result
         ), sums AS (
           SELECT matchup, count(*)::integer AS games, count(*) FILTER (WHERE result = 'win')::integer AS wins,
             count(*) FILTER (WHERE result = 'loss')::integer AS losses, count(*) FILTER (WHERE result = 'draw')::integer AS draws
           FROM fresh GROUP BY matchup
         ), totals AS (
           INSERT INTO prediction_matchup_counts AS c (prediction, matchup, games, wins, losses, draws)
           SELECT $1, matchup, games, wins, losses, draws FROM sums ORDER BY matchup
           ON CONFLICT (prediction, matchup) DO UPDATE SET games = c.games + excluded.games, wins = c.wins + excluded.wins,
             losses = c.losses + excluded.losses, draws = c.draws + excluded.draws
         )
         SELECT coalesce(sum(games), 0)::integer AS n FROM sums`,
        [prediction, jobKey, games.map((g) => g.game), games.map((g) => g.matchup), games.map((g) => g.result)]);
      return rows[0]!.n;
    },
    counted: async (prediction) => (await db.query<{ matchup: string; games: number; wins: number; losses: number; draws: number }>(
      'SELECT matchup, games, wins, losses, draws FROM prediction_matchup_counts WHERE prediction = $1 ORDER BY matchup COLLATE "C"', [prediction])).rows
      .map((r) => ({ matchup: r.matchup, games: r.games, wins: r.wins, losses: r.losses, draws: r.draws })),
  };
}

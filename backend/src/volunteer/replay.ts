// The coordinator's replay on engine-as's parallel runner: game k of a job is game k & 1 of a
// two-game job seeded at the pair's seed (matchGame pairs games 2p and 2p + 1 on seed + p), so the
// runner replays any sample of a job's games without playing the games before them.
import type { Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import type { Replay } from './verify.ts';

export function runnerReplay(runner: Runner): Replay {
  return async (job, games) => {
    const pairs = [...new Set(games.map((k) => k >> 1))];
    const { timed: _, ...untimed } = job; // clocks are not compared
    const run = await runner.run(pairs.map((p) => ({ ...untimed, id: `${job.id}, replay of games ${2 * p}..${2 * p + 1}`, seed: matchGame(job.seed, 2 * p).seed, games: 2 })));
    return games.map((k) => {
      const { decisions: _d, ms: _m, ...g } = run.jobs[pairs.indexOf(k >> 1)]!.games[k & 1]!;
      return { ...g, game: k };
    });
  };
}

// The strength ladder: every pair of agents over several matchups of real decks. Each matchup
// is played as two matches on the same seeds, the agents swapping seats between them, so both
// agents play each deck on the same shuffles, on the play and on the draw. The matches run on the
// parallel runner (runner.ts), which times each agent's decision calls in its worker.
import { checkAgent } from './batch.ts';
import { sig } from './match.ts';
import { runJobs, type RunOptions } from './runner.ts';
import type { Deck, MatchJob } from './jobs.ts';
import { wilson } from './stats.ts';

/** Agent specs (LADDER_AGENTS, checkAgent, ladderAgent) live in batch.ts, which a browser worker can import. */

/** Default matchups (bundled decks, Beginner Box pairs), as `findDeck` names them. */
export const DEFAULT_MATCHUPS: [string, string][] = [
  ['boros-aggro', 'golgari-midrange'],
  ['izzet-spells', 'green-stompy'],
  ['Cats+Elves', 'Goblins+Wizards'],
  ['Vampires+Undead', 'Inferno+Primal'],
  ['golgari-midrange', 'izzet-spells'],
  ['Pirates+Healing', 'Cats+Goblins'],
];

export interface MatchupResult { decks: [string, string]; games: number; wins: [number, number]; draws: number }

export interface PairingResult {
  agents: [string, string];
  games: number;
  wins: [number, number];
  draws: number;
  /** The first agent's share of the decided games, with its Wilson 95% interval. */
  winRate: number;
  ci95: [number, number];
  msPerDecision: [number, number];
  decisions: [number, number];
  /** Worker seconds spent on this pairing's games, and games per such second (one core's rate). */
  coreSeconds: number;
  gamesPerCoreSecond: number;
  matchups: MatchupResult[];
}

export interface AgentTotal {
  agent: string;
  games: number;
  wins: number;
  losses: number;
  draws: number;
  winRate: number;
  ci95: [number, number];
  msPerDecision: number;
  gamesPerCoreSecond: number;
}

export interface LadderResult {
  seed: number;
  gamesPerMatchup: number;
  pairings: PairingResult[];
  agents: AgentTotal[];
  workers: number;
  /** Wall-clock seconds of the whole ladder (worker start-up included) and games per such second. */
  seconds: number;
  gamesPerSecond: number;
  /** Seconds summed over the workers, and games per such second (one core's rate). */
  coreSeconds: number;
  gamesPerCoreSecond: number;
  engine: string;
  irHash: string;
}

/**
 * Plays every pair of `agents` (specs, `checkAgent`) on every matchup. `games` per pairing are
 * split evenly over the matchups, each rounded up to a multiple of 4 (2 seat orders × play/draw on
 * one seed). The result is the same for any number of workers.
 */
export async function runLadder(agents: string[], matchups: [Deck, Deck][], games: number, seed: number, o: RunOptions = {}): Promise<LadderResult> {
  if (agents.length < 2) throw new RangeError('the ladder needs at least two agents');
  if (!matchups.length) throw new RangeError('the ladder needs at least one matchup');
  agents.forEach(checkAgent);
  const twice = agents.find((n, k) => agents.indexOf(n) !== k);
  if (twice !== undefined) throw new RangeError(`agent "${twice}" is named twice; the pooled figures go by name`);
  const perMatchup = Math.max(4, Math.ceil(games / matchups.length / 4) * 4);
  const half = perMatchup / 2;
  const pairs: [string, string][] = agents.flatMap((a, i) => agents.slice(i + 1).map((b): [string, string] => [a, b]));
  // per pair and matchup two jobs: A in seat 1, then B in seat 1, on the same seeds
  const jobs: MatchJob[] = pairs.flatMap(([a, b]) => matchups.flatMap((decks, m) => {
    const matchSeed = seed + m * (half / 2); // each match of `half` games uses half/2 seeds
    return [[a, b], [b, a]].map(([x, y]): MatchJob => ({
      id: `${x} vs ${y}, ${decks[0].name} vs ${decks[1].name}`, decks, agents: [x!, y!], seed: matchSeed, games: half, timed: true,
    }));
  }));
  const run = await runJobs(jobs, o);
  const pairings = pairs.map(([a, b], p): PairingResult => {
    const clocks = [{ decisions: 0, ms: 0 }, { decisions: 0, ms: 0 }];
    let coreSeconds = 0;
    const results = matchups.map((decks, m): MatchupResult => {
      const wins: [number, number] = [0, 0];
      let draws = 0;
      [0, 1].forEach((swapped) => {
        const job = run.jobs[2 * (p * matchups.length + m) + swapped]!;
        coreSeconds += job.seconds;
        for (const g of job.games) {
          // seat s of this job is agent s ^ swapped of the pairing
          if (g.winner === null) draws++; else wins[g.winner ^ swapped]!++;
          for (const s of [0, 1]) { clocks[s ^ swapped]!.decisions += g.decisions![s]!; clocks[s ^ swapped]!.ms += g.ms![s]!; }
        }
      });
      return { decks: [decks[0].name, decks[1].name], games: perMatchup, wins, draws };
    });
    const wins: [number, number] = [0, 0];
    let draws = 0;
    for (const r of results) { wins[0] += r.wins[0]; wins[1] += r.wins[1]; draws += r.draws; }
    const decided = wins[0] + wins[1];
    const n = perMatchup * matchups.length;
    return {
      agents: [a, b], games: n, wins, draws,
      winRate: decided ? wins[0] / decided : 0.5, ci95: wilson(wins[0], decided),
      msPerDecision: [clocks[0]!.ms / Math.max(1, clocks[0]!.decisions), clocks[1]!.ms / Math.max(1, clocks[1]!.decisions)],
      decisions: [clocks[0]!.decisions, clocks[1]!.decisions],
      coreSeconds, gamesPerCoreSecond: n / Math.max(coreSeconds, 1e-9), matchups: results,
    };
  });
  const total = pairings.reduce((n, p) => n + p.games, 0);
  return {
    seed, gamesPerMatchup: perMatchup, pairings, agents: agents.map((ag) => agentTotal(ag, pairings)),
    workers: run.workers, seconds: run.seconds, gamesPerSecond: total / Math.max(run.seconds, 1e-9),
    coreSeconds: run.workerSeconds, gamesPerCoreSecond: total / Math.max(run.workerSeconds, 1e-9),
    engine: run.engine, irHash: run.irHash,
  };
}

// One agent pooled over all its pairings.
function agentTotal(agent: string, pairings: PairingResult[]): AgentTotal {
  let games = 0, wins = 0, losses = 0, draws = 0, ms = 0, decisions = 0, seconds = 0;
  for (const p of pairings) {
    const s = p.agents.indexOf(agent);
    if (s < 0) continue;
    games += p.games; wins += p.wins[s]!; losses += p.wins[1 - s]!; draws += p.draws;
    ms += p.msPerDecision[s]! * p.decisions[s]!; decisions += p.decisions[s]!; seconds += p.coreSeconds;
  }
  return {
    agent, games, wins, losses, draws, winRate: wins + losses ? wins / (wins + losses) : 0.5, ci95: wilson(wins, wins + losses),
    msPerDecision: ms / Math.max(1, decisions), gamesPerCoreSecond: games / Math.max(seconds, 1e-9),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (ci: [number, number]) => `${pct(ci[0])}–${pct(ci[1])}`;

/** The ladder as Markdown tables: per pairing and matchup, pairings pooled, agents pooled. */
export function formatLadder(r: LadderResult): string {
  const lines = [
    `| pairing (A vs B) | matchup | games | A wins | B wins | draws | A win rate (decided games) | 95% interval |`,
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const p of r.pairings) {
    const name = `${p.agents[0]} vs ${p.agents[1]}`;
    for (const m of p.matchups) {
      const decided = m.wins[0] + m.wins[1];
      lines.push(`| ${name} | ${m.decks.join(' vs ')} | ${m.games} | ${m.wins[0]} | ${m.wins[1]} | ${m.draws} | ${decided ? pct(m.wins[0] / decided) : '–'} | ${interval(wilson(m.wins[0], decided))} |`);
    }
    lines.push(`| **${name}** | **pooled** | ${p.games} | ${p.wins[0]} | ${p.wins[1]} | ${p.draws} | **${pct(p.winRate)}** | ${interval(p.ci95)} |`);
  }
  lines.push('', '| pairing (A vs B) | games | A ms/decision | B ms/decision | games/s per core |', '|---|---:|---:|---:|---:|');
  for (const p of r.pairings) lines.push(`| ${p.agents[0]} vs ${p.agents[1]} | ${p.games} | ${sig(p.msPerDecision[0])} | ${sig(p.msPerDecision[1])} | ${sig(p.gamesPerCoreSecond)} |`);
  lines.push('', '| agent (all pairings) | games | wins | losses | draws | win rate (decided) | 95% interval | ms/decision | games/s per core |', '|---|---:|---:|---:|---:|---:|---|---:|---:|');
  for (const a of r.agents) lines.push(`| ${a.agent} | ${a.games} | ${a.wins} | ${a.losses} | ${a.draws} | ${pct(a.winRate)} | ${interval(a.ci95)} | ${sig(a.msPerDecision)} | ${sig(a.gamesPerCoreSecond)} |`);
  const games = r.pairings.reduce((n, p) => n + p.games, 0);
  lines.push('', `${games} games in ${sig(r.seconds)} s wall clock on ${r.workers} worker${r.workers === 1 ? '' : 's'}: ${sig(r.gamesPerSecond)} games/s wall clock, ${sig(r.gamesPerCoreSecond)} games/s per core (games / seconds summed over the workers).`);
  return lines.join('\n');
}

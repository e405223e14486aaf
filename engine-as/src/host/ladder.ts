// The strength ladder: every pair of agents over several matchups of real decks. Each matchup
// is played as two matches on the same seeds (runMatch), the agents swapping seats between them,
// so both agents play each deck on the same shuffles, on the play and on the draw.
import { builtinAgent, BUILTIN_AGENTS, type Agent, type Engine } from './engine.ts';
import { runMatch } from './match.ts';
import type { NamedDeck } from './node.ts';
import { mctsAgent } from './mcts.ts';
import { protocolHeuristic } from './protocol.ts';
import { wilson } from './stats.ts';

/** Agents the ladder knows: the built-in ones, the heuristic behind the external protocol, MCTS. */
export const LADDER_AGENTS = [...Object.keys(BUILTIN_AGENTS), 'protocol', 'mcts'] as const;

export function ladderAgent(name: string, engine: Engine): Agent {
  if (name === 'protocol') return protocolHeuristic(engine);
  if (name === 'mcts') return mctsAgent();
  if (name in BUILTIN_AGENTS) return builtinAgent(name as keyof typeof BUILTIN_AGENTS);
  throw new RangeError(`unknown agent "${name}"; agents: ${LADDER_AGENTS.join(', ')}`);
}

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
  seconds: number;
  gamesPerSecond: number;
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
  gamesPerSecond: number;
}

export interface LadderResult { seed: number; gamesPerMatchup: number; pairings: PairingResult[]; agents: AgentTotal[] }

interface Clock { decisions: number; ms: number }

// Times the agent's own decision calls. Dropping `builtin` makes Engine.play ask the agent at
// every decision (a built-in pair would otherwise play the whole game inside WASM, untimed).
// The clock only reports; the choice is the inner agent's.
function timed(agent: Agent, clock: Clock): Agent {
  return {
    name: agent.name,
    choose(d, game) {
      const t0 = performance.now();
      const k = agent.choose(d, game);
      clock.ms += performance.now() - t0;
      clock.decisions++;
      return k;
    },
  };
}

/**
 * Plays every pair of `agents` on every matchup. `games` per pairing are split evenly over the
 * matchups, each rounded up to a multiple of 4 (2 seat orders × play/draw on one seed).
 */
export function runLadder(engine: Engine, agents: Agent[], matchups: [NamedDeck, NamedDeck][], games: number, seed: number): LadderResult {
  if (agents.length < 2) throw new RangeError('the ladder needs at least two agents');
  if (!matchups.length) throw new RangeError('the ladder needs at least one matchup');
  const names = agents.map((a) => a.name);
  const twice = names.find((n, k) => names.indexOf(n) !== k);
  if (twice !== undefined) throw new RangeError(`agent "${twice}" is named twice; the pooled figures go by name`);
  const perMatchup = Math.max(4, Math.ceil(games / matchups.length / 4) * 4);
  const half = perMatchup / 2;
  const pairings: PairingResult[] = [];
  for (let i = 0; i < agents.length; i++) {
    for (let j = i + 1; j < agents.length; j++) {
      const clocks: [Clock, Clock] = [{ decisions: 0, ms: 0 }, { decisions: 0, ms: 0 }];
      const a = timed(agents[i]!, clocks[0]), b = timed(agents[j]!, clocks[1]);
      let seconds = 0;
      const results = matchups.map((decks, m): MatchupResult => {
        const matchSeed = seed + m * (half / 2); // each match of `half` games uses half/2 seeds
        const ab = runMatch(engine, decks, [a, b], half, matchSeed).summary;
        const ba = runMatch(engine, decks, [b, a], half, matchSeed).summary;
        seconds += ab.games / ab.gamesPerSecond + ba.games / ba.gamesPerSecond;
        const wins: [number, number] = [ab.wins[0] + ba.wins[1], ab.wins[1] + ba.wins[0]];
        return { decks: [decks[0].name, decks[1].name], games: perMatchup, wins, draws: ab.draws + ba.draws };
      });
      const wins: [number, number] = [0, 0];
      let draws = 0;
      for (const r of results) { wins[0] += r.wins[0]; wins[1] += r.wins[1]; draws += r.draws; }
      const decided = wins[0] + wins[1];
      const n = perMatchup * matchups.length;
      pairings.push({
        agents: [a.name, b.name], games: n, wins, draws,
        winRate: decided ? wins[0] / decided : 0.5, ci95: wilson(wins[0], decided),
        msPerDecision: [clocks[0].ms / Math.max(1, clocks[0].decisions), clocks[1].ms / Math.max(1, clocks[1].decisions)],
        decisions: [clocks[0].decisions, clocks[1].decisions],
        seconds, gamesPerSecond: n / Math.max(seconds, 1e-9), matchups: results,
      });
    }
  }
  return { seed, gamesPerMatchup: perMatchup, pairings, agents: agents.map((ag) => agentTotal(ag.name, pairings)) };
}

// One agent pooled over all its pairings.
function agentTotal(agent: string, pairings: PairingResult[]): AgentTotal {
  let games = 0, wins = 0, losses = 0, draws = 0, ms = 0, decisions = 0, seconds = 0;
  for (const p of pairings) {
    const s = p.agents.indexOf(agent);
    if (s < 0) continue;
    games += p.games; wins += p.wins[s]!; losses += p.wins[1 - s]!; draws += p.draws;
    ms += p.msPerDecision[s]! * p.decisions[s]!; decisions += p.decisions[s]!; seconds += p.seconds;
  }
  return {
    agent, games, wins, losses, draws, winRate: wins + losses ? wins / (wins + losses) : 0.5, ci95: wilson(wins, wins + losses),
    msPerDecision: ms / Math.max(1, decisions), gamesPerSecond: games / Math.max(seconds, 1e-9),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (ci: [number, number]) => `${pct(ci[0])}–${pct(ci[1])}`;
const ms = (x: number) => x.toPrecision(3);

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
  lines.push('', '| pairing (A vs B) | games | A ms/decision | B ms/decision | games/s |', '|---|---:|---:|---:|---:|');
  for (const p of r.pairings) lines.push(`| ${p.agents[0]} vs ${p.agents[1]} | ${p.games} | ${ms(p.msPerDecision[0])} | ${ms(p.msPerDecision[1])} | ${p.gamesPerSecond.toFixed(0)} |`);
  lines.push('', '| agent (all pairings) | games | wins | losses | draws | win rate (decided) | 95% interval | ms/decision | games/s |', '|---|---:|---:|---:|---:|---:|---|---:|---:|');
  for (const a of r.agents) lines.push(`| ${a.agent} | ${a.games} | ${a.wins} | ${a.losses} | ${a.draws} | ${pct(a.winRate)} | ${interval(a.ci95)} | ${ms(a.msPerDecision)} | ${a.gamesPerSecond.toFixed(0)} |`);
  return lines.join('\n');
}

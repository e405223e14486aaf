// Playing a batch of a match job: the one loop every worker runs, a Node worker thread
// (runner-worker.ts) and a browser Web Worker alike, so both give the same GameRecords by
// construction. Pure: no Node or DOM imports; the caller loads the engine and resolves decks.
import { builtinAgent, BUILTIN_AGENTS, endReason, type Agent, type BuiltinAgentName, type Engine } from './engine.ts';
import { mctsAgent } from './mcts.ts';
import { protocolHeuristic } from './protocol.ts';
import { matchGame } from './match.ts';
import { packFacts, type DeckRef, type GameRecord, type MatchJob } from './jobs.ts';

/** Agents a job may name: the built-in ones, the heuristic behind the external protocol, MCTS. */
export const LADDER_AGENTS = [...Object.keys(BUILTIN_AGENTS), 'protocol', 'mcts'] as const;

/**
 * Checks an agent spec without an engine: a name from LADDER_AGENTS, or `mcts:N` for MCTS with N
 * iterations per decision. Returns the name and the MCTS budget.
 */
export function checkAgent(spec: string): [string, number | undefined] {
  const [name = '', budget, ...rest] = spec.split(':');
  if (!(LADDER_AGENTS as readonly string[]).includes(name)) throw new RangeError(`unknown agent "${spec}"; agents: ${LADDER_AGENTS.join(', ')}, mcts:N (N iterations per decision)`);
  if (budget === undefined) return [name, undefined];
  const n = Number(budget);
  if (name !== 'mcts' || rest.length || !Number.isInteger(n) || n < 1) throw new RangeError(`agent "${spec}": only mcts takes a budget, as mcts:N with N ≥ 1 iterations per decision`);
  return [name, n];
}

/** The agent an agent spec names (`checkAgent`); the agent is called `spec`. */
export function ladderAgent(spec: string, engine: Engine): Agent {
  const [name, budget] = checkAgent(spec);
  if (name === 'protocol') return protocolHeuristic(engine);
  if (name === 'mcts') return budget === undefined ? mctsAgent() : { ...mctsAgent({ iterations: budget }), name: spec };
  return builtinAgent(name as BuiltinAgentName);
}

interface Clock { decisions: number; ms: number }

// Dropping `builtin` makes Engine.play ask the agent at every decision (a built-in pair would
// otherwise play the whole game inside WASM, untimed). The clock only reports.
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

/** Why a player of engine build `mine` refuses the job, if the job was planned for another engine build or card IR. */
export function buildRefusal(job: MatchJob, mine: { engine: string; irHash: string }, who = 'this worker'): string | undefined {
  const builds = [['engine', job.engine, mine.engine], ['card IR', job.irHash, mine.irHash]] as const;
  for (const [what, planned, ours] of builds) {
    if (planned !== undefined && planned !== ours) return `job "${job.id}" was planned for ${what} ${planned}, ${who} runs ${what} ${ours}`;
  }
  return undefined;
}

/** Why `engine` refuses the job, if the job was planned for another engine build or card IR. */
export const jobRefusal = (job: MatchJob, engine: Engine, who?: string): string | undefined =>
  buildRefusal(job, { engine: engine.buildHash, irHash: engine.pool.irHash }, who);

/** Resolves a deck by name; the Node worker reads bundled decks, a browser gets decks by value only. */
export type DeckResolver = (name: string) => number[];

const noNames: DeckResolver = (name) => { throw new Error(`deck "${name}" must be sent by value`); };

/**
 * Plays games first..first+count−1 of `job` on `engine` and returns their records. Throws on a
 * refused job (`jobRefusal`) or an engine error, naming the job and game.
 */
export function playBatch(engine: Engine, job: MatchJob, first: number, count: number, byName: DeckResolver = noNames): GameRecord[] {
  const refused = jobRefusal(job, engine);
  if (refused) throw new Error(refused);
  const cardsOf = (d: DeckRef) => (typeof d === 'string' ? byName(d) : d.cards);
  const records: GameRecord[] = [];
  let game = first;
  try {
    const decks: [number[], number[]] = [cardsOf(job.decks[0]), cardsOf(job.decks[1])];
    const agents = job.agents.map((a) => ladderAgent(a, engine));
    for (; game < first + count; game++) {
      const clocks: Clock[] = [{ decisions: 0, ms: 0 }, { decisions: 0, ms: 0 }];
      const players: [Agent, Agent] = job.timed ? [timed(agents[0]!, clocks[0]!), timed(agents[1]!, clocks[1]!)] : [agents[0]!, agents[1]!];
      const r = engine.play({ decks, ...matchGame(job.seed, game) }, players);
      records.push({
        game, seed: r.seed, onThePlay: r.onThePlay, winner: r.winner, reason: endReason(r), turns: r.turns, digest: r.digest,
        ...(job.timed ? { decisions: [clocks[0]!.decisions, clocks[1]!.decisions], ms: [clocks[0]!.ms, clocks[1]!.ms] } : {}),
        ...(job.facts ? { cards: packFacts(r.cards) } : {}),
      });
    }
  } catch (e) {
    throw new Error(`job "${job.id}", game ${game}: ${(e as Error).message}`);
  }
  return records;
}

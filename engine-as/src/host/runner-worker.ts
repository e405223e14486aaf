// One worker thread of the parallel runner: loads the engine once, then plays the batches the
// runner sends (runner.ts), timing each agent's own decision calls for timed jobs. It refuses a
// job planned for another engine build or card IR, whose games would not be the planned ones.
import { parentPort } from 'node:worker_threads';
import { endReason, type Agent } from './engine.ts';
import { findDeck, loadEngine } from './node.ts';
import { matchGame } from './match.ts';
import { ladderAgent } from './ladder.ts';
import type { BatchRequest, WorkerMessage } from './runner.ts';
import { packFacts, type DeckRef, type GameRecord, type MatchJob } from './jobs.ts';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
const engine = await loadEngine();
const named = new Map<string, number[]>();
const cardsOf = (d: DeckRef) => {
  if (typeof d !== 'string') return d.cards;
  if (!named.has(d)) named.set(d, findDeck(d).cards);
  return named.get(d)!;
};

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

// Why this worker refuses the job, if its engine or card IR hash is not this worker's.
function refusal(job: MatchJob): string | undefined {
  const builds = [['engine', job.engine, engine.buildHash], ['card IR', job.irHash, engine.pool.irHash]] as const;
  for (const [what, planned, mine] of builds) {
    if (planned !== undefined && planned !== mine) return `job "${job.id}" was planned for ${what} ${planned}, this worker runs ${what} ${mine}`;
  }
  return undefined;
}

port.on('message', ({ job, first, count }: BatchRequest) => {
  const refused = refusal(job);
  if (refused) { post({ type: 'error', message: refused }); return; }
  let game = first;
  try {
    const t0 = performance.now();
    const decks: [number[], number[]] = [cardsOf(job.decks[0]), cardsOf(job.decks[1])];
    const agents = job.agents.map((a) => ladderAgent(a, engine));
    const records: GameRecord[] = [];
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
    post({ type: 'batch', records, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    post({ type: 'error', message: `job "${job.id}", game ${game}: ${(e as Error).message}` });
  }
});
post({ type: 'ready', engine: engine.buildHash, irHash: engine.pool.irHash });

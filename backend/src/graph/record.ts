// Choosing the play-pattern graph (Neo4j when GRAPH_URL is set, else the embedded one) and feeding
// it: every prediction that finishes has its sample games replayed with the event log on, and
// their casts added to the graph under the submitted deck (player 0 of every prediction game).
import { createHash } from 'node:crypto';
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import type { PredictionRecord, PredictionStore } from '../predictions/store.ts';
import { replayGame, replayId } from '../predictions/replays.ts';
import { castsOfLog } from './casts.ts';
import { memoryPatternGraph, type PatternGraph } from './graph.ts';
import { neo4jPatternGraph } from './neo4j.ts';

/** GRAPH_URL (bolt:// or neo4j://, with GRAPH_USER and GRAPH_PASSWORD if the server wants them) selects Neo4j; unset, the embedded graph. */
export async function openPatternGraph(env: Record<string, string | undefined>): Promise<{ graph: PatternGraph; where: string }> {
  const url = env.GRAPH_URL;
  if (!url) return { graph: memoryPatternGraph(), where: 'embedded (in memory)' };
  const graph = await neo4jPatternGraph({ url, user: env.GRAPH_USER, password: env.GRAPH_PASSWORD });
  return { graph, where: `Neo4j at ${url.replace(/\/\/[^@/]*@/, '//')}` };
}

/** A deck's id in the graph: its cards by name, in any order (the same list, the same patterns). */
export function patternDeckId(names: readonly string[]): string {
  return 'deck:' + createHash('sha256').update(JSON.stringify([...names].sort())).digest('hex').slice(0, 32);
}

/** Adds the sample games of done prediction `p` to the graph; how many were new. */
export async function recordPrediction(graph: PatternGraph, engine: Engine, p: PredictionRecord): Promise<number> {
  if (p.status !== 'done' || !p.result) return 0;
  const name = (c: number) => engine.pool.card(c).name;
  const deck = patternDeckId(p.job.deck.cards.map(name));
  let added = 0;
  for (const sample of p.result.replays) {
    replayGame(engine, p, sample); // leaves the game's event log in the engine
    const casts = castsOfLog(engine.eventLog(), name);
    if (await graph.addGame({ id: replayId(p.id, sample), deck, seat: 0, winner: sample.winner, casts })) added++;
    await new Promise((r) => setImmediate(r)); // one game at a time: requests are served between them
  }
  return added;
}

/**
 * Wraps a prediction store so that each prediction stored as done is recorded in the graph, after
 * the store has it (never holding up the prediction). A failure is logged, and costs only patterns.
 */
export function recordingPatterns(store: PredictionStore, graph: PatternGraph, engine: () => Promise<Engine>, log: (f: Record<string, unknown>) => void): PredictionStore & { recorded(): Promise<void> } {
  let queue = Promise.resolve();
  return {
    get: (id) => store.get(id),
    unfinished: () => store.unfinished(),
    batch: (prediction, key) => store.batch(prediction, key),
    putBatch: (prediction, key, games) => store.putBatch(prediction, key, games),
    storedGames: (prediction) => store.storedGames(prediction),
    async put(p) {
      await store.put(p);
      if (p.status !== 'done') return;
      const done = structuredClone(p);
      queue = queue.then(async () => {
        const added = await recordPrediction(graph, await engine(), done);
        log({ level: 'info', msg: 'play patterns recorded', prediction: done.id, games: added });
      }).catch((err: Error) => log({ level: 'warn', msg: 'play patterns not recorded', prediction: done.id, error: err.message }));
    },
    /** Resolves when every done prediction put so far is recorded (or has failed to be). */
    recorded: () => queue,
  };
}

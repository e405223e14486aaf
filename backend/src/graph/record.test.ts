// A finished prediction's sample games reach the play-pattern graph through the wrapped store:
// replayed with the event log on, each added once under the submitted deck.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeck, loadEngine } from '@spellgrid/engine-as/src/host/node.ts';
import { runJobs } from '@spellgrid/engine-as/src/host/runner.ts';
import { predict, type Play } from '../predict.ts';
import { memoryPredictionStore, type PredictionRecord } from '../predictions/store.ts';
import { memoryPatternGraph } from './graph.ts';
import { openPatternGraph, patternDeckId, recordPrediction, recordingPatterns } from './record.ts';

const play: Play = async (job) => (await runJobs([job], { workers: 1 })).jobs[0]!.games;
const deck = (spec: string) => ({ name: findDeck(spec).name, cards: findDeck(spec).cards });

test('a prediction stored as done has its sample games recorded in the graph, once; running ones are not', async () => {
  const engine = await loadEngine();
  const name = (c: number) => engine.pool.card(c).name;
  const job = {
    deck: deck('Cats+Elves'), seed: 4, compute: 'cluster' as const, budget: 64, target: 0.2,
    field: { name: 'two', decks: [{ name: 'Goblins + Wizards', share: 0.5, deck: deck('Goblins+Wizards') }, { name: 'Vampires + Undead', share: 0.5, deck: deck('Vampires+Undead') }] },
  };
  const result = await predict({ ...job, batch: 16, placement: { events: 10 } }, play, name);
  assert.ok(result.replays.length >= 2, 'the prediction kept sample games');
  const graph = memoryPatternGraph();
  const logged: Record<string, unknown>[] = [];
  const store = recordingPatterns(memoryPredictionStore(), graph, async () => engine, (f) => logged.push(f));
  const p: PredictionRecord = { id: 'p1', status: 'running', job, progress: { games: 0, halfWidth: null, etaSeconds: null }, createdAt: 1 };
  await store.put(p);
  await store.recorded();
  const id = patternDeckId(job.deck.cards.map(name));
  assert.deepEqual(await graph.deck(id), { games: 0, wins: 0 });
  await store.put({ ...p, status: 'done', result });
  await store.recorded();
  assert.equal((await store.get('p1'))!.status, 'done', 'the store has it');
  const wins = result.replays.filter((r) => r.winner === 0).length;
  assert.deepEqual(await graph.deck(id), { games: result.replays.length, wins });
  assert.ok((await graph.cards(id)).length > 0);
  assert.deepEqual(logged.map((l) => [l.msg, l.games]), [['play patterns recorded', result.replays.length]]);
  // stored again (a restart resuming nothing new): nothing counted twice
  assert.equal(await recordPrediction(graph, engine, { ...p, status: 'done', result }), 0);
  assert.deepEqual(await graph.deck(id), { games: result.replays.length, wins });
  // the same cards in another order are the same deck
  assert.equal(patternDeckId([...job.deck.cards].reverse().map(name)), id);
});

test('GRAPH_URL unset: the embedded graph', async () => {
  const { graph, where } = await openPatternGraph({});
  assert.match(where, /embedded/);
  assert.deepEqual(await graph.deck('x'), { games: 0, wins: 0 });
  await graph.close();
});

// The play-pattern graph conformance suite on the embedded graph, and on Neo4j when TEST_GRAPH_URL
// is set (infra/dev/neo4j.sh); each Neo4j test uses labels of its own and deletes them at the end.
// Then real games: casts read from a replay's event log agree with the engine's per-card facts,
// and feed the graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { builtinAgent } from '@spellgrid/engine-as/src/host/engine.ts';
import { findDeck, loadEngine } from '@spellgrid/engine-as/src/host/node.ts';
import { memoryPatternGraph, gamePatterns } from './graph.ts';
import { neo4jPatternGraph } from './neo4j.ts';
import { castsOfGame } from './casts.ts';
import { graphConformance } from './graph.conformance.ts';

graphConformance('embedded', async () => memoryPatternGraph());

const url = process.env.TEST_GRAPH_URL;
if (url) {
  graphConformance('neo4j', async () => {
    const g = await neo4jPatternGraph({ url, prefix: `T${randomBytes(4).toString('hex')}_` });
    return { ...g, close: async () => { try { await g.dropAll(); } finally { await g.close(); } } };
  });
} else {
  test('pattern graph neo4j: skipped, TEST_GRAPH_URL is not set (run `infra/dev/neo4j.sh start` and `eval "$(infra/dev/neo4j.sh env)"`)', { skip: true }, () => {});
}

test('casts from real games: the replayed event log lists, in turn order, exactly the cards the engine marks as cast, and the graph counts them', async () => {
  const engine = await loadEngine();
  const decks: [number[], number[]] = [findDeck('Cats+Elves').cards, findDeck('Goblins+Wizards').cards];
  const graph = memoryPatternGraph();
  let withSequence = 0;
  for (let seed = 1; seed <= 6; seed++) {
    const o = { decks, seed, onThePlay: (seed % 2) as 0 | 1 };
    const played = engine.play(o, [builtinAgent('heuristic'), builtinAgent('heuristic')]);
    const casts = castsOfGame(engine, o, played.decisions, played.digest);
    assert.ok(casts.length > 0, `seed ${seed}: no casts`);
    for (let k = 1; k < casts.length; k++) assert.ok(casts[k]!.turn >= casts[k - 1]!.turn, 'casts are in turn order');
    const name = (c: number) => engine.pool.card(c).name;
    for (const p of [0, 1] as const) {
      const logged = new Set(casts.filter((c) => c.player === p).map((c) => c.card));
      const facts = new Set(played.cards.filter((c) => c.player === p && c.cast).map((c) => name(c.card)));
      assert.deepEqual([...logged].sort(), [...facts].sort(), `seed ${seed}, player ${p + 1}: the cards cast by the log and by the facts`);
    }
    const g = { id: `s${seed}`, deck: 'Cats+Elves', seat: 0 as const, winner: played.winner, casts };
    if (gamePatterns(g).sequences.length > 0) withSequence++;
    assert.equal(await graph.addGame(g), true);
  }
  assert.equal((await graph.deck('Cats+Elves')).games, 6);
  assert.ok(withSequence > 0, 'in six games the deck cast two spells in one turn at least once');
  assert.ok((await graph.sequences('Cats+Elves')).length > 0);
  assert.ok((await graph.synergies('Cats+Elves')).length > 0);
  assert.throws(() => castsOfGame(engine, { decks, seed: 1, onThePlay: 1 }, engine.play({ decks, seed: 1, onThePlay: 1 }, [builtinAgent('heuristic'), builtinAgent('heuristic')]).decisions, '0000000000000000'), /digest/);
});

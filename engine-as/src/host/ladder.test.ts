// The ladder's pairing and aggregation: seats swapped on the same shuffles, totals that add up,
// the same seed giving the same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, findDeck, type NamedDeck } from './node.ts';
import { builtinAgent } from './engine.ts';
import { formatLadder, ladderAgent, runLadder, type LadderResult } from './ladder.ts';

const engine = await loadEngine();
const matchups: [NamedDeck, NamedDeck][] = [[findDeck('boros-aggro'), findDeck('golgari-midrange')], [findDeck('Cats+Elves'), findDeck('Goblins+Wizards')]];
// everything but the clocks
const outcome = (r: LadderResult) => r.pairings.map((p) => ({ agents: p.agents, wins: p.wins, draws: p.draws, matchups: p.matchups }));

test('an agent against itself scores exactly half: the swapped-seat games are the same games', () => {
  // Both seats of each shuffle are played twice with the agents exchanged; identical agents make
  // identical games, so each wins exactly what the other does. Unswapped seats would break this.
  const r = runLadder(engine, [builtinAgent('random'), { ...builtinAgent('random'), name: 'random 2' }], matchups, 40, 3);
  assert.equal(r.gamesPerMatchup, 20);
  const p = r.pairings[0]!;
  assert.equal(p.games, 40);
  for (const m of p.matchups) {
    assert.equal(m.wins[0], m.wins[1]);
    assert.equal(m.wins[0] + m.wins[1] + m.draws, m.games);
  }
  assert.equal(p.winRate, 0.5);
  assert.ok(p.decisions[0] > 0 && p.decisions[0] === p.decisions[1]);
});

test('pooled figures add up over matchups, pairings and agents; the same seed gives the same table', () => {
  const agents = () => ['random', 'heuristic', 'protocol'].map((n) => ladderAgent(n, engine));
  const r = runLadder(engine, agents(), matchups, 16, 11);
  assert.deepEqual(r.pairings.map((p) => p.agents.join(' vs ')), ['random vs heuristic', 'random vs protocol', 'heuristic vs protocol']);
  for (const p of r.pairings) {
    assert.equal(p.games, 16);
    assert.deepEqual(p.wins, [0, 1].map((s) => p.matchups.reduce((n, m) => n + m.wins[s]!, 0)));
    assert.equal(p.draws, p.matchups.reduce((n, m) => n + m.draws, 0));
    assert.equal(p.wins[0] + p.wins[1] + p.draws, p.games);
  }
  // the protocol-wrapped heuristic is the heuristic: it plays it to exactly half
  const hp = r.pairings[2]!;
  assert.equal(hp.wins[0], hp.wins[1]);
  assert.deepEqual(outcome(runLadder(engine, agents(), matchups, 16, 11)).map((p) => p.wins), outcome(r).map((p) => p.wins));
  assert.deepEqual(outcome(runLadder(engine, agents(), matchups, 16, 11)), outcome(r));
  const random = r.agents[0]!;
  assert.deepEqual([random.games, random.wins, random.losses, random.draws],
    [32, r.pairings[0]!.wins[0] + r.pairings[1]!.wins[0], r.pairings[0]!.wins[1] + r.pairings[1]!.wins[1], r.pairings[0]!.draws + r.pairings[1]!.draws]);
  assert.ok(r.agents[1]!.wins > random.wins, 'the heuristic beats random');
  assert.match(formatLadder(r), /\| \*\*random vs heuristic\*\* \| \*\*pooled\*\* \| 16 \|/);
});

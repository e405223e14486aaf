// The ladder's pairing and aggregation: seats swapped on the same shuffles, totals that add up,
// the same table for the same seed whatever the number of workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeck, type NamedDeck } from './node.ts';
import { formatLadder, runLadder, type LadderResult } from './ladder.ts';
import { checkAgent } from './batch.ts';

const matchups: [NamedDeck, NamedDeck][] = [[findDeck('boros-aggro'), findDeck('golgari-midrange')], [findDeck('Cats+Elves'), findDeck('Goblins+Wizards')]];
// everything but the clocks
const outcome = (r: LadderResult) => r.pairings.map((p) => ({ agents: p.agents, wins: p.wins, draws: p.draws, decisions: p.decisions, matchups: p.matchups }));

test('pooled figures add up over matchups, pairings and agents; 1 and 2 workers give the same table', async () => {
  const agents = ['random', 'heuristic', 'protocol'];
  const r = await runLadder(agents, matchups, 16, 11, { workers: 2 });
  assert.equal(r.gamesPerMatchup, 8);
  assert.deepEqual(r.pairings.map((p) => p.agents.join(' vs ')), ['random vs heuristic', 'random vs protocol', 'heuristic vs protocol']);
  for (const p of r.pairings) {
    assert.equal(p.games, 16);
    assert.deepEqual(p.wins, [0, 1].map((s) => p.matchups.reduce((n, m) => n + m.wins[s]!, 0)));
    assert.equal(p.draws, p.matchups.reduce((n, m) => n + m.draws, 0));
    assert.equal(p.wins[0] + p.wins[1] + p.draws, p.games);
  }
  // The protocol-wrapped heuristic is the heuristic: on the same shuffles with the seats swapped
  // it wins exactly what the heuristic wins, in every matchup. Unswapped seats would break this.
  const hp = r.pairings[2]!;
  for (const m of hp.matchups) assert.equal(m.wins[0], m.wins[1]);
  assert.ok(hp.decisions[0] > 0 && hp.decisions[0] === hp.decisions[1]);
  // random vs heuristic and random vs protocol are the same games
  assert.deepEqual(outcome(r)[1]!.matchups, outcome(r)[0]!.matchups);
  assert.deepEqual(outcome(await runLadder(agents, matchups, 16, 11, { workers: 1 })), outcome(r));
  const random = r.agents[0]!;
  assert.deepEqual([random.games, random.wins, random.losses, random.draws],
    [32, r.pairings[0]!.wins[0] + r.pairings[1]!.wins[0], r.pairings[0]!.wins[1] + r.pairings[1]!.wins[1], r.pairings[0]!.draws + r.pairings[1]!.draws]);
  assert.ok(r.agents[1]!.wins > random.wins, 'the heuristic beats random');
  assert.equal(r.workers, 2);
  const table = formatLadder(r);
  assert.match(table, /\| \*\*random vs heuristic\*\* \| \*\*pooled\*\* \| 16 \|/);
  assert.match(table, /games\/s per core \|/);
  assert.match(table, /^48 games in [\d.]+ s wall clock on 2 workers: [\d.]+ games\/s wall clock, [\d.]+ games\/s per core/m);
  // slow rates (MCTS) keep three significant digits
  const slow = formatLadder({ ...r, pairings: [{ ...r.pairings[0]!, gamesPerCoreSecond: 0.1934 }] });
  assert.match(slow, /\| random vs heuristic \| 16 \| [\d.]+ \| [\d.]+ \| 0\.193 \|/);
});

test('agent specs: names, mcts:N, and clear errors', async () => {
  assert.deepEqual(checkAgent('heuristic'), ['heuristic', undefined]);
  assert.deepEqual(checkAgent('mcts:8'), ['mcts', 8]);
  assert.throws(() => checkAgent('nope'), /unknown agent "nope"; agents: random, heuristic/);
  assert.throws(() => checkAgent('heuristic:3'), /only mcts takes a budget/);
  assert.throws(() => checkAgent('mcts:0'), /only mcts takes a budget/);
  await assert.rejects(runLadder(['random', 'random'], matchups, 4, 1), /agent "random" is named twice/);
});

// The parallel runner: the same games whatever the number of workers and batch size, the same
// games as a match on this thread, batches streamed, and errors that name the job and game.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinAgent } from './engine.ts';
import { findDeck, loadEngine } from './node.ts';
import { runMatch } from './match.ts';
import { runJobs } from './runner.ts';
import { batchDigest, unpackFacts, type Batch, type MatchJob } from './jobs.ts';

const boros = findDeck('boros-aggro');
const jobs: MatchJob[] = [
  { id: 'heuristic mirror', decks: [{ name: boros.name, cards: boros.cards }, 'golgari-midrange'], agents: ['heuristic', 'heuristic'], seed: 7, games: 7 },
  { id: 'timed', decks: ['Cats+Elves', 'Goblins+Wizards'], agents: ['random', 'protocol'], seed: 3, games: 4, timed: true },
  { id: 'mcts', decks: ['izzet-spells', 'green-stompy'], agents: ['mcts:4', 'heuristic'], seed: 1, games: 2, timed: true },
];
// everything but the clocks
const games = (r: Awaited<ReturnType<typeof runJobs>>) => r.jobs.map((j) => j.games.map(({ ms: _, ...g }) => g));

test('1 and 2 workers, any batch size: the same games in game order, as runMatch plays them', async () => {
  const batches: Batch[] = [];
  const two = await runJobs(jobs, { workers: 2, batch: 2, onBatch: (b) => batches.push(b) });
  const one = await runJobs(jobs, { workers: 1 });
  assert.equal(two.workers, 2);
  assert.equal(one.workers, 1);
  assert.deepEqual(games(one), games(two));
  assert.deepEqual(two.jobs.map((j) => j.games.map((g) => g.game)), jobs.map((j) => [...Array(j.games).keys()]));
  // batches of at most 2 games, each game streamed once
  assert.equal(batches.length, 4 + 2 + 1);
  assert.equal(batches.reduce((n, b) => n + b.records.length, 0), 13);
  assert.ok(two.workerSeconds > 0 && two.seconds > 0);
  // the first job played on this thread
  const engine = await loadEngine();
  const local = runMatch(engine, [boros, findDeck('golgari-midrange')], [builtinAgent('heuristic'), builtinAgent('heuristic')], 7, 7).results;
  assert.deepEqual(two.jobs[0]!.games.map((g) => [g.seed, g.onThePlay, g.winner, g.turns, g.digest]), local.map((g) => [g.seed, g.onThePlay, g.winner, g.turns, g.digest]));
  assert.equal(two.engine, engine.buildHash);
  // timed jobs count each agent's decisions; untimed ones play inside WASM and do not
  assert.equal(two.jobs[0]!.games[0]!.decisions, undefined);
  for (const g of two.jobs[1]!.games) assert.ok(g.decisions![0] > 0 && g.decisions![1] > 0 && g.ms![1] > 0);
});

test('an error in a worker names the job and game, and does not hang', async () => {
  const ok = jobs[0]!;
  // the first failure to arrive: with two workers, either of the bad job's first games
  await assert.rejects(runJobs([ok, { ...ok, id: 'bad deck', decks: ['no-such-deck', 'golgari-midrange'] }], { workers: 2 }),
    /job "bad deck", game \d: no deck file "no-such-deck"/);
  await assert.rejects(runJobs([{ ...ok, id: 'huge', decks: [{ name: 'huge', cards: Array(5000).fill(boros.cards[0]) }, 'golgari-midrange'], seed: 1, games: 3 }], { workers: 1, batch: 2 }),
    /job "huge", game 0: deck 1 is too large for the engine/);
  await assert.rejects(runJobs([{ ...ok, id: 'agent', agents: ['heuristic', 'nobody'] }], { workers: 1 }), /job "agent", game 0: unknown agent "nobody"/);
  await assert.rejects(runJobs(jobs, { workers: 0 }), /workers must be an integer ≥ 1/);
});

test('facts jobs carry the cards seen in each game, and each batch a digest of its games', async () => {
  const job: MatchJob = { id: 'facts', decks: ['boros-aggro', 'golgari-midrange'], agents: ['heuristic', 'heuristic'], seed: 5, games: 4, facts: true };
  const batches: Batch[] = [];
  const run = await runJobs([job], { workers: 1, batch: 2, onBatch: (b) => batches.push(b) });
  const engine = await loadEngine();
  const local = runMatch(engine, [boros, findDeck('golgari-midrange')], [builtinAgent('heuristic'), builtinAgent('heuristic')], 4, 5).results;
  run.jobs[0]!.games.forEach((g, k) => {
    const seen = local[k]!.cards.filter((c) => c.openingHand || c.drawn || c.cast);
    assert.deepEqual(g.cards!.map(unpackFacts), seen);
    assert.ok(seen.filter((c) => c.openingHand).length >= 10, 'both opening hands'); // 7 each, less mulligans
  });
  assert.equal(batches.length, 2);
  for (const b of batches) assert.equal(b.digest, batchDigest(run.jobs[0]!.games.slice(b.first, b.first + 2)));
  assert.notEqual(batches[0]!.digest, batches[1]!.digest);
  const changed = { ...batches[0]!.records[0]!, digest: '0'.repeat(16) };
  assert.notEqual(batchDigest([changed, batches[0]!.records[1]!]), batches[0]!.digest);
});

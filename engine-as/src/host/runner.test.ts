// The parallel runner: the same games whatever the number of workers and batch size, the same
// games as a match on this thread, batches streamed, and errors that name the job and game. A
// runner opened once plays many runs, also concurrent ones, and refuses jobs for another build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinAgent } from './engine.ts';
import { findDeck, loadEngine } from './node.ts';
import { runMatch } from './match.ts';
import { openRunner, runJobs } from './runner.ts';
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

test('one runner, many runs, also concurrent: the same games as runJobs, each run in game order', async () => {
  const expected = games(await runJobs(jobs, { workers: 1 }));
  const runner = await openRunner({ workers: 2, batch: 3 });
  try {
    assert.equal(runner.workers, 2);
    assert.ok(runner.startSeconds > 0);
    assert.deepEqual(games(await runner.run(jobs)), expected);
    assert.deepEqual(games(await runner.run(jobs)), expected);
    // three runs in flight at once, the middle one a single job, share the two workers
    const batches: Batch[] = [];
    const [a, b, c] = await Promise.all([runner.run(jobs), runner.run([jobs[1]!], { onBatch: (x) => batches.push(x) }), runner.run(jobs)]);
    assert.deepEqual(games(a), expected);
    assert.deepEqual(games(b), [expected[1]]);
    assert.deepEqual(games(c), expected);
    assert.deepEqual(batches.map((x) => x.job), [0, 0]); // its own jobs' batches only: 4 games, 3 per batch
    assert.equal((await runner.run([])).jobs.length, 0);
  } finally {
    await runner.close();
  }
});

test('an error rejects its run only; close terminates the workers and refuses later runs', async () => {
  const runner = await openRunner({ workers: 2, batch: 2 });
  const ok = jobs[0]!;
  const good = runner.run([ok]);
  const bad = runner.run([ok, { ...ok, id: 'bad deck', decks: ['no-such-deck', 'golgari-midrange'] }]);
  await assert.rejects(bad, /job "bad deck", game \d: no deck file "no-such-deck"/);
  assert.equal((await good).jobs[0]!.games.length, 7);
  assert.deepEqual(games(await runner.run(jobs)), games(await runJobs(jobs, { workers: 1 })));
  const inFlight = assert.rejects(runner.run(jobs), /the runner is closed/);
  await runner.close();
  await inFlight;
  await assert.rejects(runner.run(jobs), /the runner is closed/);
  await runner.close(); // twice is harmless
  await assert.rejects(openRunner({ workers: 1, batch: 0 }), /batch must be an integer ≥ 1/);
});

test('a job planned for another engine build or card IR is refused by the worker', async () => {
  const runner = await openRunner({ workers: 1 });
  try {
    const job = { ...jobs[0]!, games: 2, engine: runner.engine, irHash: runner.irHash };
    assert.equal((await runner.run([job])).jobs[0]!.games.length, 2);
    await assert.rejects(runner.run([{ ...job, id: 'old build', engine: 'abc' }]),
      new RegExp(`job "old build" was planned for engine abc, this worker runs engine ${runner.engine}`));
    await assert.rejects(runner.run([{ ...job, id: 'old cards', irHash: 'def' }]),
      new RegExp(`job "old cards" was planned for card IR def, this worker runs card IR ${runner.irHash}`));
  } finally {
    await runner.close();
  }
});

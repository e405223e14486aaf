// What every OutcomeStore must do: registers node:test tests for a store factory (outcomes.test.ts
// runs them on the memory store, PGlite and a real PostgreSQL). Each test opens a fresh, empty store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GameOutcome, OutcomeStore } from './outcomes.ts';

export type OpenOutcomes = () => Promise<{ store: OutcomeStore; close(): Promise<void> }>;

const games = (matchup: string, results: string, from = 0): GameOutcome[] =>
  [...results].map((r, k) => ({ game: from + k, matchup, result: r === 'w' ? 'win' : r === 'l' ? 'loss' : 'draw' }));

export function outcomeConformance(name: string, open: OpenOutcomes, skip: string | false = false): void {
  const withStore = (title: string, f: (s: OutcomeStore) => Promise<void>) => test(`${name}: ${title}`, { skip }, async () => {
    const { store, close } = await open();
    try { await f(store); } finally { await close(); }
  });

  withStore('nothing counted at first; games are totalled per matchup, ordered by name', async (s) => {
    assert.deepEqual(await s.counted('p1'), []);
    assert.equal(await s.recordGames('p1', 'j1', []), 0);
    assert.equal(await s.recordGames('p1', 'j1', [...games('B', 'wwld'), ...games('A', 'lw', 4)]), 6);
    assert.deepEqual(await s.counted('p1'), [
      { matchup: 'A', games: 2, wins: 1, losses: 1, draws: 0 },
      { matchup: 'B', games: 4, wins: 2, losses: 1, draws: 1 },
    ]);
    assert.deepEqual(await s.counted('p2'), [], 'another prediction has its own counts');
  });

  withStore('a job delivered again counts nothing; a partly new delivery counts only its new games', async (s) => {
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'wwl')), 3);
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'wwl')), 0);
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'lll')), 0, 'the first recording of a game stands');
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'wwlld')), 2, 'games 3 and 4 are new');
    assert.deepEqual(await s.counted('p1'), [{ matchup: 'A', games: 5, wins: 2, losses: 2, draws: 1 }]);
  });

  withStore('the key is (prediction, job, game): the same game index in another job or prediction is another game', async (s) => {
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'w')), 1);
    assert.equal(await s.recordGames('p1', 'j2', games('A', 'w')), 1);
    assert.equal(await s.recordGames('p2', 'j1', games('A', 'l')), 1);
    assert.deepEqual(await s.counted('p1'), [{ matchup: 'A', games: 2, wins: 2, losses: 0, draws: 0 }]);
    assert.deepEqual(await s.counted('p2'), [{ matchup: 'A', games: 1, wins: 0, losses: 1, draws: 0 }]);
  });

  withStore('a game twice in one delivery counts once', async (s) => {
    assert.equal(await s.recordGames('p1', 'j1', [...games('A', 'w'), ...games('A', 'l')]), 1);
    assert.deepEqual(await s.counted('p1'), [{ matchup: 'A', games: 1, wins: 1, losses: 0, draws: 0 }]);
  });

  withStore('a bad game is refused and nothing of its delivery is counted', async (s) => {
    await assert.rejects(s.recordGames('p1', 'j1', [...games('A', 'w'), { game: 1, matchup: 'A', result: 'lost' as 'loss' }]), /lost/);
    await assert.rejects(s.recordGames('p1', 'j1', [{ game: -1, matchup: 'A', result: 'win' }]), /-1/);
    assert.deepEqual(await s.counted('p1'), []);
    assert.equal(await s.recordGames('p1', 'j1', games('A', 'w')), 1, 'game 0 was not recorded by the refused delivery');
  });

  withStore('concurrent deliveries of overlapping jobs count every game exactly once', async (s) => {
    const jobs = Array.from({ length: 8 }, (_, j) => games(`M${j % 3}`, 'wlwdlwwl'));
    const counts = await Promise.all([...jobs.entries(), ...jobs.entries(), ...jobs.entries()].map(([j, g]) => s.recordGames('p1', `j${j}`, g)));
    assert.equal(counts.reduce((a, b) => a + b, 0), 64);
    const c = await s.counted('p1');
    assert.equal(c.reduce((n, m) => n + m.games, 0), 64);
    assert.deepEqual(c.map((m) => [m.matchup, m.games, m.wins, m.losses, m.draws]), [['M0', 24, 12, 9, 3], ['M1', 24, 12, 9, 3], ['M2', 16, 8, 6, 2]]);
  });
}

// Sampling and the residual guard, as pure functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gameMismatch, residuals, sampleGames, sampleSize, type MatchupTally } from './verify.ts';
import type { GameReport } from './wire.ts';

test('sampleSize: every game for the first three batches, then a shrinking share, never below 2 games or 1/16', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 9, 17, 100].map((t) => sampleSize(64, t)), [64, 64, 64, 32, 22, 16, 13, 8, 4, 4]);
  assert.deepEqual([0, 3, 10].map((t) => sampleSize(2, t)), [2, 2, 2]);
  assert.deepEqual([0, 3, 10].map((t) => sampleSize(4, t)), [4, 2, 2]);
});

test('sampleGames: deterministic from the ticket id and secret, distinct and sorted, and different across tickets', () => {
  const a = sampleGames('w1#1', 64, 8, 's');
  assert.deepEqual(a, sampleGames('w1#1', 64, 8, 's'));
  assert.equal(new Set(a).size, 8);
  assert.deepEqual(a, [...a].sort((x, y) => x - y));
  assert.ok(a.every((k) => k >= 0 && k < 64));
  assert.notDeepEqual(a, sampleGames('w1#2', 64, 8, 's'));
  assert.notDeepEqual(a, sampleGames('w1#1', 64, 8, 'another secret'));
  assert.deepEqual(sampleGames('w1#1', 4, 4, 's'), [0, 1, 2, 3]);
  // every game is equally likely to be checked: over many tickets each is picked about size/games of the time
  const picked = new Array<number>(16).fill(0);
  for (let t = 0; t < 800; t++) for (const k of sampleGames(`t${t}`, 16, 4, 's')) picked[k]!++;
  assert.ok(picked.every((n) => n > 140 && n < 260), picked.join(' '));
});

test('gameMismatch names what differs: digest, outcome or card facts', () => {
  const g: GameReport = { game: 3, seed: 8, onThePlay: 1, winner: 0, reason: 'life', turns: 9, digest: 'abc', cards: [17] };
  assert.equal(gameMismatch(g, structuredClone(g)), null);
  assert.equal(gameMismatch({ ...g, winner: 1 }, g), 'game 3: winner differs from the replay');
  assert.equal(gameMismatch({ ...g, digest: 'abd', turns: 8 }, g), 'game 3: digest, turns differ from the replay');
  assert.equal(gameMismatch({ ...g, cards: undefined }, g), 'game 3: cards differs from the replay');
});

test('residuals: honest contributors on a 60% matchup are not flagged; one reporting 75% over 400 games is', () => {
  // honest: near 60% with ordinary noise; biased: 300 of 400
  const honest = [[236, 164], [248, 152], [119, 81], [605, 395]];
  const tallies: MatchupTally[] = honest.map(([wins, losses], i) => ({ contributor: `h${i}`, matchup: 'm', wins: wins!, losses: losses! }));
  tallies.push({ contributor: 'biased', matchup: 'm', wins: 300, losses: 100 }, { contributor: 'biased', matchup: 'other', wins: 5, losses: 5 });
  const r = residuals(tallies);
  assert.deepEqual(r.filter((x) => x.flagged).map((x) => [x.contributor, x.matchup]), [['biased', 'm']]);
  const biased = r.find((x) => x.contributor === 'biased' && x.matchup === 'm')!;
  assert.ok(biased.z > 5, String(biased.z));
  assert.ok(r.filter((x) => x.contributor !== 'biased').every((x) => Math.abs(x.z) < 2.5), JSON.stringify(r));
  // too few games to judge: not flagged however lopsided
  assert.ok(!residuals([{ contributor: 'a', matchup: 'm', wins: 40, losses: 0 }, { contributor: 'b', matchup: 'm', wins: 20, losses: 20 }])[0]!.flagged);
});

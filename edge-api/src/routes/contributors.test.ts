import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { newKeyPair, privateKeyOf } from '@spellgrid/backend/src/volunteer/signature.ts';
import { openCoordinator } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { memoryStore } from '@spellgrid/backend/src/volunteer/store.ts';
import { post, testApp } from '../test-app.ts';
import { volunteers } from '../volunteers.ts';

test('a contributor registers a key under a handle; the same key again is accepted, another is a 409', async () => {
  const { app } = testApp();
  const ann = newKeyPair();
  const r = await app.request('/v1/contributors', post({ handle: 'ann', publicKey: ann.publicKey }));
  assert.equal(r.status, 201);
  assert.equal(r.headers.get('Location'), '/v1/contributors/ann');
  assert.deepEqual(await r.json(), {
    handle: 'ann', publicKey: ann.publicKey, registeredAt: new Date(0).toISOString(), trust: 0, verifiedGames: 0, pendingGames: 0, rejectedGames: 0, computeSeconds: 0,
    flagged: false, flaggedMatchups: [],
  });
  const pem = createPublicKey(privateKeyOf(ann.privateKey)).export({ format: 'pem', type: 'spki' }).toString();
  assert.equal((await app.request('/v1/contributors', post({ handle: 'ann', publicKey: pem }))).status, 201, 'the same key as PEM');
  const taken = await app.request('/v1/contributors', post({ handle: 'ann', publicKey: newKeyPair().publicKey }));
  assert.equal(taken.status, 409);
  const { error } = await taken.json();
  assert.deepEqual([error.code, error.field], ['handle-taken', 'handle']);
});

test('a bad registration is a 400 naming the field', async () => {
  const { app } = testApp();
  const cases: [unknown, string, string][] = [
    [{ publicKey: newKeyPair().publicKey }, 'bad-request', 'handle'],
    [{ handle: 'a b', publicKey: newKeyPair().publicKey }, 'bad-request', 'handle'],
    [{ handle: 'x'.repeat(33), publicKey: newKeyPair().publicKey }, 'bad-request', 'handle'],
    [{ handle: 'ann' }, 'bad-request', 'publicKey'],
    [{ handle: 'ann', publicKey: 'bm90IGEga2V5' }, 'bad-key', 'publicKey'],
    [{ handle: 'ann', publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, 'bad-key', 'publicKey'],
  ];
  for (const [body, code, field] of cases) {
    const r = await app.request('/v1/contributors', post(body));
    assert.equal(r.status, 400, JSON.stringify(body));
    const { error } = await r.json();
    assert.deepEqual([error.code, error.field], [code, field], JSON.stringify(error));
  }
});

test('a contributor\'s stats, an unknown one a 404, and the leaderboard by verified games', async () => {
  const { app, coordinator } = testApp();
  assert.equal((await app.request('/v1/contributors/nobody')).status, 404);
  assert.deepEqual(await (await app.request('/v1/leaderboard')).json(), { contributors: [] });
  for (const handle of ['bea', 'ann']) await app.request('/v1/contributors', post({ handle, publicKey: newKeyPair().publicKey }));
  assert.equal((await (await app.request('/v1/contributors/bea')).json()).trust, 0);
  const board = await (await app.request('/v1/leaderboard')).json();
  assert.deepEqual(board.contributors.map((c: { handle: string }) => c.handle), (await coordinator.leaderboard()).map((c) => c.handle));
  assert.deepEqual(board.contributors.map((c: { handle: string }) => c.handle), ['ann', 'bea']);
});

test('a contributor whose verified win rate in a matchup is implausible is flagged in its stats and on the leaderboard, with the matchup, its z and games; an honest one is not', async () => {
  const store = memoryStore();
  const coordinator = openCoordinator({
    store, signingKey: newKeyPair().privateKey, sampleSecret: 'secret', engine: 'e', irHash: 'ir',
    replay: async () => { throw new Error('no replay in this test'); }, clock: () => 0,
  });
  const { app } = testApp({ volunteers: volunteers(async () => coordinator, { ticketMs: 60_000, log: () => {} }) });
  for (const handle of ['skewed', 'honest']) assert.equal((await app.request('/v1/contributors', post({ handle, publicKey: newKeyPair().publicKey }))).status, 201);
  // verified tallies as the coordinator keeps them: the others win half of 4,000 games, "skewed" 80% of 200
  // (with only two contributors in a matchup each is the other's reference, and both would be flagged)
  await store.putTally({ contributor: 'skewed', matchup: 'm1', wins: 160, losses: 40 });
  await store.putTally({ contributor: 'honest', matchup: 'm1', wins: 1000, losses: 1000 });
  await store.putTally({ contributor: 'others', matchup: 'm1', wins: 1000, losses: 1000 });
  await store.putTally({ contributor: 'honest', matchup: 'm2', wins: 10, losses: 5 });
  const skewed = await (await app.request('/v1/contributors/skewed')).json();
  assert.equal(skewed.flagged, true);
  assert.deepEqual(skewed.flaggedMatchups.map((f: { matchup: string; games: number }) => [f.matchup, f.games]), [['m1', 200]]);
  assert.ok(skewed.flaggedMatchups[0].z > 4, String(skewed.flaggedMatchups[0].z));
  const honest = await (await app.request('/v1/contributors/honest')).json();
  assert.deepEqual([honest.flagged, honest.flaggedMatchups], [false, []]);
  const board = await (await app.request('/v1/leaderboard')).json();
  assert.deepEqual(board.contributors.map((c: { handle: string; flagged: boolean }) => [c.handle, c.flagged]), [['honest', false], ['skewed', true]]);
  assert.deepEqual(board.contributors[1].flaggedMatchups, skewed.flaggedMatchups);
});

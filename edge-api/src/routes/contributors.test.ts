import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { newKeyPair, privateKeyOf } from '@spellgrid/backend/src/volunteer/signature.ts';
import { post, testApp } from '../test-app.ts';

test('a contributor registers a key under a handle; the same key again is accepted, another is a 409', async () => {
  const { app } = testApp();
  const ann = newKeyPair();
  const r = await app.request('/v1/contributors', post({ handle: 'ann', publicKey: ann.publicKey }));
  assert.equal(r.status, 201);
  assert.equal(r.headers.get('Location'), '/v1/contributors/ann');
  assert.deepEqual(await r.json(), {
    handle: 'ann', publicKey: ann.publicKey, registeredAt: new Date(0).toISOString(), trust: 0, verifiedGames: 0, pendingGames: 0, rejectedGames: 0, computeSeconds: 0,
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

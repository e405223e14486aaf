import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledDeck } from '@spellgrid/engine-as/src/host/node.ts';
import { batchDigest } from '@spellgrid/engine-as/src/host/jobs.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import { newKeyPair, signValue } from '@spellgrid/backend/src/volunteer/signature.ts';
import { signResult } from '@spellgrid/backend/src/volunteer/results.ts';
import type { GameReport, SignedTicket } from '@spellgrid/backend/src/volunteer/wire.ts';
import { checkTicket } from '@spellgrid/backend/src/volunteer/tickets.ts';
import { post, testApp } from '../test-app.ts';

const boros = bundledDeck('boros-aggro')!, izzet = bundledDeck('izzet-spells')!;
const job = (seed: number) => ({ id: `job ${seed}`, decks: [boros, izzet] as [typeof boros, typeof izzet], agents: ['heuristic', 'heuristic'] as [string, string], seed, games: 2 });

/** The games a ticket's job "plays" in these tests: the same for the volunteer and the replay. */
const played = (seed: number, games: readonly number[]): GameReport[] => games.map((k) => ({ game: k, ...matchGame(seed, k), winner: 0, reason: 'life', turns: 9, digest: `d${seed}.${k}` }));

async function setup(o: Parameters<typeof testApp>[0] = {}) {
  const t = testApp({ replay: async (j, games) => played(j.seed, games), ...o });
  const keys = newKeyPair();
  assert.equal((await t.app.request('/v1/contributors', post({ handle: 'ann', publicKey: keys.publicKey }))).status, 201);
  const ticketRequest = (handle = 'ann', key = keys.privateKey, at = Date.now()) => post({ request: { handle, at }, signature: signValue({ handle, at }, key) });
  const take = async () => {
    const r = await t.app.request('/v1/jobs/tickets', ticketRequest());
    assert.equal(r.status, 201);
    return (await r.json()) as SignedTicket;
  };
  const result = (ticket: SignedTicket, games = played(ticket.ticket.job.seed, [0, 1]), key = keys.privateKey) =>
    ({ handle: 'ann', ...signResult({ ticketId: ticket.ticket.id, ticketSignature: ticket.signature, games, batchDigest: batchDigest(games) }, key) });
  return { ...t, keys, ticketRequest, take, result };
}

const errorOf = async (r: Response) => [r.status, (await r.json()).error.code];

test('the coordinator\'s key is public, and every ticket verifies under it', async () => {
  const { app, coordinator, take } = await setup();
  await coordinator.enqueue('w1', job(1));
  assert.deepEqual(await (await app.request('/v1/jobs/key')).json(), { publicKey: coordinator.publicKey });
  const { publicKey } = await (await app.request('/v1/jobs/key')).json();
  const t = await take();
  assert.deepEqual(checkTicket(t, publicKey), { ok: true, value: t.ticket });
  assert.deepEqual([t.ticket.assignee, t.ticket.job.seed], ['ann', 1]);
});

test('a ticket needs a fresh request signed by the handle\'s key; no work is a 204', async () => {
  const { app, coordinator, ticketRequest } = await setup();
  assert.equal((await app.request('/v1/jobs/tickets', ticketRequest())).status, 204);
  await coordinator.enqueue('w1', job(1));
  assert.deepEqual(await errorOf(await app.request('/v1/jobs/tickets', ticketRequest('bob'))), [403, 'unknown-contributor']);
  assert.deepEqual(await errorOf(await app.request('/v1/jobs/tickets', ticketRequest('ann', newKeyPair().privateKey))), [403, 'bad-signature']);
  assert.deepEqual(await errorOf(await app.request('/v1/jobs/tickets', ticketRequest('ann', undefined, Date.now() - 120_000))), [403, 'stale-request']);
  const bad = await app.request('/v1/jobs/tickets', post({ request: { handle: 'ann' }, signature: 'x' }));
  assert.deepEqual([bad.status, (await bad.json()).error.field], [400, 'request.at']);
  assert.equal((await app.request('/v1/jobs/tickets', ticketRequest())).status, 201);
});

test('too many outstanding tickets is a 429 with Retry-After', async () => {
  const { app, coordinator, take, ticketRequest } = await setup();
  for (let k = 1; k <= 3; k++) await coordinator.enqueue(`w${k}`, job(k));
  await take(); await take();
  const r = await app.request('/v1/jobs/tickets', ticketRequest());
  assert.equal(r.headers.get('Retry-After'), '5');
  assert.deepEqual(await errorOf(r), [429, 'too-many-tickets']);
});

test('the per-contributor bucket limits job requests with 429 and Retry-After', async () => {
  const { app, clock, ticketRequest } = await setup({ contributorBurst: 2 });
  for (let k = 0; k < 2; k++) assert.equal((await app.request('/v1/jobs/tickets', ticketRequest())).status, 204);
  const r = await app.request('/v1/jobs/tickets', ticketRequest());
  assert.equal(r.headers.get('Retry-After'), '1');
  assert.deepEqual(await errorOf(r), [429, 'rate-limited']);
  clock.ms += 1000;
  assert.equal((await app.request('/v1/jobs/tickets', ticketRequest())).status, 204);
});

test('a signed result is accepted (202), verified in the background, and the same result again is a duplicate', async () => {
  const { app, coordinator, take, result } = await setup();
  await coordinator.enqueue('w1', job(1));
  const t = await take();
  const r = await app.request('/v1/jobs/results', post(result(t)));
  assert.equal(r.status, 202);
  assert.deepEqual(await r.json(), { ticket: t.ticket.id, state: 'submitted', duplicate: false });
  assert.equal((await coordinator.verified('w1')).games!.length, 2);
  assert.deepEqual((await (await app.request('/v1/contributors/ann')).json()).verifiedGames, 2);
  const again = await app.request('/v1/jobs/results', post(result(t)));
  assert.deepEqual([again.status, (await again.json()).duplicate], [202, true]);
});

test('a result the replay disagrees with is rejected in the background and never counted', async () => {
  const { app, coordinator, take, result } = await setup();
  await coordinator.enqueue('w1', job(1));
  const t = await take();
  const flipped = played(1, [0, 1]).map((g) => ({ ...g, winner: 1 as const }));
  assert.equal((await app.request('/v1/jobs/results', post(result(t, flipped)))).status, 202);
  let ann;
  do { await new Promise((resolve) => setTimeout(resolve, 5)); ann = await (await app.request('/v1/contributors/ann')).json(); } while (ann.pendingGames > 0);
  assert.deepEqual([ann.verifiedGames, ann.rejectedGames], [0, 2]);
  assert.equal(await coordinator.verifiedWork('w1'), undefined);
});

test('refused results map to 400, 403 and 409 with the refusal\'s code', async () => {
  const { app, coordinator, clock, take, result } = await setup();
  for (let k = 1; k <= 2; k++) await coordinator.enqueue(`w${k}`, job(k));
  const [t1, t2] = [await take(), await take()];
  const other = newKeyPair();
  await app.request('/v1/contributors', post({ handle: 'bob', publicKey: other.publicKey }));
  const cases: [unknown, number, string][] = [
    [{ ...result(t1), handle: 'nobody' }, 403, 'unknown-contributor'],
    [result(t1, undefined, other.privateKey), 403, 'bad-signature'],
    [{ ...result(t1, undefined, other.privateKey), handle: 'bob' }, 403, 'not-your-ticket'],
    [result({ ...t1, ticket: { ...t1.ticket, id: 'nope' } }), 400, 'unknown-ticket'],
    [result(t1, played(2, [0, 1])), 400, 'bad-result'], // another ticket's games
    [{ ...result(t1), result: { ...result(t1).result, games: 'all of them' } }, 400, 'bad-request'],
  ];
  for (const [body, status, code] of cases) assert.deepEqual(await errorOf(await app.request('/v1/jobs/results', post(body))), [status, code], code);
  assert.equal((await app.request('/v1/jobs/results', post(result(t1)))).status, 202);
  const changed = played(1, [0, 1]).map((g) => ({ ...g, turns: 10 }));
  assert.deepEqual(await errorOf(await app.request('/v1/jobs/results', post(result(t1, changed)))), [409, 'ticket-used']);
  clock.ms += 10 * 60_000;
  assert.deepEqual(await errorOf(await app.request('/v1/jobs/results', post(result(t2)))), [409, 'ticket-expired']);
});

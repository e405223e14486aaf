// Canonical serialisation, keys in both forms, and signed tickets: a round trip verifies, any
// changed field or another key does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { newKeyPair, publicKeyFor, publicKeyOf, signValue, verifyValue } from './signature.ts';
import { canonical } from './canonical.ts';
import { checkTicket, deckHash, signTicket } from './tickets.ts';
import type { Ticket } from './wire.ts';

test('canonical: keys sorted at every depth, undefined members dropped, non-finite numbers refused', () => {
  assert.equal(canonical({ b: 1, a: [{ d: 'x', c: null }], e: undefined }), '{"a":[{"c":null,"d":"x"}],"b":1}');
  assert.equal(canonical({ a: 1, b: 2 }), canonical({ b: 2, a: 1 }));
  assert.throws(() => canonical({ x: NaN }), TypeError);
  assert.throws(() => canonical({ x: Infinity }), TypeError);
});

test('keys as raw base64 and as PEM sign and verify alike; malformed keys and signatures are refused', () => {
  const raw = newKeyPair();
  assert.equal(Buffer.from(raw.publicKey, 'base64').length, 32);
  assert.equal(publicKeyFor(raw.privateKey), raw.publicKey);
  const pem = generateKeyPairSync('ed25519');
  const pemPrivate = pem.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const pemPublic = pem.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  for (const [priv, pub] of [[raw.privateKey, raw.publicKey], [pemPrivate, pemPublic], [pemPrivate, publicKeyFor(pemPrivate)]] as const) {
    const value = { n: 1, s: 'x' };
    assert.ok(verifyValue(value, signValue(value, priv), pub));
    assert.ok(verifyValue({ s: 'x', n: 1 }, signValue(value, priv), pub), 'key order does not matter');
    assert.ok(!verifyValue({ n: 2, s: 'x' }, signValue(value, priv), pub));
  }
  assert.ok(!verifyValue({}, signValue({}, raw.privateKey), pemPublic), 'another key');
  assert.ok(!verifyValue({}, 'not a signature', raw.publicKey));
  assert.ok(!verifyValue({}, signValue({}, raw.privateKey), 'bm90IGEga2V5'));
  assert.throws(() => publicKeyOf('bm90IGEga2V5'), /32 bytes/);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
  assert.throws(() => publicKeyOf(rsa), /not an Ed25519 key/);
});

const coordinator = newKeyPair();
const ticket: Ticket = {
  id: 'w1#1',
  job: { id: 'w1', decks: [{ name: 'A', cards: [1, 2, 3] }, { name: 'B', cards: [4, 5] }], agents: ['heuristic', 'heuristic'], seed: 7, games: 4, engine: 'e', irHash: 'i' },
  engine: 'e', irHash: 'i', deckHashes: [deckHash([1, 2, 3]), deckHash([4, 5])], issuedAt: 1000, expiresAt: 2000, assignee: 'ann',
};

test('a signed ticket verifies; a change to any field, or another key, is refused', () => {
  const signed = signTicket(ticket, coordinator.privateKey);
  assert.deepEqual(checkTicket(signed, coordinator.publicKey), { ok: true, value: ticket });
  const changes: ((t: Ticket) => void)[] = [
    (t) => { t.assignee = 'bob'; }, (t) => { t.expiresAt += 1; }, (t) => { t.job.seed++; }, (t) => { t.job.games = 40; },
    (t) => { t.job.agents[0] = 'mcts'; }, (t) => { t.job.decks[1].cards.push(6); }, (t) => { t.engine = 'f'; },
  ];
  for (const change of changes) {
    const forged = structuredClone(signed);
    change(forged.ticket);
    const r = checkTicket(forged, coordinator.publicKey);
    assert.equal(r.ok ? 'ok' : r.code, 'bad-signature', String(change));
  }
  assert.equal((checkTicket(signed, newKeyPair().publicKey) as { code: string }).code, 'bad-signature');
  assert.equal((checkTicket(signTicket(ticket, newKeyPair().privateKey), coordinator.publicKey) as { code: string }).code, 'bad-signature');
});

test('a ticket signed over hashes that disagree with its decks or its job is refused', () => {
  const wrongDeck = structuredClone(ticket);
  wrongDeck.deckHashes[0] = deckHash([1, 2]);
  assert.equal((checkTicket(signTicket(wrongDeck, coordinator.privateKey), coordinator.publicKey) as { code: string }).code, 'bad-ticket');
  const wrongBuild = { ...ticket, engine: 'other' };
  assert.equal((checkTicket(signTicket(wrongBuild, coordinator.privateKey), coordinator.publicKey) as { code: string }).code, 'bad-ticket');
  assert.notEqual(deckHash([1, 2, 3]), deckHash([3, 2, 1]), 'card order is part of the deck');
});

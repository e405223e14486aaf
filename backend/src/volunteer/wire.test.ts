// What a browser contributor uses: the pure canonical() and resultOf (no node:crypto), and a
// WebCrypto Ed25519 key (as the web app makes it) whose raw public key and signatures over
// canonical(value) the coordinator's signature.ts accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { canonical } from './canonical.ts';
import { rawPublicKey, verifyValue } from './signature.ts';

test('canonical and the wire messages (what a browser imports) stay free of Node imports', () => {
  for (const f of ['canonical.ts', 'wire.ts']) {
    const src = readFileSync(new URL(f, import.meta.url), 'utf8');
    assert.doesNotMatch(src, /from 'node:/, `${f} must stay browser-safe`);
  }
});

test('a WebCrypto Ed25519 key registers raw and its signature over canonical bytes verifies', async () => {
  const { subtle } = globalThis.crypto;
  const keys = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = Buffer.from(await subtle.exportKey('raw', keys.publicKey)).toString('base64');
  assert.equal(rawPublicKey(publicKey), publicKey);
  const request = { handle: 'ann', at: 1795795200000 };
  const signature = Buffer.from(await subtle.sign({ name: 'Ed25519' }, keys.privateKey, new TextEncoder().encode(canonical(request)))).toString('base64');
  assert.ok(verifyValue({ at: 1795795200000, handle: 'ann' }, signature, publicKey));
  assert.ok(!verifyValue({ ...request, at: 1 }, signature, publicKey));
});

// Signatures of the job exchange: one canonical serialisation (what is signed is always
// `canonical(value)`, canonical.ts), Ed25519 keys as PEM or as raw base64 (32 bytes, what a browser's
// WebCrypto exports), and SHA-256 for content hashes.
import { canonical } from './canonical.ts';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';


export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// DER prefixes that wrap a raw 32-byte Ed25519 key as SPKI (public) and PKCS#8 (private).
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A PEM key as it is, a raw base64 key wrapped in `prefix` as DER. */
function keyText(text: string, prefix: Buffer): string | Buffer {
  const t = text.trim();
  if (t.startsWith('-----BEGIN')) return t;
  const raw = Buffer.from(t, 'base64');
  if (raw.length !== 32) throw new TypeError(`an Ed25519 key is PEM or 32 bytes in base64 (got ${raw.length} bytes)`);
  return Buffer.concat([prefix, raw]);
}

function ed25519(k: KeyObject): KeyObject {
  if (k.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 key (${k.asymmetricKeyType})`);
  return k;
}

/** An Ed25519 public key from PEM or raw base64; throws a TypeError on anything else. */
export function publicKeyOf(text: string): KeyObject {
  const k = keyText(text, SPKI);
  return ed25519(typeof k === 'string' ? createPublicKey(k) : createPublicKey({ key: k, format: 'der', type: 'spki' }));
}

/** An Ed25519 private key from PEM or raw base64 (the 32-byte seed). */
export function privateKeyOf(text: string): KeyObject {
  const k = keyText(text, PKCS8);
  return ed25519(typeof k === 'string' ? createPrivateKey(k) : createPrivateKey({ key: k, format: 'der', type: 'pkcs8' }));
}

const raw = (publicKey: KeyObject) => publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI.length).toString('base64');

/** A public key (PEM or raw base64) as raw base64: one text per key, whatever form it came in. */
export function rawPublicKey(text: string): string {
  return raw(publicKeyOf(text));
}

/** The raw base64 public key of a private key (PEM or raw base64). */
export function publicKeyFor(privateKey: string): string {
  return raw(createPublicKey(privateKeyOf(privateKey)));
}

/** A fresh keypair, both halves as raw base64. */
export function newKeyPair(): { publicKey: string; privateKey: string } {
  const privateKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8.length).toString('base64');
  return { publicKey: publicKeyFor(privateKey), privateKey };
}

/** The Ed25519 signature (base64) of `canonical(value)`. */
export function signValue(value: unknown, privateKey: string | KeyObject): string {
  const key = typeof privateKey === 'string' ? privateKeyOf(privateKey) : privateKey;
  return sign(null, Buffer.from(canonical(value)), key).toString('base64');
}

/** Whether `signature` signs `canonical(value)` under `publicKey`; false for malformed input too. */
export function verifyValue(value: unknown, signature: string, publicKey: string | KeyObject): boolean {
  try {
    const key = typeof publicKey === 'string' ? publicKeyOf(publicKey) : publicKey;
    return verify(null, Buffer.from(canonical(value)), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

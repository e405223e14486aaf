// The contributor's identity in this browser: an Ed25519 key pair made with WebCrypto (the private
// key is not extractable) and the handle it is registered under, kept in IndexedDB so credit
// persists across visits. Signatures are Ed25519 over the UTF-8 bytes of canonical(value), in
// base64, exactly what the coordinator verifies (backend/src/volunteer/signature.ts).
import { canonical } from '@spellgrid/backend/src/volunteer/canonical.ts';

export interface Identity { handle: string; keys: CryptoKeyPair; publicKey: string; registered: boolean }

const DB = 'spellgrid-contributor', STORE = 'identity', KEY = 'me';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB is not available'));
  });
}

async function tx<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const d = await db();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = f(d.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    d.close();
  }
}

export const loadIdentity = () => tx<Identity | undefined>('readonly', (s) => s.get(KEY));
export const saveIdentity = (id: Identity) => tx<unknown>('readwrite', (s) => s.put(id, KEY));
export const forgetIdentity = () => tx<unknown>('readwrite', (s) => s.delete(KEY));

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Whether this browser's WebCrypto does Ed25519. */
export async function ed25519Supported(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

/** A fresh identity: a non-extractable Ed25519 private key and its raw 32-byte public key in base64. */
export async function newIdentity(handle: string): Promise<Identity> {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(await crypto.subtle.exportKey('raw', keys.publicKey));
  return { handle, keys, publicKey, registered: false };
}

/** The Ed25519 signature (base64) of canonical(value). */
export async function signValue(value: unknown, key: CryptoKey): Promise<string> {
  return toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, key, utf8(canonical(value))));
}

/** Whether `signature` signs canonical(value) under a raw base64 Ed25519 public key. */
export async function verifyValue(value: unknown, signature: string, publicKey: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signature), utf8(canonical(value)));
  } catch {
    return false;
  }
}

/** SHA-256 hex of canonical(value): a deck hash as tickets carry it. */
export async function sha256Canonical(value: unknown): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonical(value))));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A handle suggestion: "volunteer-" and six random hex digits. */
export function suggestHandle(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `volunteer-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

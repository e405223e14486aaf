// The engine's files as Vite assets: hashed URLs the service worker precaches with the JS, so a
// stale engine never runs with new code. Loaded only by the engine worker.
import wasmUrl from '@spellgrid/engine-as/build/release.wasm?url';
import irUrl from '@spellgrid/engine-as/build/cards.bin?url';
import metaUrl from '@spellgrid/engine-as/build/cards.json?url';
import { CardPool, createEngine, type Engine, type PoolMeta } from '@spellgrid/engine-as/src/host/engine.ts';

async function bytes(url: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`could not load the engine (${url}: HTTP ${r.status})`);
  return r.arrayBuffer();
}

/** SHA-256 hex, as node:crypto's createHash('sha256').digest('hex') gives it. */
export async function sha256Hex(data: BufferSource): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The engine as the server loads it: build hash = sha256 of release.wasm, so tickets match. */
export async function loadBrowserEngine(): Promise<Engine> {
  const [wasm, ir, meta] = await Promise.all([bytes(wasmUrl), bytes(irUrl), fetch(metaUrl).then((r) => r.json() as Promise<PoolMeta>)]);
  const pool = new CardPool(meta, new Uint8Array(ir));
  return createEngine(wasm, pool, await sha256Hex(wasm));
}

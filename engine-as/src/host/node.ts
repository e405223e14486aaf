// Loads the engine in Node from the build folder (the browser loads the same files by fetch).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CardPool, createEngine, type Engine, type PoolMeta } from './engine.ts';

const BUILD = fileURLToPath(new URL('../../build/', import.meta.url));

let pool: CardPool | undefined;

export function loadPool(): CardPool {
  if (!pool) {
    let meta: PoolMeta;
    let ir: Uint8Array;
    try {
      meta = JSON.parse(readFileSync(BUILD + 'cards.json', 'utf8')) as PoolMeta;
      ir = readFileSync(BUILD + 'cards.bin');
    } catch (e) {
      throw new Error(`the card pool is not built (${(e as Error).message}); run \`npm run build\` first`);
    }
    pool = new CardPool(meta, new Uint8Array(ir.buffer, ir.byteOffset, ir.byteLength));
  }
  return pool;
}

/** A fresh engine instance (its own WASM memory). `debug` selects the build with assertions. */
export async function loadEngine(target: 'release' | 'debug' = 'release'): Promise<Engine> {
  const wasm = readFileSync(BUILD + `${target}.wasm`);
  const hash = createHash('sha256').update(wasm).digest('hex');
  return createEngine(wasm, loadPool(), hash);
}

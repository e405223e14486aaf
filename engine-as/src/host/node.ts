// Loads the engine in Node from the build folder (the browser loads the same files by fetch).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CardPool, createEngine, deckCards, type Engine, type PoolMeta } from './engine.ts';
import { formatDeckErrors, parseDeck } from './deck.ts';

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

const DECKS = fileURLToPath(new URL('../../decks/', import.meta.url));

export interface NamedDeck { name: string; file: string; cards: number[] }

/** Reads and validates a deck file; throws an Error whose message lists every problem by line. */
export function readDeck(file: string, p: CardPool = loadPool()): NamedDeck {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new Error(`cannot read deck file ${file}: ${(e as Error).message}`); }
  const r = parseDeck(text, p);
  if (!r.ok) throw new Error(`${file}:\n${formatDeckErrors(r.errors)}`);
  return { name: r.deck.name ?? basename(file).replace(/\.txt$/, ''), file, cards: deckCards(r.deck) };
}

/** The decks that ship with Spellgrid (engine-as/decks), sorted by file name. */
export function bundledDecks(): NamedDeck[] {
  return readdirSync(DECKS).filter((f) => f.endsWith('.txt')).sort().map((f) => readDeck(join(DECKS, f)));
}

// Loads the engine in Node from the build folder (the browser loads the same files by fetch).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CardPool, createEngine, deckCards, type Engine, type PoolMeta } from './engine.ts';
import { formatDeckErrors, parseDeck, type DeckRules } from './deck.ts';

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
export function readDeck(file: string, p: CardPool = loadPool(), rules: DeckRules = {}): NamedDeck {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new Error(`cannot read deck file ${file}: ${(e as Error).message}`); }
  const r = parseDeck(text, p, rules);
  if (!r.ok) throw new Error(`${file}:\n${formatDeckErrors(r.errors)}`);
  return { name: r.deck.name ?? basename(file).replace(/\.txt$/, ''), file, cards: deckCards(r.deck) };
}

/** The decks that ship with Spellgrid (engine-as/decks), sorted by file name. */
export function bundledDecks(): NamedDeck[] {
  return readdirSync(DECKS).filter((f) => f.endsWith('.txt')).sort().map((f) => readDeck(join(DECKS, f)));
}

const BEGINNER_BOX = join(DECKS, 'beginner-box');

/** The ten Foundations Beginner Box half-decks (20 cards each), sorted by name. */
export function beginnerBoxHalves(): NamedDeck[] {
  return readdirSync(BEGINNER_BOX).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readDeck(join(BEGINNER_BOX, f), loadPool(), { minMainDeck: 20 }));
}

/**
 * The card names each half-deck lists, read without checking them against the pool (the coverage
 * report must work while cards are missing).
 */
export function beginnerBoxCardNames(): { deck: string; name: string }[] {
  return readdirSync(BEGINNER_BOX).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => {
    const lines = readFileSync(join(BEGINNER_BOX, f), 'utf8').split('\n');
    const deck = lines.map((l) => /^\/\/\s*NAME:\s*(.+?)\s*$/.exec(l)?.[1]).find(Boolean) ?? basename(f, '.txt');
    return lines.flatMap((l) => {
      const m = /^\d+\s+(.+?)\s*$/.exec(l);
      return m ? [{ deck, name: m[1]! }] : [];
    });
  });
}

/** Two Beginner Box half-decks shuffled together into one 40-card deck, as the box intends. */
export function beginnerBoxDeck(a: NamedDeck, b: NamedDeck): NamedDeck {
  return { name: `${a.name} + ${b.name}`, file: `${a.file} + ${b.file}`, cards: [...a.cards, ...b.cards] };
}

/**
 * A deck bundled with Spellgrid by name ("boros-aggro", its file name or deck name), or two
 * Beginner Box half-decks joined by "+" ("Cats+Elves"); undefined if there is none. It never
 * reads a path it is given, so services may pass it names from requests.
 */
export function bundledDeck(spec: string): NamedDeck | undefined {
  const key = (s: string) => s.trim().toLowerCase();
  const halves = spec.split('+');
  if (halves.length === 2) {
    const box = beginnerBoxHalves();
    const [a, b] = halves.map((h) => box.find((d) => key(d.name) === key(h)));
    return a && b ? beginnerBoxDeck(a, b) : undefined;
  }
  return bundledDecks().find((d) => key(basename(d.file, '.txt')) === key(spec) || key(d.name) === key(spec));
}

/**
 * A deck named on the command line: a deck file, or a bundled deck (`bundledDeck`).
 */
export function findDeck(spec: string): NamedDeck {
  if (existsSync(spec)) return readDeck(spec);
  const d = bundledDeck(spec);
  if (d) return d;
  if (spec.split('+').length === 2) throw new Error(`"${spec}": Beginner Box half-decks are ${beginnerBoxHalves().map((h) => h.name).join(', ')}`);
  throw new Error(`no deck file "${spec}", and no bundled deck of that name (bundled: ${bundledDecks().map((d) => basename(d.file, '.txt')).join(', ')}; or join two Beginner Box halves with "+", e.g. Cats+Elves)`);
}

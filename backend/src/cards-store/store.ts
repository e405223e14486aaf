// The card document store: what Spellgrid keeps about cards outside the engine. Card IR documents
// (one per card and IR version, keyed by a hash of the card's content, so loading the same pool
// twice stores nothing new), the pools that list them, card metadata by name, a price cache with
// expiry, and a value index (a deck's price against its simulated field win rate). Behind an
// asynchronous interface with an in-memory implementation (here) and a MongoDB one (mongo.ts,
// also run on FerretDB v1); store.conformance.ts is what both must do.
import type { CardMeta } from '@spellgrid/engine-as/src/host/engine.ts';
import { cardNameKey } from '@spellgrid/engine-as/src/host/deck.ts';

/** One card as one IR version compiles it. */
export interface CardIrDoc {
  /** sha256 (hex) of the IR version, the card's IR words and its facts: the document's key. */
  hash: string;
  irVersion: number;
  name: string;
  token: boolean;
  /** The card's facts as the renderer reads them from the IR (cards.json), without the pool index. */
  facts: Omit<CardMeta, 'index'>;
  /** Its rules text rendered from the IR. */
  text: string;
  /** Its own IR words, little-endian: its card-table row then its ability-table rows (their offsets point into the pool's shared tables). */
  ir: Uint8Array;
}

/** A compiled pool: which card documents it holds, in card-index order. */
export interface PoolDoc {
  irHash: string;
  irVersion: number;
  /** Card document hashes by card index. */
  cards: string[];
  /** Milliseconds since the epoch. */
  loadedAt: number;
}

/** What is known about a card by name (deck cards only; tokens are not listed). */
export interface CardMetadata {
  /** cardNameKey(name) */
  key: string;
  name: string;
  manaCost: string;
  manaValue: number;
  colors: string[];
  typeLine: string;
  /** Set when the engine implements it only in part. */
  partial?: string;
  /** The newest card document for it and the pool it came from. */
  latest: { irVersion: number; hash: string; irHash: string };
  updatedAt: number;
}

/** A cached price. */
export interface PriceEntry {
  /** What is priced: a card name key, or any caller's key. */
  key: string;
  usd: number;
  source: string;
  fetchedAt: number;
  /** It is not returned from this time on (milliseconds since the epoch), and sweeps delete it. */
  expiresAt: number;
}

/** A deck's price against its simulated strength in one field. */
export interface DeckValue {
  /** The deck's id (e.g. its hash). */
  deck: string;
  /** The field it was measured in (e.g. "default"). */
  field: string;
  name: string;
  /** US dollars. */
  price: number;
  /** Field win rate, 0..1. */
  winRate: number;
  /** Games behind the win rate. */
  games: number;
  at: number;
}

export interface ValueQuery {
  field: string;
  /** Only decks that cost at most this much. */
  maxPrice?: number;
  /** Only win rates from at least this many games. */
  minGames?: number;
  /** At most this many (default 10). */
  limit?: number;
}

export interface CardStore {
  /** Stores a card document unless one with its hash is there already. */
  putCardIr(doc: CardIrDoc): Promise<'inserted' | 'unchanged'>;
  cardIr(hash: string): Promise<CardIrDoc | undefined>;
  /** The documents of cards named `name` (case-insensitively, as decks name them), by IR version then hash. */
  cardsNamed(name: string, irVersion?: number): Promise<CardIrDoc[]>;
  putPool(pool: PoolDoc): Promise<void>;
  pool(irHash: string): Promise<PoolDoc | undefined>;

  putMetadata(m: CardMetadata): Promise<void>;
  metadata(name: string): Promise<CardMetadata | undefined>;

  /** Caches a price for `ttlMs` from `now`, replacing any entry for its key. */
  putPrice(p: { key: string; usd: number; source: string }, ttlMs: number, now: number): Promise<void>;
  /** The cached price, or undefined when absent or expired at `now` (an expired entry is deleted). */
  price(key: string, now: number): Promise<PriceEntry | undefined>;
  /** Deletes every entry expired at `now`; how many. */
  sweepPrices(now: number): Promise<number>;

  /** Records a deck's value in a field, replacing its earlier one there. */
  putDeckValue(v: DeckValue): Promise<void>;
  /** The best decks for their price in a field: highest win rate first, then cheapest, then by deck id. */
  bestValue(q: ValueQuery): Promise<DeckValue[]>;

  close(): Promise<void>;
}

const copy = <T>(x: T): T => structuredClone(x);

/** How names are compared: as deck lists name cards (case, accents and apostrophes do not matter). */
export const nameKey = cardNameKey;

/** Sorting for bestValue, shared so every implementation orders ties alike. */
export const valueOrder = (a: DeckValue, b: DeckValue): number =>
  b.winRate - a.winRate || a.price - b.price || (a.deck < b.deck ? -1 : a.deck > b.deck ? 1 : 0);

export function memoryCardStore(): CardStore {
  const docs = new Map<string, CardIrDoc>();
  const pools = new Map<string, PoolDoc>();
  const meta = new Map<string, CardMetadata>();
  const prices = new Map<string, PriceEntry>();
  const values = new Map<string, DeckValue>();
  return {
    async putCardIr(d) {
      if (docs.has(d.hash)) return 'unchanged';
      docs.set(d.hash, copy(d));
      return 'inserted';
    },
    cardIr: async (hash) => { const d = docs.get(hash); return d && copy(d); },
    cardsNamed: async (name, irVersion) => [...docs.values()]
      .filter((d) => nameKey(d.name) === nameKey(name) && (irVersion === undefined || d.irVersion === irVersion))
      .sort((a, b) => a.irVersion - b.irVersion || (a.hash < b.hash ? -1 : 1)).map(copy),
    putPool: async (p) => { pools.set(p.irHash, copy(p)); },
    pool: async (h) => { const p = pools.get(h); return p && copy(p); },
    putMetadata: async (m) => { meta.set(m.key, copy(m)); },
    metadata: async (name) => { const m = meta.get(nameKey(name)); return m && copy(m); },
    putPrice: async (p, ttlMs, now) => { prices.set(p.key, { key: p.key, usd: p.usd, source: p.source, fetchedAt: now, expiresAt: now + ttlMs }); },
    async price(key, now) {
      const p = prices.get(key);
      if (!p) return undefined;
      if (p.expiresAt <= now) { prices.delete(key); return undefined; }
      return copy(p);
    },
    async sweepPrices(now) {
      let n = 0;
      for (const [k, p] of prices) if (p.expiresAt <= now) { prices.delete(k); n++; }
      return n;
    },
    putDeckValue: async (v) => { values.set(`${v.field}\u0000${v.deck}`, copy(v)); },
    bestValue: async (q) => [...values.values()]
      .filter((v) => v.field === q.field && (q.maxPrice === undefined || v.price <= q.maxPrice) && v.games >= (q.minGames ?? 0))
      .sort(valueOrder).slice(0, q.limit ?? 10).map(copy),
    close: async () => {},
  };
}

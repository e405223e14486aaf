// What every CardStore must do: registers node:test tests for a store factory (store.test.ts runs
// them on the memory store, and on MongoDB/FerretDB when TEST_MONGODB_URL is set). Each test opens
// a fresh, empty store and closes it (the factory's close also drops what the test wrote).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import { cardDoc, loadPoolInto } from './load.ts';
import type { CardIrDoc, CardStore, DeckValue } from './store.ts';

export type OpenCardStore = () => Promise<CardStore>;

const doc = (hash: string, name: string, irVersion = 4, o: Partial<CardIrDoc> = {}): CardIrDoc => ({
  hash, irVersion, name, token: false, text: `${name} text`, ir: new Uint8Array([1, 2, 3, hash.length, 255, 0]),
  facts: { name, manaCost: '{1}{R}', manaValue: 2, colors: ['R'], typeLine: 'Creature — Goblin', power: 2, toughness: 1, loyalty: null, text: `${name} text`, token: false },
  ...o,
});
const value = (deck: string, price: number, winRate: number, games = 500, field = 'default'): DeckValue => ({ deck, field, name: `deck ${deck}`, price, winRate, games, at: 1_767_225_600_000 });
const T0 = Date.UTC(2026, 0, 1);

export function cardStoreConformance(name: string, open: OpenCardStore): void {
  const withStore = (title: string, f: (s: CardStore) => Promise<void>) => test(`card store ${name}: ${title}`, async () => {
    const s = await open();
    try { await f(s); } finally { await s.close(); }
  });

  withStore('card IR documents: absent, inserted once by hash (a second put changes nothing), bytes kept exactly, found by name case-insensitively and by IR version', async (s) => {
    assert.equal(await s.cardIr('h1'), undefined);
    assert.deepEqual(await s.cardsNamed('Goblin Boarders'), []);
    const a = doc('h1', 'Goblin Boarders');
    assert.equal(await s.putCardIr(a), 'inserted');
    assert.equal(await s.putCardIr({ ...a, text: 'something else' }), 'unchanged');
    const got = (await s.cardIr('h1'))!;
    assert.deepEqual(got, a);
    assert.ok(got.ir instanceof Uint8Array);
    await s.putCardIr(doc('h0', 'Goblin Boarders', 5));
    await s.putCardIr(doc('h2', 'Goblin Boarders', 4));
    await s.putCardIr(doc('h3', 'Savannah Lions', 4));
    assert.deepEqual((await s.cardsNamed('goblin BOARDERS')).map((d) => [d.irVersion, d.hash]), [[4, 'h1'], [4, 'h2'], [5, 'h0']]);
    assert.deepEqual((await s.cardsNamed('Goblin Boarders', 5)).map((d) => d.hash), ['h0']);
    assert.deepEqual(await s.cardsNamed('Goblin Boarders', 3), []);
  });

  withStore('records are copied in and out: changing one the store gave or took changes nothing stored', async (s) => {
    const a = doc('h1', 'Shock');
    await s.putCardIr(a);
    a.ir[0] = 99;
    a.facts.colors.push('G');
    const got = (await s.cardIr('h1'))!;
    assert.equal(got.ir[0], 1);
    assert.deepEqual(got.facts.colors, ['R']);
    got.ir[1] = 77;
    assert.equal((await s.cardIr('h1'))!.ir[1], 2);
  });

  withStore('pools and metadata: replaced by key; metadata found by any spelling of the name', async (s) => {
    assert.equal(await s.pool('p1'), undefined);
    await s.putPool({ irHash: 'p1', irVersion: 4, cards: ['h2', 'h1'], loadedAt: T0 });
    assert.deepEqual(await s.pool('p1'), { irHash: 'p1', irVersion: 4, cards: ['h2', 'h1'], loadedAt: T0 });
    assert.equal(await s.metadata('Æther Vial'), undefined);
    const m = { key: 'aether vial', name: 'Æther Vial', manaCost: '{1}', manaValue: 1, colors: [], typeLine: 'Artifact', latest: { irVersion: 4, hash: 'h1', irHash: 'p1' }, updatedAt: T0 };
    await s.putMetadata(m);
    assert.deepEqual(await s.metadata('aether vial'), m);
    await s.putMetadata({ ...m, partial: 'no counters', latest: { irVersion: 5, hash: 'h9', irHash: 'p2' } });
    assert.deepEqual(await s.metadata('AEther Vial'), { ...m, partial: 'no counters', latest: { irVersion: 5, hash: 'h9', irHash: 'p2' } });
  });

  withStore('price cache: a price is served until its TTL runs out, then not at all (and deleted); a new put restarts the TTL', async (s) => {
    await s.putPrice({ key: 'shock', usd: 0.25, source: 'test' }, 60_000, T0);
    assert.deepEqual(await s.price('shock', T0 + 59_999), { key: 'shock', usd: 0.25, source: 'test', fetchedAt: T0, expiresAt: T0 + 60_000 });
    assert.equal(await s.price('shock', T0 + 60_000), undefined);
    assert.equal(await s.price('shock', T0), undefined, 'an expired entry read once is gone, even for an earlier clock');
    await s.putPrice({ key: 'shock', usd: 0.3, source: 'test' }, 60_000, T0 + 100_000);
    assert.equal((await s.price('shock', T0 + 150_000))!.usd, 0.3);
    assert.equal(await s.price('nothing', T0), undefined);
  });

  withStore('price cache: a sweep deletes exactly the expired entries and says how many', async (s) => {
    for (const [k, ttl] of [['a', 10], ['b', 20], ['c', 30], ['d', 1_000]] as const) await s.putPrice({ key: k, usd: 1, source: 't' }, ttl, T0);
    assert.equal(await s.sweepPrices(T0 + 5), 0);
    assert.equal(await s.sweepPrices(T0 + 20), 2);
    assert.equal(await s.sweepPrices(T0 + 20), 0);
    // an earlier clock after the sweep: a and b are gone, c and d are still there
    assert.deepEqual(await Promise.all(['a', 'b', 'c', 'd'].map(async (k) => (await s.price(k, T0)) !== undefined)), [false, false, true, true]);
  });

  withStore('value index: per field, one entry per deck (replaced), best win rate first, cheaper first on ties, filtered by price and games, limited', async (s) => {
    assert.deepEqual(await s.bestValue({ field: 'default' }), []);
    await s.putDeckValue(value('a', 120, 0.55));
    await s.putDeckValue(value('b', 40, 0.58));
    await s.putDeckValue(value('c', 30, 0.58));
    await s.putDeckValue(value('d', 10, 0.61, 20));
    await s.putDeckValue(value('e', 5, 0.9, 500, 'sealed'));
    await s.putDeckValue(value('a', 120, 0.6)); // measured again
    const decks = async (q: Parameters<CardStore['bestValue']>[0]) => (await s.bestValue(q)).map((v) => v.deck);
    assert.deepEqual(await decks({ field: 'default' }), ['d', 'a', 'c', 'b']);
    assert.deepEqual(await decks({ field: 'default', minGames: 100 }), ['a', 'c', 'b']);
    assert.deepEqual(await decks({ field: 'default', maxPrice: 40, minGames: 100 }), ['c', 'b']);
    assert.deepEqual(await decks({ field: 'default', limit: 2 }), ['d', 'a']);
    assert.deepEqual(await decks({ field: 'sealed' }), ['e']);
    assert.deepEqual((await s.bestValue({ field: 'default', limit: 1 }))[0], value('d', 10, 0.61, 20));
  });

  withStore('loading the card pool: every card stored with its IR, deck cards get metadata; a second load writes nothing; a changed card adds one document', async (s) => {
    const pool = loadPool();
    const first = await loadPoolInto(s, pool, T0);
    assert.deepEqual(first, { irHash: pool.irHash, cards: pool.meta.cards.length, inserted: new Set(pool.meta.cards.map((_, i) => cardDoc(pool, i).hash)).size, alreadyLoaded: false });
    const stored = (await s.pool(pool.irHash))!;
    assert.equal(stored.cards.length, pool.meta.cards.length);
    const lions = pool.byName('Savannah Lions') ?? pool.card(pool.meta.cards.findIndex((c) => !c.token));
    const d = (await s.cardIr(stored.cards[lions.index]!))!;
    assert.equal(d.name, lions.name);
    assert.equal(d.text, lions.text);
    assert.deepEqual(d, cardDoc(pool, lions.index));
    assert.equal((await s.metadata(lions.name.toUpperCase()))!.latest.hash, d.hash);
    assert.deepEqual(await loadPoolInto(s, pool, T0 + 1), { irHash: pool.irHash, cards: pool.meta.cards.length, inserted: 0, alreadyLoaded: true });
    // the same pool with one card's text changed (a new IR hash): one new document
    const meta = structuredClone(pool.meta);
    meta.irHash = 'changed';
    meta.cards[lions.index]!.text += ' (changed)';
    const again = await loadPoolInto(s, new CardPool(meta, pool.ir), T0 + 2);
    assert.equal(again.inserted, 1);
    assert.equal((await s.cardsNamed(lions.name, pool.meta.irVersion)).length, 2);
    assert.equal((await s.metadata(lions.name))!.latest.irHash, 'changed');
  });
}

// The limited deck builder: two colors, 40 cards, 17 lands, a curve, determinism, and the cards
// the engine cannot play yet left out and listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CardPool } from '../host/engine.ts';
import { loadPool } from '../host/node.ts';
import { LIMITED_RULES, parseDeck } from '../host/deck.ts';
import { sealedPool } from './booster.ts';
import { buildDeck, deckList, LANDS, SPELLS, splitBasics, type LimitedDeck } from './builder.ts';
import { isCreature } from './rating.ts';

const cards = loadPool();
const poolNames = (seed: number) => sealedPool(seed).flat().map((b) => b.card.name);
const everything = cards.meta.cards.filter((c) => !c.token).map((c) => c.name);
const BASICS = ['Plains', 'Island', 'Swamp', 'Mountain', 'Forest'];
const landCount = (d: LimitedDeck) => d.lands.reduce((n, l) => n + l.count, 0);

function assertDeckShape(d: LimitedDeck): void {
  assert.equal(d.cards.length, 40, 'a 40-card deck');
  assert.equal(d.colors.length, 2);
  assert.ok(d.spells.every((s) => s.meta.colors.every((c) => (d.colors as string[]).includes(c))), `spells within ${d.colors.join('')}`);
  assert.equal(d.spells.length + landCount(d), 40);
  assert.equal(d.shortBy, SPELLS - d.spells.length);
  assert.ok(d.spells.every((s) => !s.meta.partial), 'no partial card');
}

test('a pool with every implemented card (twice): 23 spells, 17 lands, mostly creatures, 2–4 drops', () => {
  const d = buildDeck([...everything, ...everything], cards);
  assertDeckShape(d);
  assert.equal(d.spells.length, SPELLS);
  assert.equal(landCount(d), LANDS);
  assert.ok(d.spells.filter((s) => isCreature(s.meta)).length >= 14, 'at least 14 creatures');
  assert.ok(d.spells.filter((s) => s.meta.manaValue >= 2 && s.meta.manaValue <= 4).length >= 12, 'the curve centres on 2–4');
  for (const c of d.colors) {
    const basic = BASICS['WUBRG'.indexOf(c)]!;
    assert.ok((d.lands.find((l) => l.name === basic)?.count ?? 0) >= 3, `enough ${basic}`);
  }
});

test('sealed pools: legal 40-card decks, unsupported cards skipped and listed, deterministic', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const names = poolNames(seed);
    const d = buildDeck(names, cards);
    assertDeckShape(d);
    assert.deepEqual(buildDeck(names, cards), d, `seed ${seed}: the same pool gives the same deck`);
    const unknown = names.filter((n) => !cards.byName(n) || cards.byName(n)!.partial);
    assert.deepEqual([...new Set(unknown)].sort(), d.skipped.map((s) => s.name), `seed ${seed}: skipped = the pool's unimplemented or partial cards`);
    assert.equal(d.skipped.reduce((n, s) => n + s.count, 0), unknown.length);
    const inDeck = new Set(d.cards.map((i) => cards.card(i).name));
    assert.deepEqual(unknown.filter((n) => inDeck.has(n)), []);
    const count = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    const poolLandsInDeck = count(d.lands.filter((l) => !BASICS.includes(l.name)));
    const basicsInPool = names.filter((n) => BASICS.includes(n)).length;
    // Every pool card is in the deck, the sideboard or the skipped list, except basics (free).
    assert.equal(d.spells.length + poolLandsInDeck + count(d.sideboard) + unknown.length + basicsInPool, names.length, `seed ${seed}: every pool card is accounted for`);
  }
});

test('a card marked partial is skipped with its reason', () => {
  const meta = structuredClone(cards.meta);
  meta.cards.find((c) => c.name === 'Serra Angel')!.partial = 'test: vigilance missing';
  const withPartial = new CardPool(meta, cards.ir);
  // a white-green pool, so that Serra Angel's colors are among the deck's two
  const wg = cards.meta.cards.filter((c) => !c.token && c.name !== 'Serra Angel' && c.colors.every((x) => x === 'W' || x === 'G')).map((c) => c.name);
  const names = ['Serra Angel', 'Serra Angel', ...wg];
  const d = buildDeck(names, withPartial);
  assert.ok(!d.spells.some((s) => s.meta.name === 'Serra Angel'));
  assert.deepEqual(d.skipped.filter((s) => s.name === 'Serra Angel'), [{ name: 'Serra Angel', reason: 'partial: test: vigilance missing', count: 2 }]);
  assert.ok(buildDeck(names, cards).spells.some((s) => s.meta.name === 'Serra Angel'), 'Serra Angel makes the deck when fully supported');
});

test('a pool without a playable spell is a clear error', () => {
  assert.throws(() => buildDeck(['Plains', 'Evolving Wilds', 'No Such Card'], cards), /no spell the engine can play/);
});

test('the deck list reads back through the deck parser as the same 40 cards', () => {
  const d = buildDeck(poolNames(5), cards);
  const r = parseDeck(deckList(d), cards, LIMITED_RULES);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.deepEqual(r.deck.main.flatMap((e) => Array<number>(e.count).fill(e.index)).sort((a, b) => a - b), [...d.cards].sort((a, b) => a - b));
});

test('basics follow the colors\' weight, at least 3 of a color the spells use', () => {
  const split = (n: number, w: number, r: number) => [...splitBasics(n, new Map([['W', w], ['R', r]]), ['W', 'R']).values()];
  assert.deepEqual(split(17, 10, 10), [9, 8]);
  assert.deepEqual(split(17, 12, 4), [13, 4]);
  assert.deepEqual(split(17, 30, 1), [14, 3]);
  assert.deepEqual(split(17, 0, 5), [0, 17]);
  assert.deepEqual(split(17, 0, 0), [9, 8]);
});

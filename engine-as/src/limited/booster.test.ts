// Play Booster collation and sealed pools: slot contents, odds, determinism.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COLLATION, playBooster, sealedPool, SEALED_BOOSTERS } from './booster.ts';
import { Rng } from './rng.ts';

test('a Play Booster has 14 cards: 7 commons, 3 uncommons, a rare or mythic, a land, 2 wildcards', () => {
  const rng = new Rng(42);
  for (let i = 0; i < 500; i++) {
    const b = playBooster(rng);
    const slot = (s: string) => b.filter((c) => c.slot === s);
    assert.equal(b.length, 14);
    assert.equal(slot('common').length, COLLATION.commons);
    assert.ok(slot('common').every((c) => c.card.rarity === 'common' && !c.card.landSlot), 'commons come from the commons sheet');
    assert.equal(new Set(slot('common').map((c) => c.card.name)).size, COLLATION.commons, 'no common twice in a slot group');
    assert.ok(slot('uncommon').every((c) => c.card.rarity === 'uncommon'));
    assert.equal(new Set(slot('uncommon').map((c) => c.card.name)).size, COLLATION.uncommons);
    assert.deepEqual(slot('rare').map((c) => ['rare', 'mythic'].includes(c.card.rarity)), [true]);
    assert.deepEqual(slot('land').map((c) => c.card.landSlot), [true]);
    assert.equal(slot('wildcard').length, COLLATION.wildcards);
    assert.ok(slot('wildcard').every((c) => !c.card.landSlot), 'wildcards are never land-slot cards');
  }
});

test('odds: the rare slot is mythic about 1 in 8, the land slot a gain land about half the time', () => {
  const rng = new Rng(7);
  let mythic = 0, gain = 0;
  const n = 8000;
  for (let i = 0; i < n; i++) {
    const b = playBooster(rng);
    if (b.find((c) => c.slot === 'rare')!.card.rarity === 'mythic') mythic++;
    if (b.find((c) => c.slot === 'land')!.card.number < 272) gain++;
  }
  assert.ok(Math.abs(mythic / n - 1 / 8) < 0.015, `mythic rate ${mythic / n}`);
  assert.ok(Math.abs(gain / n - 1 / 2) < 0.03, `gain land rate ${gain / n}`);
});

test('a sealed pool is six boosters and depends only on its seed', () => {
  const names = (seed: number) => sealedPool(seed).map((b) => b.map((c) => c.card.name));
  assert.equal(sealedPool(1).length, SEALED_BOOSTERS);
  assert.deepEqual(names(12345), names(12345));
  assert.notDeepEqual(names(12345), names(12346));
});

test('the PRNG is the engine\'s xoshiro128**: fixed outputs for seed 1', () => {
  const r = new Rng(1);
  assert.deepEqual([r.next(), r.next(), r.next()], [2442144158, 3238099751, 3819917871]);
});

import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { matchWinProbability, placementErrors, predictPlacement, type PlacementMatchup } from './placement.ts';

/** A field of three decks against which the submitted deck wins `wins` of `wins + losses` games. */
const field = (wins: number, losses: number): PlacementMatchup[] => [
  { name: 'A', share: 0.5, wins, losses },
  { name: 'B', share: 0.3, wins, losses },
  { name: 'C', share: 0.2, wins, losses },
];

describe('matchWinProbability', () => {
  test('best of three: p²(3 − 2p)', () => {
    assert.equal(matchWinProbability(0), 0);
    assert.equal(matchWinProbability(1), 1);
    assert.equal(matchWinProbability(0.5), 0.5);
    assert.ok(Math.abs(matchWinProbability(0.6) - 0.648) < 1e-12); // 0.36 + 2 · 0.36 · 0.4
    assert.ok(Math.abs(matchWinProbability(0.3) - 0.216) < 1e-12); // 0.09 + 2 · 0.09 · 0.7
  });
});

describe('predictPlacement', () => {
  test('a deck that wins every game goes 5-0 and always makes the top 8', () => {
    const r = predictPlacement(field(1e9, 0), { events: 2000 });
    assert.deepEqual(r.records, { '5-0': 1 });
    assert.equal(r.topCut, 1);
    assert.equal(r.expectedMatchPoints, 15);
  });

  test('a deck that loses every game goes 0-5 and never makes the top 8', () => {
    const r = predictPlacement(field(0, 1e9), { events: 2000 });
    assert.deepEqual(r.records, { '0-5': 1 });
    assert.equal(r.topCut, 0);
    assert.equal(r.expectedMatchPoints, 0);
  });

  test('an even deck in an even field: records Binomial(5, ½), top 8 a quarter of the time', () => {
    const r = predictPlacement(field(1e6, 1e6), { events: 10000 });
    const binomial = [1, 5, 10, 10, 5, 1].map((c) => c / 32);
    for (let w = 0; w <= 5; w++) assert.ok(Math.abs(r.records[`${w}-${5 - w}`]! - binomial[w]!) < 0.015, `${w}-${5 - w}: ${r.records[`${w}-${5 - w}`]}`);
    assert.ok(Math.abs(r.topCut - 0.25) < 0.015, `top 8: ${r.topCut}`);
    assert.ok(Math.abs(r.expectedMatchPoints - 7.5) < 0.05);
  });

  test('the same seed gives the same prediction; another seed another', () => {
    const a = predictPlacement(field(30, 20), { events: 500, seed: 4 });
    assert.deepEqual(predictPlacement(field(30, 20), { events: 500, seed: 4 }), a);
    assert.notDeepEqual(predictPlacement(field(30, 20), { events: 500, seed: 5 }), a);
  });

  test('uncertainty widens the spread: 3 of 5 games gives fewer 3-2 finishes than 600 of 1000', () => {
    const sure = predictPlacement(field(600, 400), { events: 5000 });
    const unsure = predictPlacement(field(3, 2), { events: 5000 });
    assert.ok(unsure.records['3-2']! < sure.records['3-2']!, `${unsure.records['3-2']} vs ${sure.records['3-2']}`);
    assert.ok(unsure.records['0-5']! > sure.records['0-5']!);
  });

  test('an odd number of players: the last-ranked player gets a bye, so nobody goes 0-4', () => {
    const r = predictPlacement(field(50, 50), { players: 9, rounds: 4, top: 4, events: 2000 });
    assert.ok(Math.abs(Object.values(r.records).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.deepEqual(Object.keys(r.records), ['4-0', '3-1', '2-2', '1-3']);
  });

  test('a field-vs-field table changes whom the deck meets as its record builds', () => {
    // The deck beats A and loses to B. If A also beats B, A players rise: a deck that wins early
    // meets more A and keeps winning, one that loses meets more B, so 5-0 and 0-5 both grow.
    // If B beats A, winning pairs the deck with B and losing with A: records bunch at 3-2 and 2-3.
    const f: PlacementMatchup[] = [{ name: 'A', share: 0.5, wins: 800, losses: 200 }, { name: 'B', share: 0.5, wins: 200, losses: 800 }];
    const flat = predictPlacement(f, { events: 5000 });
    const aRises = predictPlacement(f, { events: 5000, fieldVsField: [[0.5, 0.9], [0.1, 0.5]] });
    const bRises = predictPlacement(f, { events: 5000, fieldVsField: [[0.5, 0.1], [0.9, 0.5]] });
    assert.ok(aRises.records['5-0']! > 3 * flat.records['5-0']! && aRises.records['0-5']! > 3 * flat.records['0-5']!);
    assert.ok(bRises.records['3-2']! + bRises.records['2-3']! > 0.8, JSON.stringify(bRises.records));
  });

  test('bad options are named', () => {
    assert.deepEqual(placementErrors(field(1, 1)), []);
    assert.deepEqual(placementErrors([]), ['the field has no decks']);
    assert.match(placementErrors(field(1, 1), { top: 40 }).join(), /top 40 is more than the 32 players/);
    assert.match(placementErrors(field(1, 1), { players: 1.5 }).join(), /players must be a whole number ≥ 2 \(got 1.5\)/);
    assert.match(placementErrors(field(1, 1), { fieldVsField: [[0.5]] }).join(), /fieldVsField must be 3 × 3/);
    assert.match(placementErrors(field(-1, 1)).join(), /"A": wins and losses must be whole numbers/);
    assert.throws(() => predictPlacement([{ name: 'A', share: 0.7, wins: 1, losses: 1 }]), /shares sum to 0.7/);
  });
});

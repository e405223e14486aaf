import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { Rng } from '@spellgrid/engine-as/src/limited/rng.ts';
import { beta, fieldWinRate, gamma, normal, posteriorWinRate, uniform } from './stats.ts';

function moments(draw: () => number, n = 40000): { mean: number; variance: number } {
  let sum = 0, sq = 0;
  for (let i = 0; i < n; i++) { const x = draw(); sum += x; sq += x * x; }
  const mean = sum / n;
  return { mean, variance: sq / n - mean * mean };
}

describe('random variates', () => {
  test('the same seed gives the same numbers, another seed others', () => {
    const draw = (seed: number) => { const r = new Rng(seed); return [uniform(r), normal(r), gamma(r, 0.7), beta(r, 2, 5)]; };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
  });

  test('uniform stays strictly inside (0, 1)', () => {
    const r = new Rng(1);
    for (let i = 0; i < 10000; i++) { const u = uniform(r); assert.ok(u > 0 && u < 1); }
  });

  test('normal has mean 0 and variance 1', () => {
    const r = new Rng(2);
    const m = moments(() => normal(r));
    assert.ok(Math.abs(m.mean) < 0.02 && Math.abs(m.variance - 1) < 0.03, JSON.stringify(m));
  });

  test('gamma has mean and variance equal to its shape, above and below 1', () => {
    const r = new Rng(3);
    for (const shape of [0.5, 1, 4.5]) {
      const m = moments(() => gamma(r, shape));
      assert.ok(Math.abs(m.mean - shape) < 0.03 * Math.max(1, shape) && Math.abs(m.variance - shape) < 0.08 * Math.max(1, shape), `shape ${shape}: ${JSON.stringify(m)}`);
    }
  });

  test('Beta(3, 7) has mean 0.3 and variance 21/1100', () => {
    const r = new Rng(4);
    const m = moments(() => beta(r, 3, 7));
    assert.ok(Math.abs(m.mean - 0.3) < 0.004 && Math.abs(m.variance - 21 / 1100) < 0.001, JSON.stringify(m));
  });

  test('the Jeffreys posterior after 0 wins and 0 losses is Beta(½, ½): mean ½, variance ⅛', () => {
    const r = new Rng(5);
    const m = moments(() => posteriorWinRate(r, 0, 0));
    assert.ok(Math.abs(m.mean - 0.5) < 0.01 && Math.abs(m.variance - 0.125) < 0.005, JSON.stringify(m));
  });
});

describe('fieldWinRate', () => {
  test('one matchup of share 1: the estimate is wins/n and the half-width is Wilson\'s', () => {
    const w = fieldWinRate([{ share: 1, wins: 60, losses: 40 }]);
    assert.equal(w.value, 0.6);
    assert.ok(Math.abs(w.halfWidth - (0.6906002538863971 - 0.5020007846184025) / 2) < 1e-12);
  });

  test('two matchups (hand-computed): W = 0.6·0.6 + 0.4·0.4, half-width 0.07713', () => {
    const w = fieldWinRate([{ share: 0.6, wins: 60, losses: 40 }, { share: 0.4, wins: 20, losses: 30 }]);
    assert.ok(Math.abs(w.value - 0.52) < 1e-12);
    assert.ok(Math.abs(w.halfWidth - 0.07713147878027332) < 1e-9);
  });

  test('an unplayed matchup counts as ½ with a wide, finite variance', () => {
    const w = fieldWinRate([{ share: 1, wins: 0, losses: 0 }]);
    assert.equal(w.value, 0.5);
    assert.ok(Math.abs(w.halfWidth - 0.5) < 1e-12);
    assert.deepEqual(w.interval, [0, 1]);
  });
});

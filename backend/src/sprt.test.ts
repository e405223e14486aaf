import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { sprt, sprtBounds, sprtErrors, sprtLlr } from './sprt.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `expected ${b}, got ${a}`);

describe('sprt', () => {
  test('Wald bounds for α = β = 0.05 are ±ln 19 = ±2.944', () => {
    const { lower, upper } = sprtBounds(0.05, 0.05);
    close(upper, 2.9444389791664403);
    close(lower, -2.9444389791664403);
  });

  test('bounds for α = 0.05, β = 0.1: ln 18 and ln(0.1/0.95)', () => {
    const { lower, upper } = sprtBounds(0.05, 0.1);
    close(upper, Math.log(18));
    close(lower, Math.log(0.1 / 0.95));
  });

  test('LLR of 60 wins, 40 losses for 0.5 vs 0.55 is 60 ln 1.1 + 40 ln 0.9 = 1.50419', () => {
    close(sprtLlr(60, 40, 0.5, 0.55), 1.5041901619464442);
  });

  test('31 straight wins accept H1, 30 do not; 28 straight losses accept H0, 27 do not', () => {
    // ln 19 / ln 1.1 = 30.9 wins; ln 19 / −ln 0.9 = 27.9 losses.
    assert.equal(sprt(31, 0).decision, 'H1');
    assert.equal(sprt(30, 0).decision, 'continue');
    assert.equal(sprt(0, 28).decision, 'H0');
    assert.equal(sprt(0, 27).decision, 'continue');
    assert.equal(sprt(60, 40).decision, 'continue');
  });

  test('rejects unusable options with a message naming each', () => {
    assert.deepEqual(sprtErrors({}), []);
    assert.equal(sprtErrors({ p0: 0.5, p1: 0.5 }).length, 1);
    assert.match(sprtErrors({ alpha: 0 })[0]!, /alpha must be strictly between 0 and 1/);
    assert.throws(() => sprt(1, 1, { p1: 1.2 }), /p1 must be strictly between 0 and 1 \(got 1.2\)/);
  });
});

import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { requestErrors } from './request.ts';

describe('requestErrors', () => {
  test('the defaults are a usable request', () => {
    assert.deepEqual(requestErrors({}), []);
  });

  test('budget 0, a negative or huge target, an odd batch, no parallelism: each named', () => {
    assert.deepEqual(requestErrors({ budget: 0 }).map((e) => e.message), ['budget must be a whole number of games, at least 2 (got 0)']);
    assert.deepEqual(requestErrors({ target: -0.02, budget: 2.5, batch: 63, parallel: 0 }).map((e) => e.code), ['bad-target', 'bad-budget', 'bad-batch', 'bad-parallel']);
    assert.deepEqual(requestErrors({ target: 0.5 }).map((e) => e.code), ['bad-target']);
    assert.deepEqual(requestErrors({ target: Number.NaN }).map((e) => e.code), ['bad-target']);
  });
});

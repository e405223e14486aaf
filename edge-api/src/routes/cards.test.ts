import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../test-app.ts';

const { app } = testApp();
const get = async (path: string) => { const r = await app.request(path); return { status: r.status, body: await r.json() }; };

test('the pool comes in pages', async () => {
  const all = await get('/v1/cards?limit=500');
  assert.equal(all.status, 200);
  assert.ok(all.body.total > 100);
  const page = await get('/v1/cards?offset=10&limit=5');
  assert.deepEqual(page.body, { total: all.body.total, offset: 10, limit: 5, cards: all.body.cards.slice(10, 15) });
});

test('q filters by name, type line or rules text, ignoring case', async () => {
  const { body } = await get('/v1/cards?q=BOLTWAVE');
  assert.deepEqual(body.cards.map((c: { name: string }) => c.name), ['Boltwave']);
  const lions = await get('/v1/cards?q=savannah');
  assert.ok(lions.body.cards.every((c: { name: string; text: string }) => /savannah/i.test(c.name + c.text)));
});

test('a card by name has its facts and rules text rendered from the IR', async () => {
  const { status, body } = await get('/v1/cards/savannah%20lions');
  assert.equal(status, 200);
  assert.deepEqual(body, { name: 'Savannah Lions', manaCost: '{W}', manaValue: 1, colors: ['W'], typeLine: 'Creature — Cat', power: 2, toughness: 1, loyalty: null, text: '', token: false });
  assert.equal((await get('/v1/cards/Boltwave')).body.text, 'Boltwave deals 3 damage to each opponent.');
});

test('an unknown card is a 404; a bad page a 400 naming the parameter', async () => {
  const missing = await get('/v1/cards/Lightning%20Blot');
  assert.equal(missing.status, 404);
  assert.deepEqual({ ...missing.body.error, message: '' }, { code: 'not-found', message: '', field: 'name' });
  for (const [query, field] of [['limit=0', 'limit'], ['limit=many', 'limit'], ['offset=-1', 'offset'], [`q=${'x'.repeat(101)}`, 'q']]) {
    const r = await get(`/v1/cards?${query}`);
    assert.equal(r.status, 400, query);
    assert.equal(r.body.error.field, field);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { post, testApp } from '../test-app.ts';

const BOROS = readFileSync(new URL('../../../engine-as/decks/boros-aggro.txt', import.meta.url), 'utf8');
const validate = (body: unknown) => testApp().app.request('/v1/decks/validate', post(body));

test('a legal deck list comes back as its cards, sideboard and size', async () => {
  const r = await validate({ list: BOROS });
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.ok, true);
  assert.equal(body.deck.name, 'Boros Aggro');
  assert.equal(body.deck.size, 60);
  assert.deepEqual(body.deck.cards[0], { name: 'Savannah Lions', count: 4 });
  assert.deepEqual(body.deck.sideboard, []);
});

test('every problem comes back by line, a misspelt card with a suggestion', async () => {
  const r = await validate({ list: 'Deck\n4 Savannah Lions\n4 Savanah Lions\n5 Boltwave\nfoo bar' });
  assert.equal(r.status, 200);
  const { ok, errors } = await r.json();
  assert.equal(ok, false);
  const byLine = (n: number) => errors.find((e: { line: number }) => e.line === n);
  assert.deepEqual(byLine(3), { line: 3, text: '4 Savanah Lions', code: 'unknown-card', message: byLine(3).message, suggestion: 'Savannah Lions' });
  assert.equal(byLine(4).code, 'too-many-copies');
  assert.equal(byLine(5).code, 'malformed-line');
  assert.equal(errors.length, 3);
  const short = await (await validate({ list: '4 Boltwave' })).json();
  assert.deepEqual(short.errors.map((e: { line: number; code: string }) => [e.line, e.code]), [[0, 'too-few-cards']]);
});

test('the format sets the deck rules', async () => {
  const five = 'Deck\n5 Boltwave\n35 Mountain';
  assert.equal((await (await validate({ list: five })).json()).ok, false);
  assert.equal((await (await validate({ list: five, format: 'limited' })).json()).ok, true);
  assert.equal((await (await validate({ list: BOROS.replace('8 Plains', '7 Plains'), format: 'constructed' })).json()).ok, false);
});

test('a missing or mistyped field is a 400 naming it', async () => {
  for (const [body, field] of [[{}, 'list'], [{ list: 5 }, 'list'], [{ list: '' }, 'list'], [{ list: BOROS, format: 'modern' }, 'format'], [[], undefined]] as const) {
    const r = await validate(body);
    assert.equal(r.status, 400, JSON.stringify(body));
    const { error } = await r.json();
    assert.equal(error.code, 'bad-request');
    assert.equal(error.field, field);
  }
});

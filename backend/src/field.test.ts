import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { parseDeck, type CardInfo, type CardLookup, type DeckList } from '@spellgrid/engine-as/src/host/deck.ts';
import { checkField, parseField, type FieldError, type ResolveDeck } from './field.ts';

// A three-card pool and the engine's own deck parser, so per-line deck errors are the real ones.
const POOL: CardInfo[] = ['Forest', 'Llanowar Elves', 'Giant Growth'].map((name, index) => ({ index, name, basic: name === 'Forest', anyNumber: false, token: false }));
const lookup: CardLookup = { find: (n) => POOL.find((c) => c.name === n), names: () => POOL.map((c) => c.name), isKnownUnsupported: () => false };
const BUNDLED: Record<string, string> = { elves: '10 Forest\n4 Llanowar Elves' };
const resolve: ResolveDeck<DeckList> = (deck) => parseDeck(BUNDLED[deck] ?? deck, lookup, { minMainDeck: 10 });

const entry = (name: string, share: unknown, deck = 'elves') => ({ name, share, deck });
const field = (...decks: unknown[]) => JSON.stringify({ name: 'test field', decks });
const codes = (errors: FieldError[]) => errors.map((e) => e.code);

function errorsOf(text: string): FieldError[] {
  const r = parseField(text, resolve);
  assert.ok(!r.ok, 'expected errors');
  return r.errors;
}

describe('parseField', () => {
  test('reads decks by bundled name or by list, with their shares', () => {
    const r = parseField(field(entry('Elves', 0.75), entry('Growth', 0.25, '10 Forest\n4 Giant Growth')), resolve);
    assert.ok(r.ok);
    assert.equal(r.field.name, 'test field');
    assert.deepEqual(r.field.decks.map((d) => [d.name, d.share, d.deck.main.map((e) => `${e.count} ${e.name}`)]), [
      ['Elves', 0.75, ['10 Forest', '4 Llanowar Elves']],
      ['Growth', 0.25, ['10 Forest', '4 Giant Growth']],
    ]);
  });

  test('shares may miss 1 by rounding (1e-6)', () => {
    assert.ok(parseField(field(entry('A', 1 / 3), entry('B', 1 / 3), entry('C', 0.3333334)), resolve).ok);
  });

  test('not JSON', () => {
    assert.match(errorsOf('{ "name": ')[0]!.message, /^the field file is not valid JSON: /);
  });

  test('not a field', () => {
    assert.deepEqual(codes(errorsOf('[1, 2]')), ['bad-shape']);
    assert.deepEqual(codes(errorsOf(field(42))), ['bad-shape']);
  });

  test('an empty field', () => {
    assert.deepEqual(errorsOf(field()), [{ code: 'empty-field', message: 'the field "test field" has no decks' }]);
  });

  test('a share of 0, below 0, or not a number', () => {
    const errors = errorsOf(field(entry('A', 0), entry('B', -0.5), entry('C', '0.5'), entry('D', null), { name: 'E', deck: 'elves' }));
    assert.deepEqual(errors.map((e) => e.message), [
      'field deck "A": share must be a number above 0 (got 0)',
      'field deck "B": share must be a number above 0 (got -0.5)',
      'field deck "C": share must be a number above 0 (got "0.5")',
      'field deck "D": share must be a number above 0 (got null)',
      'field deck "E": share must be a number above 0 (got nothing)',
    ]);
  });

  test('shares not summing to 1 say their sum', () => {
    assert.deepEqual(errorsOf(field(entry('A', 0.5), entry('B', 0.4))), [{ code: 'shares-sum', message: 'field shares sum to 0.9, not 1 (allowed difference 0.000001)' }]);
  });

  test('duplicate names', () => {
    assert.deepEqual(errorsOf(field(entry('A', 0.5), entry('A', 0.5))), [{ code: 'duplicate-name', deck: 'A', message: 'two field decks are named "A"; names must be unique' }]);
  });

  test('a deck without a name or a list', () => {
    assert.deepEqual(codes(errorsOf(field({ share: 1, deck: 'elves' }))), ['bad-name']);
    assert.deepEqual(errorsOf(field(entry('A', 1, ''))).map((e) => e.message), ['field deck "A" needs a "deck": a deck list or a bundled deck\'s name']);
  });

  test('deck list errors keep their lines, and every deck\'s are reported', () => {
    const errors = errorsOf(field(entry('A', 0.5, '10 Forest\n4 Llanowar Elf'), entry('B', 0.5, '10 Forest\n4 Giant Growht\nx Forest')));
    assert.deepEqual(errors.map((e) => [e.deck, e.line, e.code]), [['A', 2, 'bad-deck'], ['B', 2, 'bad-deck'], ['B', 3, 'bad-deck']]);
    assert.match(errors[0]!.message, /^field deck "A": deck line 2: unknown card "Llanowar Elf" — did you mean "Llanowar Elves"\?/);
    assert.equal(errors[0]!.text, '4 Llanowar Elf');
  });

  test('all problems at once', () => {
    assert.deepEqual(codes(errorsOf(field(entry('A', 0.5, '10 Forest\n1 Nothing'), entry('A', 0)))), ['bad-deck', 'duplicate-name', 'bad-share']);
  });
});

describe('checkField', () => {
  test('takes an already-parsed value (an API body)', () => {
    const r = checkField({ name: 'f', decks: [entry('Elves', 1)] }, resolve);
    assert.ok(r.ok && r.field.decks.length === 1);
    assert.ok(!checkField(null, resolve).ok);
  });
});

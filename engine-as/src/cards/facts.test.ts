// Printed facts read back from the IR (mana cost, mana value, colors, types, P/T, loyalty)
// against the reference, for every implemented card and token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as S from '../../assembly/ir/spec.ts';
import { compilePool } from './compile.ts';
import { parseTypeLine } from './dsl.ts';
import { pool } from './pool/index.ts';
import { referenceCards, referenceTokens } from './reference.ts';
import { cardFacts } from './render.ts';
import { knownUnsupported } from './unsupported.ts';

const compiled = compilePool(pool);
const facts = compiled.names.map((_, i) => cardFacts(compiled.ir, i, compiled));
const cards = referenceCards();
const refs = new Map(cards.map((c) => [c.name, c]));
const word = (i: number, f: number) => compiled.ir[compiled.ir[S.HDR_CARD_OFF] + i * S.CARD_WORDS + f];
const str = (n: number | string | null) => (n === null ? null : String(n));

/** The IR's type and subtype bits agree with the printed type line. */
function assertTypeBits(index: number, printed: string): void {
  const t = parseTypeLine(printed);
  assert.equal(word(index, S.CARD_TYPES), t.types, 'type bits');
  assert.equal(word(index, S.CARD_SUBTYPES_LO), t.subtypes, 'subtype bits');
  assert.equal((word(index, S.CARD_FLAGS) & S.CF_TOKEN) !== 0, t.token, 'token flag');
}

describe('card facts match the reference', () => {
  for (const f of facts.filter((c) => !c.token)) {
    test(f.name, () => {
      const ref = refs.get(f.name);
      assert.ok(ref, `${f.name} is not a Foundations card`);
      assert.equal(f.manaCost, ref.mana_cost, 'mana cost');
      assert.equal(f.manaValue, ref.mana_value, 'mana value');
      assert.deepEqual(f.colors, ref.colors, 'colors');
      assert.equal(f.typeLine, ref.type_line, 'type line');
      assert.equal(str(f.power), ref.power, 'power');
      assert.equal(str(f.toughness), ref.toughness, 'toughness');
      assert.equal(str(f.loyalty), ref.loyalty, 'loyalty');
      assertTypeBits(f.index, ref.type_line);
    });
  }
});

describe('token facts match the token reference', () => {
  const tokens = referenceTokens();
  // emblems (114) are not tokens: the card that creates one prints its text
  for (const f of facts.filter((c) => c.token && !c.typeLine.startsWith('Emblem'))) {
    test(`${f.name} ${f.power}/${f.toughness}`, () => {
      const ref = tokens.find((t) => t.name === f.name && t.power === str(f.power) && t.toughness === str(f.toughness));
      assert.ok(ref, `no ${f.name} ${f.power}/${f.toughness} token in the reference`);
      assert.deepEqual(f.colors, ref.colors, 'colors');
      assert.equal(f.typeLine, ref.type_line, 'type line');
      assert.equal(f.manaCost, '');
      assertTypeBits(f.index, ref.type_line);
    });
  }
});

test('every Foundations card is either implemented or listed as known unsupported, not both', () => {
  const implemented = new Set(facts.filter((c) => !c.token).map((c) => c.name));
  const unsupported = new Set(knownUnsupported);
  assert.deepEqual([...implemented].filter((n) => unsupported.has(n)), []);
  assert.deepEqual(cards.map((c) => c.name).filter((n) => !implemented.has(n) && !unsupported.has(n)), []);
  assert.deepEqual([...unsupported].filter((n) => !refs.has(n)), [], 'unsupported names must be real FDN cards');
});

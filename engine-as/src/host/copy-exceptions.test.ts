// The copy-effect exception TOKF_HASTE_SAC_END (707.9b), which no blue card prints but other groups'
// cards use ("Create a token that's a copy of target creature you control, except it has haste and
// 'At the beginning of the end step, sacrifice this token.'"). A test-only card exercises it in a
// pool compiled here, so the shipped pool stays free of made-up cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as S from '../../assembly/ir/spec.ts';
import { compilePool } from '../cards/compile.ts';
import { manifest } from '../cards/build.ts';
import { card, copyToken, is, target } from '../cards/dsl.ts';
import { pool } from '../cards/pool/index.ts';
import { CardPool, createEngine } from './engine.ts';
import { runScenario, type Scenario } from './scenario.ts';

const duplicate = card('Test Duplicate').cost('{R}').typeLine('Sorcery')
  .spell(copyToken(target(is('creature').youControl()), S.TOKF_HASTE_SAC_END));

const compiled = compilePool([...pool, duplicate]);
const meta = await manifest(compiled);
const wasm = readFileSync(fileURLToPath(new URL('../../build/debug.wasm', import.meta.url)));
const engine = await createEngine(wasm, new CardPool(meta, compiled.bytes), 'test');

const L3 = ['Plains', 'Plains', 'Plains'];

test('the exception renders as Oracle words it', () => {
  const text = meta.cards.find((c) => c.name === 'Test Duplicate')!.text;
  assert.equal(text, 'Create a token that\'s a copy of target creature you control, except it has haste and "At the beginning of the end step, sacrifice this token."');
});

test('707.9b: the token copy has haste and is sacrificed at the beginning of the end step', () => {
  const sc: Scenario = {
    name: '707.9b: haste and "sacrifice at the end step" copy',
    players: [
      { battlefield: ['Savannah Lions', 'Mountain'], hand: ['Test Duplicate'], library: L3 },
      { library: L3 },
    ],
    do: ['cast Test Duplicate', 'pass', 'pass', 'to beginCombat', 'pass', 'pass', 'Savannah Lions attacks player 2', 'Savannah Lions attacks player 2', 'to end'],
    expect: {
      players: [{}, { life: 16 }],
      objects: [{ card: 'Savannah Lions', player: 0, count: 2, keywords: ['!haste'] }],
      stack: ['Savannah Lions'], // the token's sacrifice trigger
      decision: { kind: 'priority', player: 0 },
    },
  };
  assert.deepEqual(runScenario(engine, sc).failures, []);
  const after: Scenario = { ...sc, do: [...sc.do!, 'pass', 'pass'], expect: { objects: [{ card: 'Savannah Lions', count: 1 }], stack: [] } };
  assert.deepEqual(runScenario(engine, after).failures, []);
});

test('707.9b: a copy of that token copies the exception too', () => {
  const sc: Scenario = {
    name: '707.9b: copy of a copy keeps the exception',
    players: [
      { battlefield: ['Savannah Lions', 'Mountain', ...Array(8).fill('Island')], hand: ['Test Duplicate', 'Into the Roil', 'Self-Reflection'], library: L3 },
      { library: L3 },
    ],
    // the original goes back to hand, so Self-Reflection copies the token
    do: ['cast Test Duplicate', 'pass', 'pass', 'cast Into the Roil', 'no', 'Savannah Lions', 'pass', 'pass', 'cast Self-Reflection', 'pass', 'pass',
      'to declareAttackers', 'done', 'to end', 'trigger 1', 'pass', 'pass', 'pass', 'pass'],
    expect: { players: [{ hand: ['Savannah Lions'] }], objects: [{ card: 'Savannah Lions', count: 0 }], stack: [] },
  };
  assert.deepEqual(runScenario(engine, sc).failures, []);
});

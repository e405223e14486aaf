// The copy-effect exception TOKF_HASTE_SAC_END (707.9b), as Electroduplicate and Chandra,
// Flameshaper's +1 print it: "Create a token that's a copy of target creature you control, except
// it has haste and 'At the beginning of the end step, sacrifice this token.'"
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './node.ts';
import { runScenario, type Scenario } from './scenario.ts';

const engine = await loadEngine('debug');

const L3 = ['Plains', 'Plains', 'Plains'];

test('707.9b: the token copy has haste and is sacrificed at the beginning of the end step', () => {
  const sc: Scenario = {
    name: '707.9b: haste and "sacrifice at the end step" copy',
    players: [
      { battlefield: ['Savannah Lions', 'Mountain', 'Mountain', 'Mountain'], hand: ['Electroduplicate'], library: L3 },
      { library: L3 },
    ],
    do: ['cast Electroduplicate', 'pass', 'pass', 'to beginCombat', 'pass', 'pass', 'Savannah Lions attacks player 2', 'Savannah Lions attacks player 2', 'to end'],
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
      { battlefield: ['Savannah Lions', ...Array(3).fill('Mountain'), ...Array(8).fill('Island')], hand: ['Electroduplicate', 'Into the Roil', 'Self-Reflection'], library: L3 },
      { library: L3 },
    ],
    // the original goes back to hand, so Self-Reflection copies the token
    do: ['cast Electroduplicate', 'pass', 'pass', 'cast Into the Roil', 'no', 'Savannah Lions', 'pass', 'pass', 'cast Self-Reflection', 'pass', 'pass',
      'to declareAttackers', 'done', 'to end', 'trigger 1', 'pass', 'pass', 'pass', 'pass'],
    expect: { players: [{ hand: ['Savannah Lions'] }], objects: [{ card: 'Savannah Lions', count: 0 }], stack: [] },
  };
  assert.deepEqual(runScenario(engine, sc).failures, []);
});

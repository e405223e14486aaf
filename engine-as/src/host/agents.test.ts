// The heuristic agent's choices where friend and foe matter: Auras (by what they do to the
// enchanted permanent) and spreading counters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './node.ts';
import { setUp, type Scenario } from './scenario.ts';

const engine = await loadEngine();
const HEURISTIC = 1;

/** The label of the option the heuristic agent picks after playing `steps` from the position. */
function heuristicPick(players: Scenario['players'], steps: string[]): string {
  const g = setUp(engine, { name: 'agent', players, do: [] });
  for (const s of steps) g.chooseLabel(s);
  return g.decision().options[engine.x.agentPick(HEURISTIC)]!.label;
}

const forests = (n: number) => Array<string>(n).fill('Forest');
const opponent = { battlefield: ['Magnigoth Sentry'], library: ['Plains'] };

test('the heuristic agent enchants its own creature with a bonus Aura (Blanchwood Armor)', () => {
  const me = { battlefield: [...forests(3), 'Bear Cub'], hand: ['Blanchwood Armor'], library: ['Plains'] };
  assert.equal(heuristicPick([me, opponent], ['cast Blanchwood Armor']), 'Bear Cub');
});

test("the heuristic agent enchants an opponent's creature with a restricting Aura (Pacifism)", () => {
  const me = { battlefield: ['Plains', 'Plains', 'Bear Cub'], hand: ['Pacifism'], library: ['Plains'] };
  assert.equal(heuristicPick([me, opponent], ['cast Pacifism']), 'Magnigoth Sentry');
});

test('the heuristic agent distributes counters among its own creatures (Biogenic Upgrade)', () => {
  const me = { battlefield: [...forests(6), 'Bear Cub'], hand: ['Biogenic Upgrade'], library: ['Plains'] };
  assert.equal(heuristicPick([me, opponent], ['cast Biogenic Upgrade']), 'Bear Cub');
});

test('the heuristic agent attaches an Aura that Genesis Wave puts onto the battlefield to its own creature', () => {
  const me = { battlefield: [...forests(6), 'Bear Cub'], hand: ['Genesis Wave'], library: ['Blanchwood Armor', 'Plains', 'Island'] };
  assert.equal(heuristicPick([me, opponent], ['cast Genesis Wave', 'X=3', 'pass', 'pass', 'Blanchwood Armor', 'done']), 'Bear Cub');
});

test('the heuristic agent declines a "may" that would destroy its own permanent (Reclamation Sage)', () => {
  const me = { battlefield: [...forests(3), 'Bear Cub', { card: 'Blanchwood Armor', attachedTo: [0, 3] as [number, number] }], hand: ['Reclamation Sage'], library: ['Plains'] };
  assert.equal(heuristicPick([me, { library: ['Plains'] }], ['cast Reclamation Sage', 'pass', 'pass', 'pass', 'pass']), 'no');
});

test('the heuristic agent accepts a "may" that destroys an opposing permanent (Reclamation Sage)', () => {
  const me = { battlefield: [...forests(3)], hand: ['Reclamation Sage'], library: ['Plains'] };
  const them = { battlefield: ['Banishing Light'], library: ['Plains'] };
  assert.equal(heuristicPick([me, them], ['cast Reclamation Sage', 'pass', 'pass', 'pass', 'pass']), 'yes');
});

// The heuristic agent's judgement in small positions: lethal found (burn, alpha strike, pump on
// an unblocked attacker), no needless chump blocks, removal on the biggest threat it kills,
// mulligans by lands and curve, tricks held when they win nothing, and profiles that differ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './node.ts';
import { BUILTIN_AGENTS, type Game } from './engine.ts';
import { setUp, type PlayerSpec, type Scenario } from './scenario.ts';

const engine = await loadEngine();
const x = engine.x;
type Profile = keyof typeof BUILTIN_AGENTS;

const lands = (name: string, n: number) => Array<string>(n).fill(name);
const many = (name: string, n: number) => Array<string>(n).fill(name);

function position(players: [PlayerSpec, PlayerSpec], extra: Partial<Scenario> = {}): Game {
  return setUp(engine, { name: 'heuristic', players, do: [], ...extra });
}

/** Passes priority until a decision of `kind` comes up. */
function until(g: Game, kind: string): void {
  for (let guard = 0; guard < 50 && g.decision().kind !== kind; guard++) {
    assert.equal(g.decision().kind, 'priority', `waiting for ${kind}, got ${g.decision().kind}`);
    g.chooseLabel('pass');
  }
  assert.equal(g.decision().kind, kind);
}

function pick(g: Game, agent: Profile = 'heuristic'): string {
  return g.decision().options[x.agentPick(BUILTIN_AGENTS[agent])]!.label;
}

/** Lets the agent answer every decision of this kind in a row; returns its picks. */
function picks(g: Game, kind: string, agent: Profile = 'heuristic'): string[] {
  const out: string[] = [];
  while (!g.over && g.decision().kind === kind) {
    const label = pick(g, agent);
    out.push(label);
    g.chooseLabel(label);
    if (label === 'done') break;
  }
  return out;
}

test('lethal: the heuristic casts burn to the face before developing its board (Boltwave)', () => {
  const g = position([
    { battlefield: lands('Mountain', 3), hand: ['Firebrand Archer', 'Boltwave'], library: ['Mountain'] },
    { life: 3, battlefield: ['Magnigoth Sentry'], library: ['Forest'] },
  ]);
  assert.equal(pick(g), 'cast Boltwave');
});

test('lethal: everything attacks when the blockers cannot stop enough damage', () => {
  // five 2/2s into two 4/4s at 5 life: two are blocked, three connect for 6
  const g = position([
    { battlefield: many('Bear Cub', 5), library: ['Forest'] },
    { life: 5, battlefield: many('Magnigoth Sentry', 2), library: ['Forest'] },
  ]);
  until(g, 'attack');
  assert.equal(picks(g, 'attack').filter((l) => l.startsWith('Bear Cub attacks')).length, 5);
});

test('no lethal: 2/2s stay home against 4/4 blockers', () => {
  const g = position([
    { battlefield: many('Bear Cub', 5), library: ['Forest'] },
    { life: 20, battlefield: many('Magnigoth Sentry', 2), library: ['Forest'] },
  ]);
  until(g, 'attack');
  assert.deepEqual(picks(g, 'attack'), ['done']);
});

// Bear Cub attacks alone into an empty board; after blocks, player 1 holds Giant Growth.
function unblockedBear(oppLife: number): Game {
  const g = position([
    { battlefield: ['Forest', 'Bear Cub'], hand: ['Giant Growth'], library: ['Forest'] },
    { life: oppLife, library: ['Forest'] },
  ]);
  until(g, 'attack');
  g.chooseLabel('Bear Cub attacks');
  if (g.decision().kind === 'attack') g.chooseLabel('done');
  until(g, 'priority');
  while (x.gameStep() < 6) g.chooseLabel('pass'); // to the declare blockers step
  return g;
}

test('lethal: the heuristic pumps its unblocked attacker when that kills (Giant Growth)', () => {
  assert.equal(pick(unblockedBear(5)), 'cast Giant Growth');
});

test('a pump that wins neither a fight nor the game is held (Giant Growth)', () => {
  assert.equal(pick(unblockedBear(20)), 'pass');
});

// Player 2 attacks with a 4/4 into player 1's Savannah Lions.
function bigAttack(myLife: number): Game {
  const g = position([
    { life: myLife, battlefield: ['Savannah Lions'], library: ['Plains'] },
    { battlefield: ['Magnigoth Sentry'], library: ['Forest'] },
  ], { active: 1 });
  until(g, 'attack');
  g.chooseLabel('Magnigoth Sentry attacks');
  if (g.decision().kind === 'attack') g.chooseLabel('done');
  until(g, 'block');
  return g;
}

test('no chump block while the damage is not dangerous', () => {
  assert.equal(pick(bigAttack(20)), 'done');
});

test('a chump block when the damage would be lethal', () => {
  assert.equal(pick(bigAttack(4)), 'Savannah Lions blocks Magnigoth Sentry');
});

test('damage removal aims at the biggest threat it kills, not one it cannot (Scorching Dragonfire)', () => {
  const g = position([
    { battlefield: lands('Mountain', 2), hand: ['Scorching Dragonfire'], library: ['Mountain'] },
    { battlefield: ['Serra Angel', 'Bear Cub', 'Savannah Lions'], library: ['Plains'] },
  ], { step: 'main2' });
  g.chooseLabel('cast Scorching Dragonfire');
  assert.equal(pick(g), 'Bear Cub');
});

test('mulligan by lands and curve: 0 and 7 lands go back, 3 lands and cheap spells stay', () => {
  const first = (deck: string[]) => {
    const idx = deck.map((n) => engine.pool.byName(n)!.index);
    const g = engine.newGame({ decks: [idx, idx], seed: 5, onThePlay: 0 });
    assert.equal(g.decision().kind, 'mulligan');
    return pick(g);
  };
  assert.equal(first(many('Savannah Lions', 7)), 'mulligan');
  assert.equal(first(lands('Plains', 7)), 'mulligan');
  assert.equal(first([...lands('Plains', 3), ...many('Savannah Lions', 4)]), 'keep');
  assert.equal(first([...lands('Plains', 3), ...many('Serra Angel', 4)]), 'mulligan', 'nothing to cast in the first turns');
});

test('profiles differ: aggro attacks into an even trade, control holds back', () => {
  const attack = (agent: Profile) => {
    const g = position([
      { battlefield: ['Bear Cub'], library: ['Forest'] },
      { battlefield: ['Gnarlid Colony', 'Forest'], hand: ['Forest'], library: ['Forest'] },
    ]);
    until(g, 'attack');
    return pick(g, agent);
  };
  assert.match(attack('aggro'), /^Bear Cub attacks/);
  assert.equal(attack('control'), 'done');
});

test('Tinybones makes an opponent discard only when they have a card', () => {
  const tinybones = (oppHand: string[]) => pick(position([
    { battlefield: ['Tinybones, Bauble Burglar', ...lands('Swamp', 4)], library: ['Swamp'] },
    { hand: oppHand, library: ['Forest'] },
  ], { step: 'main2' }));
  assert.equal(tinybones([]), 'pass');
  assert.match(tinybones(['Forest']), /^activate Tinybones/);
});

test('profiles differ: control keeps counterspell mana open in its main phase, the default taps out', () => {
  const main = (agent: Profile) => pick(position([
    { battlefield: lands('Island', 3), hand: ['Cancel', 'Quick Study'], library: many('Island', 3) },
    { battlefield: ['Forest'], hand: ['Bear Cub'], library: ['Forest'] },
  ], { step: 'main2' }), agent);
  assert.equal(main('heuristic'), 'cast Quick Study');
  assert.equal(main('control'), 'pass');
});

test('planeswalker: the minus while safe, the plus while creatures threaten it (Ajani)', () => {
  const ajani = (them: string[]) => pick(position([
    { battlefield: [{ card: 'Ajani, Caller of the Pride', counters: { loyalty: 5 } }, 'Bear Cub'], library: ['Plains'] },
    { battlefield: them, library: ['Forest'] },
  ]));
  assert.equal(ajani([]), 'activate Ajani, Caller of the Pride #2');
  assert.equal(ajani(['Magnigoth Sentry']), 'activate Ajani, Caller of the Pride #1');
});

test('removal is not cast when its only targets are its own creatures (Scorching Dragonfire)', () => {
  const removal = (them: string[]) => pick(position([
    { battlefield: [...lands('Mountain', 2), 'Bear Cub'], hand: ['Scorching Dragonfire'], library: ['Mountain'] },
    { battlefield: them, library: ['Forest'] },
  ], { step: 'main2' }));
  assert.equal(removal([]), 'pass');
  assert.equal(removal(['Savannah Lions']), 'cast Scorching Dragonfire');
});

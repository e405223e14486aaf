// The MCTS agent: same seed ⇒ same game, thinking leaves the real game untouched, it finds
// lethal in set-up positions and does not throw away a won position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, findDeck } from './node.ts';
import { builtinAgent, type Game } from './engine.ts';
import { mctsAgent } from './mcts.ts';
import { setUp, type PlayerSpec } from './scenario.ts';

const engine = await loadEngine();
const x = engine.x;
const heuristic = builtinAgent('heuristic');
const mcts = mctsAgent({ iterations: 60 });

test('same seed ⇒ same game with the MCTS agent', () => {
  const decks: [number[], number[]] = [findDeck('boros-aggro').cards, findDeck('golgari-midrange').cards];
  const quick = mctsAgent({ iterations: 16 });
  const a = engine.play({ decks, seed: 7 }, [quick, heuristic]);
  const b = engine.play({ decks, seed: 7 }, [quick, heuristic]);
  assert.equal(a.digest, b.digest);
  assert.deepEqual(a.decisions, b.decisions);
  assert.ok(a.decisions.length > 20);
});

/** Sets up the first main phase of turn 3 (player 0's by default); both libraries hold lands so nobody decks. */
function position(me: PlayerSpec, opp: PlayerSpec, active: 0 | 1 = 0): Game {
  const lib = Array<string>(10).fill('Plains');
  return setUp(engine, { name: 'mcts', turn: 3, active, step: 'main1', players: [{ library: lib, ...me }, { library: lib, ...opp }] });
}

/** Plays on with MCTS for player 0 and the heuristic for player 1 while the turn is below `until`. */
function playOn(g: Game, until: number): void {
  while (!g.over && x.gameTurn() < until) {
    const d = g.decision();
    g.choose(d.player === 0 ? mcts.choose(d, g) : x.agentPick(1));
  }
}

test('thinking leaves the real game bit-identical (digest, event log) and picks the same option again', () => {
  const g = position({ battlefield: ['Mountain', 'Bear Cub'], hand: ['Burst Lightning'] }, { life: 2, battlefield: ['Savannah Lions'] });
  const digest = g.digest(), events = x.eventLogLength();
  // every byte of the main slot, the agents' random streams included (the digest skips them)
  const size = (x as unknown as { STATE_SIZE: WebAssembly.Global }).STATE_SIZE.value as number;
  const bytes = () => new Uint8Array(x.memory.buffer, engine.main, size).slice();
  const before = bytes();
  const d = g.decision();
  const k = mcts.choose(d, g);
  assert.equal(g.digest(), digest);
  assert.ok(Buffer.compare(bytes(), before) === 0, 'the main state changed');
  assert.equal(x.eventLogLength(), events);
  assert.deepEqual(g.decision(), d);
  assert.equal(mcts.choose(d, g), k);
});

const mountains = (n: number) => Array<string>(n).fill('Mountain');
const LETHAL: [string, PlayerSpec, PlayerSpec][] = [
  ['burn to the face past a tempting creature', { battlefield: mountains(1), hand: ['Burst Lightning'] }, { life: 2, battlefield: ['Bear Cub'] }],
  ['Boltwave to the face', { battlefield: mountains(1), hand: ['Boltwave'] }, { life: 3, battlefield: ['Savannah Lions'] }],
  ['two burn spells', { battlefield: mountains(2), hand: ['Burst Lightning', 'Burst Lightning'] }, { life: 4 }],
  ['a kicked Burst Lightning', { battlefield: mountains(5), hand: ['Burst Lightning'] }, { life: 4 }],
  ['attack with everything into an empty board', { battlefield: ['Bear Cub', 'Savannah Lions'] }, { life: 4 }],
  ['a flyer over ground blockers', { battlefield: ['Serra Angel'] }, { life: 4, battlefield: ['Bear Cub', 'Bear Cub'] }],
  ['Giant Growth on an unblockable flyer', { battlefield: ['Forest', 'Leonin Skyhunter'], hand: ['Giant Growth'] }, { life: 5, battlefield: ['Bear Cub'] }],
  ['Sure Strike on an unblocked attacker', { battlefield: [...mountains(2), 'Savannah Lions'], hand: ['Sure Strike'] }, { life: 5 }],
  ['a haste creature cast and swung', { battlefield: mountains(3), hand: ['Brazen Scourge'] }, { life: 3 }],
  ['trample over a blocker', { battlefield: ['Aggressive Mammoth'] }, { life: 3, battlefield: ['Aegis Turtle'] }],
  ['two attackers into one blocker', { battlefield: ['Fire Elemental', 'Bear Cub'] }, { life: 2, battlefield: ['Aegis Turtle'] }],
  ['burn the last blocker, then attack', { battlefield: [...mountains(1), 'Bear Cub'], hand: ['Burst Lightning'] }, { life: 2, battlefield: ['Savannah Lions'] }],
];

for (const [name, me, opp] of LETHAL) {
  test(`MCTS finds lethal: ${name}`, () => {
    const g = position(me, opp);
    playOn(g, 4);
    assert.ok(g.over && x.gameWinner() === 0, `not won this turn: turn ${x.gameTurn()}, life ${x.playerField(1, 0)}`);
  });
}

test('MCTS does not throw away a won position into a lethal crack-back', () => {
  // attacking with both Bear Cubs leaves 4 power of Lions against 3 life; holding one back wins the race
  const g = position({ life: 3, battlefield: ['Bear Cub', 'Bear Cub'] }, { life: 20, battlefield: ['Savannah Lions', 'Savannah Lions'] });
  playOn(g, 5);
  assert.ok(!(g.over && x.gameWinner() === 1), 'player 1 won the crack-back');
  assert.ok(x.playerField(0, 0) > 0);
});

test('MCTS blocks to survive an alpha strike, then wins the race', () => {
  // three Lions (6 power) into 4 life: at least two must be blocked; then Serra Angel wins in the air
  const g = position({ life: 4, battlefield: ['Bear Cub', 'Bear Cub', 'Serra Angel'] }, { life: 4, battlefield: ['Savannah Lions', 'Savannah Lions', 'Savannah Lions'] }, 1);
  playOn(g, 5);
  assert.ok(g.over && x.gameWinner() === 0, `player 1 did not win: over ${g.over}, winner ${x.gameWinner()}, life ${x.playerField(0, 0)}`);
});

/** Where the cards named `name` are after `n` determinizations of the real game for player `p`: zone counts. */
function resampled(p: number, n: number, name: string): Record<string, number> {
  const scratch = x.stateNew(), card = engine.pool.byName(name)!.index, seen: Record<string, number> = {};
  try {
    for (let s = 0; s < n; s++) {
      x.stateCopy(scratch, engine.main);
      x.stateUse(scratch);
      x.determinize(p, s + 1);
      for (let i = 0; i < x.objCount(); i++) {
        if (x.objField(i, 0) !== card) continue;
        const zone = ['none', 'library', 'hand', 'battlefield', 'graveyard', 'stack', 'exile'][x.objField(i, 3)]!;
        seen[zone] = (seen[zone] ?? 0) + 1;
      }
    }
  } finally { x.stateUse(engine.main); }
  return seen;
}

test('determinization keeps a card bounced to the opponent\'s hand there and resamples the rest', () => {
  const lib = ['Forest', 'Forest', 'Llanowar Elves', 'Forest', 'Giant Growth', 'Forest', 'Forest', 'Forest'];
  const g = position({ battlefield: ['Island', 'Island'], hand: ['Into the Roil'] }, { library: lib, hand: ['Bear Cub', 'Bear Cub'], battlefield: ['Savannah Lions'] });
  g.chooseLabel('cast Into the Roil'); // the Lions are its only target
  while (x.stackCount() > 0) g.chooseLabel('pass');
  assert.deepEqual(resampled(0, 40, 'Savannah Lions'), { hand: 40 }, 'the bounced Lions seen going to hand');
  const cubs = resampled(0, 40, 'Bear Cub');
  assert.ok((cubs.library ?? 0) > 0 && (cubs.hand ?? 0) > 0, `unseen cards are resampled: ${JSON.stringify(cubs)}`);
  // the owner's own hand is never resampled
  assert.deepEqual(resampled(1, 10, 'Bear Cub'), { hand: 20 });
});

test('determinization keeps cards seen in a revealed hand (Pilfer, 701.16)', () => {
  const lib = ['Forest', 'Forest', 'Forest', 'Forest', 'Forest', 'Forest'];
  const g = position({ battlefield: ['Swamp', 'Swamp'], hand: ['Pilfer'] }, { library: lib, hand: ['Bear Cub', 'Giant Growth', 'Llanowar Elves'] });
  g.chooseLabel('cast Pilfer');
  while (g.decision().kind === 'priority') g.chooseLabel('pass');
  g.chooseLabel('Giant Growth'); // the discard
  assert.deepEqual(resampled(0, 30, 'Bear Cub'), { hand: 30 });
  assert.deepEqual(resampled(0, 30, 'Llanowar Elves'), { hand: 30 });
});

// Game-start rules that need a real game rather than a scenario: the London mulligan (103.5),
// the starting player skipping their first draw (103.8a) and losing by drawing from an empty
// library (704.5b). Decks are built from one uncastable card (no lands), so the only decisions
// are the mulligans, the bottom choices and cleanup discards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './node.ts';
import { STEPS, type Game } from './engine.ts';

const engine = await loadEngine('debug');
const x = engine.x;
const LIONS = engine.pool.byName('Savannah Lions')!.index;
const deck = (n: number): number[] => Array<number>(n).fill(LIONS);
const HAND = 1, LIBRARY = 2, MULLIGANS = 4;

function start(sizes: [number, number], seed = 7): Game {
  const game = engine.newGame({ decks: [deck(sizes[0]), deck(sizes[1])], seed, onThePlay: 0 });
  x.setStopAtPriority(1); // stop at every priority, even when "pass" is the only option
  return game;
}

test('103.5: the starting player decides first; each player starts with 7 cards', () => {
  const game = start([20, 20]);
  const d = game.decision();
  assert.equal(d.kind, 'mulligan');
  assert.equal(d.player, 0);
  assert.deepEqual(d.options.map((o) => o.label), ['keep', 'mulligan']);
  assert.equal(x.playerField(0, HAND), 7);
  assert.equal(x.playerField(1, HAND), 7);
  assert.equal(x.playerField(0, LIBRARY), 13);
});

test('103.5: after a mulligan the player draws 7 again, then on keeping puts 1 card on the bottom', () => {
  const game = start([20, 20]);
  game.chooseLabel('mulligan');
  let d = game.decision();
  assert.equal(d.kind, 'mulligan', 'the player may mulligan again');
  assert.equal(d.player, 0);
  assert.equal(x.playerField(0, HAND), 7, 'a new hand of seven');
  assert.equal(x.playerField(0, LIBRARY), 13);
  assert.equal(x.playerField(0, MULLIGANS), 1);
  game.chooseLabel('keep');
  d = game.decision();
  assert.equal(d.kind, 'bottom');
  assert.equal(d.player, 0);
  assert.equal(d.options.length, 7, 'any card of the hand may go to the bottom');
  game.choose(0);
  assert.equal(x.playerField(0, HAND), 6);
  assert.equal(x.playerField(0, LIBRARY), 14);
  d = game.decision();
  assert.equal(d.kind, 'mulligan', 'then the next player decides');
  assert.equal(d.player, 1);
});

test('103.5: two mulligans put two cards on the bottom (hand of 5)', () => {
  const game = start([20, 20]);
  game.chooseLabel('mulligan');
  game.chooseLabel('mulligan');
  assert.equal(x.playerField(0, MULLIGANS), 2);
  game.chooseLabel('keep');
  assert.equal(game.decision().kind, 'bottom');
  game.choose(0);
  assert.equal(game.decision().kind, 'bottom', 'a second card goes to the bottom');
  game.choose(0);
  assert.equal(x.playerField(0, HAND), 5);
  assert.equal(x.playerField(0, LIBRARY), 15);
  assert.equal(game.decision().player, 1);
});

test('103.5: keeping ends the process; the game begins on turn 1 with the starting player active', () => {
  const game = start([20, 20]);
  game.chooseLabel('keep');
  assert.equal(game.decision().kind, 'mulligan');
  assert.equal(game.decision().player, 1);
  game.chooseLabel('keep');
  const d = game.decision();
  assert.equal(d.kind, 'priority');
  assert.equal(x.gameTurn(), 1);
  assert.equal(x.gameActive(), 0);
  assert.equal(x.playerField(0, HAND), 7);
  assert.equal(x.playerField(1, HAND), 7);
});

function passUntil(game: Game, turn: number, step: (typeof STEPS)[number]): void {
  for (let guard = 0; guard < 500 && !game.over; guard++) {
    if (x.gameTurn() === turn && STEPS[x.gameStep()] === step && game.decision().kind === 'priority') return;
    const d = game.decision();
    if (d.kind === 'priority') game.chooseLabel('pass');
    else game.choose(0);
  }
}

test('103.8a: the starting player skips the draw of their first turn; the other player draws on turn 2', () => {
  const game = start([20, 20]);
  game.chooseLabel('keep');
  game.chooseLabel('keep');
  passUntil(game, 1, 'main1');
  assert.equal(x.playerField(0, HAND), 7, 'no draw on turn 1');
  assert.equal(x.playerField(0, LIBRARY), 13);
  passUntil(game, 2, 'main1');
  assert.equal(x.gameActive(), 1);
  assert.equal(x.playerField(1, HAND), 8, 'player 2 draws on their first turn');
  assert.equal(x.playerField(1, LIBRARY), 12);
  passUntil(game, 3, 'main1');
  assert.equal(x.playerField(0, HAND), 8);
});

test('704.5b: a player who drew from an empty library loses at the next state-based check', () => {
  // player 1 has exactly 7 cards: the opening hand empties the library; turn 1 has no draw
  const game = start([7, 20]);
  game.chooseLabel('keep');
  game.chooseLabel('keep');
  assert.equal(x.playerField(0, LIBRARY), 0);
  passUntil(game, 2, 'main1');
  assert.equal(game.over, false, 'an empty library alone loses nothing (turns 1 and 2)');
  for (let guard = 0; guard < 500 && !game.over; guard++) {
    const d = game.decision();
    if (d.kind === 'priority') game.chooseLabel('pass'); else game.choose(0);
  }
  assert.equal(game.over, true);
  assert.equal(x.gameTurn(), 3);
  assert.equal(STEPS[x.gameStep()], 'draw', 'the check right after the draw ends the game');
  const r = game.result([]);
  assert.equal(r.winner, 1);
  assert.equal(r.reason, 'empty library');
});

test('704.5b: a player who mulligans a 7-card library down still loses only when drawing', () => {
  const game = start([7, 20]);
  game.chooseLabel('mulligan');
  game.chooseLabel('keep');
  game.choose(0); // one card to the bottom: library 1, hand 6
  assert.equal(x.playerField(0, HAND), 6);
  assert.equal(x.playerField(0, LIBRARY), 1);
  game.chooseLabel('keep');
  passUntil(game, 3, 'main1');
  assert.equal(game.over, false, 'the turn-3 draw takes the last card');
  assert.equal(x.playerField(0, LIBRARY), 0);
  for (let guard = 0; guard < 500 && !game.over; guard++) {
    const d = game.decision();
    if (d.kind === 'priority') game.chooseLabel('pass'); else game.choose(0);
  }
  assert.equal(x.gameTurn(), 5);
  assert.equal(game.result([]).winner, 1);
});

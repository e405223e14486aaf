import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import type { CardFacts } from '@spellgrid/engine-as/src/host/engine.ts';
import { cardStats, poolCardStats, proportionDifference, type CardGame, type Rate } from './cards.ts';
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';

const NAMES = ['Bolt', 'Bear', 'Island'];
const name = (card: number) => NAMES[card]!;

/** A card fact in shorthand: o = opening hand, d = drawn, c = cast. */
function fact(player: number, card: number, flags = ''): CardFacts {
  return { player, card, openingHand: flags.includes('o'), drawn: flags.includes('d'), cast: flags.includes('c') };
}

const rateOf = (wins: number, games: number): Rate => ({ games, wins, winRate: games ? wins / games : null, interval: wilson(wins, games) });

// Player 0's deck: two Bolts, a Bear, an Island. Player 1's cards must be ignored. Facts of
// unseen cards may be missing, as packed game records leave them out (game 4's Bolts).
const deck = [0, 0, 1, 2];
const games: CardGame[] = [
  { winner: 0, cards: [fact(0, 0, 'oc'), fact(0, 0), fact(0, 1, 'd'), fact(0, 2, 'o'), fact(1, 0, 'oc')] },
  { winner: 0, cards: [fact(0, 0), fact(0, 0, 'dc'), fact(0, 1), fact(0, 2, 'oc')] },
  { winner: 1, cards: [fact(0, 0, 'o'), fact(0, 0, 'o'), fact(0, 1, 'dc'), fact(0, 2)] },
  { winner: 1, cards: [fact(0, 1, 'oc'), fact(0, 2, 'd'), fact(1, 1, 'o')] },
  { winner: null, cards: [fact(0, 0, 'oc'), fact(0, 0), fact(0, 1, 'o'), fact(0, 2, 'o')] },
];

describe('cardStats', () => {
  const stats = cardStats({ deck, games }, name);
  const card = (n: string) => stats.find((s) => s.name === n)!;

  test('Bolt (two copies, counted once a game): opening hand 1/2, in hand 2/3, not seen 0/1, cast 2/2', () => {
    const bolt = card('Bolt');
    assert.equal(bolt.games, 4); // the game that ended in a draw is left out
    assert.deepEqual(bolt.openingHand, rateOf(1, 2));
    assert.deepEqual(bolt.inHand, rateOf(2, 3));
    assert.deepEqual(bolt.notSeen, rateOf(0, 1));
    assert.deepEqual(bolt.cast, rateOf(2, 2));
    assert.ok(Math.abs(bolt.iwd.value! - 2 / 3) < 1e-12);
  });

  test('Bear: in hand in 3 games, won 1; not seen in 1, won it: IWD −⅔', () => {
    const bear = card('Bear');
    assert.deepEqual(bear.inHand, rateOf(1, 3));
    assert.deepEqual(bear.openingHand, rateOf(0, 1));
    assert.deepEqual(bear.notSeen, rateOf(1, 1));
    assert.deepEqual(bear.cast, rateOf(0, 2));
    assert.ok(Math.abs(bear.iwd.value! + 2 / 3) < 1e-12);
  });

  test('best GIH win rate first, ties by name; the opponent\'s cards do not count', () => {
    assert.deepEqual(stats.map((s) => [s.name, s.inHand.games, s.inHand.wins]), [['Bolt', 3, 2], ['Island', 3, 2], ['Bear', 3, 1]]);
  });

  test('a card never drawn has no IWD', () => {
    const s = cardStats({ deck: [1], games: [{ winner: 0, cards: [] }] }, name);
    assert.deepEqual(s[0]!.iwd, { value: null, interval: null });
    assert.deepEqual(s[0]!.notSeen, rateOf(1, 1));
  });

  test('the submitted deck may be player 1; its facts only count for cards in its list', () => {
    const s = cardStats({ deck: [0, 1], games, player: 1 }, name);
    assert.deepEqual(s.map((x) => [x.name, x.games, x.inHand.games, x.inHand.wins]), [['Bear', 4, 1, 1], ['Bolt', 4, 1, 0]]);
  });
});

describe('poolCardStats', () => {
  test('pools each card name over decks, whichever seat each deck had', () => {
    const other: CardGame[] = [{ winner: 1, cards: [fact(1, 0, 'd'), fact(1, 2, 'o')] }, { winner: 0, cards: [fact(1, 0, 'o')] }];
    const s = poolCardStats([{ deck, games }, { deck: [0, 2], games: other, player: 1 }], name);
    const bolt = s.find((x) => x.name === 'Bolt')!;
    assert.equal(bolt.games, 6);
    assert.deepEqual(bolt.inHand, rateOf(3, 5));
    assert.deepEqual(bolt.openingHand, rateOf(1, 3));
  });
});

describe('proportionDifference', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions",
  // Table II, method 10 (his z = 1.959964; ours 1.96, so agreement to about 1e-4).
  for (const [a, m, b, n, low, high] of [[56, 70, 48, 80, 0.0524, 0.3339], [9, 10, 3, 10, 0.1705, 0.8090], [6, 7, 2, 7, 0.0582, 0.8062], [5, 56, 0, 29, -0.0381, 0.1926]] as const) {
    test(`${a}/${m} − ${b}/${n}: [${low}, ${high}]`, () => {
      const d = proportionDifference(rateOf(a, m), rateOf(b, n));
      assert.ok(Math.abs(d.value! - (a / m - b / n)) < 1e-12);
      assert.ok(Math.abs(d.interval![0] - low) < 2e-4 && Math.abs(d.interval![1] - high) < 2e-4, `${d.interval}`);
    });
  }
});

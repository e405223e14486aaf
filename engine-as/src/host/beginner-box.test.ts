// The Foundations Beginner Box: ten 20-card half-decks; any two make a 40-card deck. Every one of
// the 45 pairings must play heuristic games to a normal end: no engine error, no full table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beginnerBoxDeck, beginnerBoxHalves, findDeck, loadEngine } from './node.ts';
import { builtinAgent } from './engine.ts';

const halves = beginnerBoxHalves();
const GAMES_PER_PAIR = 200;

test('the Beginner Box has ten 20-card half-decks that pair into 40-card decks', () => {
  assert.deepEqual(halves.map((d) => d.name),
    ['Cats', 'Elves', 'Goblins', 'Healing', 'Inferno', 'Pirates', 'Primal', 'Undead', 'Vampires', 'Wizards']);
  for (const d of halves) assert.equal(d.cards.length, 20, d.name);
  const pair = findDeck('cats+ELVES');
  assert.equal(pair.name, 'Cats + Elves');
  assert.equal(pair.cards.length, 40);
  assert.throws(() => findDeck('Cats+Dogs'), /Beginner Box half-decks are Cats, Elves/);
});

test(`every pair of half-decks plays ${GAMES_PER_PAIR} heuristic games without an engine error`, async () => {
  // Each player shuffles two halves together, so a deck meets the decks made of the other halves.
  const pairs: { halves: [number, number]; deck: ReturnType<typeof beginnerBoxDeck> }[] = [];
  for (let i = 0; i < halves.length; i++) {
    for (let j = i + 1; j < halves.length; j++) pairs.push({ halves: [i, j], deck: beginnerBoxDeck(halves[i]!, halves[j]!) });
  }
  assert.equal(pairs.length, 45);
  const engine = await loadEngine();
  const agent = builtinAgent('heuristic');
  const reasons = new Map<string, number>();
  let seed = 1;
  for (const p of pairs) {
    const rivals = pairs.filter((q) => !q.halves.some((h) => p.halves.includes(h)));
    for (let k = 0; k < GAMES_PER_PAIR; k++) {
      const q = rivals[k % rivals.length]!;
      const r = engine.play({ decks: [p.deck.cards, q.deck.cards], seed: seed++, onThePlay: (k & 1) as 0 | 1 }, [agent, agent]);
      assert.notEqual(r.reason, 'engine limit', `${p.deck.name} vs ${q.deck.name}, seed ${seed - 1}: a state table overflowed`);
      reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    }
  }
  const total = [...reasons.values()].reduce((x, y) => x + y, 0);
  assert.equal(total, pairs.length * GAMES_PER_PAIR);
  // Turn and action caps are draws that mean a stalled game; a few are possible, many are a bug.
  const stalled = (reasons.get('turn cap') ?? 0) + (reasons.get('action cap') ?? 0);
  assert.ok(stalled < total * 0.01, `stalled games: ${JSON.stringify(Object.fromEntries(reasons))}`);
});

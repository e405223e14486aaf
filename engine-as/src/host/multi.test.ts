// Games with the multicolored, colorless and land cards of Foundations: the opening-hand action of
// Leyline Axe (103.6), and random and heuristic games that meet the new decision kinds ("as this
// enters, choose"), spell copies and protection while keeping every invariant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './node.ts';
import { builtinAgent, type Engine } from './engine.ts';
import * as S from '../../assembly/ir/spec.ts';

function deck(e: Engine, entries: [string, number][]): number[] {
  return entries.flatMap(([name, n]) => {
    const c = e.pool.byName(name);
    assert.ok(c, `${name} is in the pool`);
    return Array<number>(n).fill(c.index);
  });
}

test('103.6: a Leyline Axe in the opening hand may begin the game on the battlefield', async () => {
  const e = await loadEngine();
  const d = deck(e, [['Leyline Axe', 30], ['Plains', 30]]);
  const g = e.newGame({ decks: [d, d], seed: 3, onThePlay: 0 });
  g.chooseLabel('keep');
  g.chooseLabel('keep');
  const axes = (zone: number, p: number) => {
    let k = 0;
    for (let i = 0; i < e.x.objCount(); i++) if (g.cardName(i) === 'Leyline Axe' && e.x.objField(i, 3) === zone && e.x.objField(i, 1) === p) k++;
    return k;
  };
  const inHand = axes(2, 0);
  assert.ok(inHand >= 2, 'the seed deals at least two axes');
  // the starting player is asked first, one card at a time
  assert.equal(g.decision().kind, 'may');
  assert.equal(g.decision().player, 0);
  g.chooseLabel('yes');
  g.chooseLabel('no');
  while (g.decision().kind === 'may' && g.decision().player === 0) g.chooseLabel('yes');
  assert.equal(axes(3, 0), inHand - 1, 'all but the declined axe begin on the battlefield');
  assert.equal(g.decision().player, 1, 'then the other player');
  while (g.decision().kind === 'may') g.chooseLabel('no');
  assert.equal(axes(3, 1), 0);
  assert.equal(e.x.gameTurn(), 1);
});

test('random and heuristic games with the multi cards end and keep every invariant', async () => {
  const e = await loadEngine('debug');
  const a = deck(e, [
    ['Heraldic Banner', 3], ['Banner of Kinship', 2], ['Uncharted Haven', 4], ['Secluded Courtyard', 4], ['Thousand-Year Storm', 2],
    ['Boltwave', 4], ['Burst Lightning', 4], ['Progenitus', 2], ['Soulstone Sanctuary', 2], ['Llanowar Elves', 4],
    ['Elvish Archdruid', 3], ['Leyline Axe', 2], ['Ravenous Amulet', 2], ['Zimone, Paradox Sculptor', 2],
    ['Mountain', 10], ['Forest', 10],
  ]);
  const b = deck(e, [
    ['Scrawling Crawler', 3], ['Niv-Mizzet, Visionary', 2], ['Fiendish Panda', 3], ['Alesha, Who Laughs at Fate', 2],
    ['Wardens of the Cycle', 3], ['Kykar, Zephyr Awakener', 2], ['Dreadwing Scavenger', 3], ['Elenda, Saint of Dusk', 2],
    ['Goblin Firebomb', 2], ['Rogue\'s Passage', 2], ['Campus Guide', 2], ['Solemn Simulacrum', 2], ['Fishing Pole', 3],
    ['Swiftwater Cliffs', 4], ['Dismal Backwater', 4], ['Island', 8], ['Swamp', 8], ['Plains', 3],
  ]);
  const heuristic = builtinAgent('heuristic'), random = builtinAgent('random');
  const kinds = new Set<number>();
  for (let seed = 1; seed <= 300; seed++) {
    const g = e.newGame({ decks: seed & 1 ? [a, b] : [b, a], seed });
    const agent = seed % 3 === 0 ? heuristic : random;
    let steps = 0;
    while (!g.over) {
      assert.equal(e.x.checkInvariants(), 0, `seed ${seed}: invariant broken after ${steps} decisions`);
      kinds.add(e.x.decisionKind());
      g.choose(e.x.agentPick(agent.builtin!));
      steps++;
      assert.ok(steps < 25000, `seed ${seed}: game does not end`);
    }
  }
  assert.ok(kinds.has(S.DK_CHOOSE_COLOR) && kinds.has(S.DK_CHOOSE_TYPE), 'the agents met the "as this enters, choose" decisions');
});

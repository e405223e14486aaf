// Whole-game properties: determinism across engine instances, replays, clones, and a fuzz run
// of random games checking the state's invariants after every decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, bundledDecks } from './node.ts';
import { builtinAgent, type Engine, type GameOptions } from './engine.ts';
import { OP_SHAPES } from '../cards/render.ts';
import { LADDER_AGENTS, ladderAgent } from './batch.ts';

const decks = bundledDecks();
const [A, B] = [decks[0]!.cards, decks[1]!.cards];
const heuristic = builtinAgent('heuristic');
const random = builtinAgent('random');
const opts = (seed: number, log = false): GameOptions => ({ decks: [A, B], seed, log });

test('determinism: same decks, seed and agents give the same game in two fresh engines', async () => {
  const e1 = await loadEngine(), e2 = await loadEngine();
  for (const seed of [1, 2, 3, 77, 4096]) {
    const r1 = e1.play(opts(seed, true), [heuristic, heuristic]);
    const log1 = e1.eventLog();
    const r2 = e2.play(opts(seed, true), [heuristic, heuristic]);
    assert.equal(r1.digest, r2.digest);
    assert.deepEqual(r1.decisions, r2.decisions);
    assert.deepEqual(log1, e2.eventLog());
    assert.ok(log1.length > 100, 'the event log records the game');
  }
});

test('determinism: every agent the ladder knows plays the same game from the same seed in two fresh engines', async () => {
  const e1 = await loadEngine(), e2 = await loadEngine();
  for (const name of LADDER_AGENTS) {
    const spec = name === 'mcts' ? 'mcts:8' : name; // a small budget: the search is the same code
    const r1 = e1.play(opts(11), [ladderAgent(spec, e1), heuristic]);
    const r2 = e2.play(opts(11), [ladderAgent(spec, e2), heuristic]);
    assert.equal(r1.digest, r2.digest, spec);
    assert.deepEqual(r1.decisions, r2.decisions, spec);
  }
});

test('determinism: different seeds give different games', async () => {
  const e = await loadEngine();
  const digests = new Set([1, 2, 3, 4, 5].map((s) => e.play(opts(s), [random, random]).digest));
  assert.equal(digests.size, 5);
});

test('determinism: debug and release builds play the same games', async () => {
  const rel = await loadEngine('release'), dbg = await loadEngine('debug');
  for (const seed of [11, 12, 13]) {
    assert.equal(rel.play(opts(seed), [heuristic, random]).digest, dbg.play(opts(seed), [heuristic, random]).digest);
  }
});

test('replay: the recorded decisions re-simulate to the same digest', async () => {
  const e = await loadEngine();
  for (const seed of [5, 6, 7]) {
    const r = e.play(opts(seed), [heuristic, random]);
    const fresh = await loadEngine();
    const g = fresh.replay(opts(seed), r.decisions);
    assert.equal(g.over, true);
    assert.equal(g.digest(), r.digest);
  }
});

test('replay: a decision list from another game is rejected or diverges', async () => {
  const e = await loadEngine();
  const r = e.play(opts(8), [random, random]);
  let differs = false;
  try { differs = e.replay(opts(9), r.decisions).digest() !== r.digest; } catch { differs = true; }
  assert.ok(differs);
});

function advanceTo(e: Engine, seed: number, decisions: number) {
  const g = e.newGame(opts(seed));
  for (let k = 0; k < decisions && !g.over; k++) g.choose(e.x.agentPick(1));
  return g;
}

test('clone: a copied state has the same digest and plays on identically', async () => {
  const e = await loadEngine();
  for (const seed of [21, 22, 23]) {
    const g = advanceTo(e, seed, 40);
    const copy = e.x.stateNew();
    e.x.stateCopy(copy, e.main);
    const before = g.digest();
    e.x.stateUse(copy);
    assert.equal(g.digest(), before, 'clone digest equals original');
    for (let k = 0; k < 2000 && !g.over; k++) g.choose(e.x.agentPick(1));
    const fromClone = g.digest();
    e.x.stateUse(e.main);
    assert.equal(g.digest(), before, 'playing on the clone leaves the original untouched');
    for (let k = 0; k < 2000 && !g.over; k++) g.choose(e.x.agentPick(1));
    assert.equal(g.digest(), fromClone, 'playing on from the original equals playing on from the clone');
  }
});

test('fuzz: 2,000 random games end and keep every invariant after every decision', async () => {
  const e = await loadEngine('debug');
  const reasons = new Map<string, number>();
  const pairs = decks.length;
  for (let seed = 1; seed <= 2000; seed++) {
    const d: [number[], number[]] = [decks[seed % pairs]!.cards, decks[(seed >> 1) % pairs]!.cards];
    const g = e.newGame({ decks: d, seed, onThePlay: (seed & 1) as 0 | 1 });
    let steps = 0;
    while (!g.over) {
      const bad = e.x.checkInvariants();
      assert.equal(bad, 0, `seed ${seed}: invariant ${bad} broken after ${steps} decisions`);
      g.choose(e.x.agentPick(0));
      steps++;
      assert.ok(steps < 25000, `seed ${seed}: game does not end`);
    }
    assert.equal(e.x.checkInvariants(), 0, `seed ${seed}: invariant broken at the end`);
    const r = g.result([]);
    reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  assert.ok((reasons.get('life') ?? 0) > 1000, `most random games end on life: ${JSON.stringify([...reasons])}`);
});

test('the interpreter and the card compiler agree on every instruction length', async () => {
  const e = await loadEngine();
  for (const [op, shape] of Object.entries(OP_SHAPES)) {
    assert.equal(e.x.opLength(Number(op)), 1 + shape.length, `opcode ${op}`);
  }
});

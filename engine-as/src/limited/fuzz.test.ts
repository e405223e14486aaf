// A small sealed fuzz run: fresh sealed decks, invariants checked after every decision.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from '../host/node.ts';
import { fuzzSealed, pairSeeds } from './fuzz.ts';

test('sealed fuzz: 50 random and 20 heuristic games end without errors', async () => {
  const e = await loadEngine('debug');
  for (const [agent, games] of [['random', 50], ['heuristic', 20]] as const) {
    const r = fuzzSealed(e, { games, agent, seed: 2024 });
    assert.deepEqual(r.errors, [], `${agent}: no errors`);
    assert.equal(r.wins[0] + r.wins[1] + r.draws, games);
    assert.ok(r.wins[0] + r.wins[1] >= games * 0.8, `${agent}: most games are decided: ${JSON.stringify(r.drawReasons)}`);
    assert.ok(r.decisions > games * 20 && r.meanTurns >= 3, `${agent}: games are played`);
  }
});

test('each game pair gets its own two pools and shuffle seed', () => {
  const seeds = [0, 1, 2, 3].flatMap((k) => { const s = pairSeeds(9, k); return [...s.pools, s.game]; });
  assert.equal(new Set(seeds).size, seeds.length);
});

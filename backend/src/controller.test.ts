import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { deriveSeed } from '@spellgrid/engine-as/src/limited/rng.ts';
import { convergeGauntlet, convergeMatchup, sprtMatchup, type BatchRequest, type Progress, type RunBatch } from './controller.ts';
import { fieldWinRate } from './stats.ts';

/**
 * A simulated engine: game k of matchup j is won with probability p[j], decided by a hash of
 * (seed, j, k) alone, as a real game is by its seed, so a replayed batch gives the same results.
 */
function coin(p: readonly number[], seed: number, draw = 0): RunBatch & { requests: BatchRequest[] } {
  const requests: BatchRequest[] = [];
  const run = async (r: BatchRequest) => {
    requests.push(r);
    let wins = 0, losses = 0, draws = 0;
    for (let k = r.first; k < r.first + r.games; k++) {
      const u = toss(seed, r.matchup, k);
      if (u < draw) draws++;
      else if (u < draw + (1 - draw) * p[r.matchup]!) wins++;
      else losses++;
    }
    return { wins, losses, draws };
  };
  return Object.assign(run, { requests });
}

/** Game k of matchup j: a uniform number in [0, 1) from the seed alone. */
function toss(seed: number, j: number, k: number): number {
  return deriveSeed(deriveSeed(seed, j), k) / 0x100000000;
}

describe('convergeMatchup', () => {
  for (const p of [0.35, 0.5, 0.62]) {
    test(`a coin with p = ${p}: the final 95% interval covers p in at least 93% of 200 runs`, async (t) => {
      let covered = 0, games = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const r = await convergeMatchup(coin([p], seed), { batch: 16 });
        assert.equal(r.stop, 'target');
        assert.ok(r.halfWidth <= 0.02);
        if (r.matchup.interval[0] <= p && p <= r.matchup.interval[1]) covered++;
        games += r.games;
      }
      assert.ok(covered >= 186, `covered ${covered} of 200`);
      t.diagnostic(`coverage ${covered / 2}%, mean games ${games / 200}`);
    });
  }

  test('batches are even, consecutive runs of the matchup\'s games; the last one is cut to the budget', async () => {
    const run = coin([0.5], 1);
    const r = await convergeMatchup(run, { budget: 150, batch: 64 });
    assert.equal(r.stop, 'budget');
    assert.equal(r.games, 150);
    assert.deepEqual(run.requests.map((b) => [b.first, b.games]), [[0, 64], [64, 64], [128, 22]]);
  });

  test('draws are counted apart from the win rate', async () => {
    const r = await convergeMatchup(coin([0.5], 3, 0.1), { budget: 1000 });
    assert.equal(r.matchup.wins + r.matchup.losses + r.matchup.draws, r.games);
    assert.ok(r.matchup.draws > 50 && r.matchup.draws < 150);
    assert.equal(r.matchup.winRate, r.matchup.wins / (r.matchup.wins + r.matchup.losses));
  });

  test('progress reports games, half-width and an ETA from the observed rate', async () => {
    const seen: Progress[] = [];
    let now = 0;
    // A fake clock: 1 ms per game played so far.
    const run = coin([0.5], 9);
    await convergeMatchup(async (b) => { now += b.games; return run(b); }, { onProgress: (p) => seen.push(p), clock: () => now });
    assert.ok(seen.length > 10);
    assert.ok(seen.every((p, i) => i === 0 || p.games > seen[i - 1]!.games));
    const mid = seen[Math.floor(seen.length / 2)]!;
    // Games left ≈ games·((h/target)² − 1), at 1 ms a game.
    assert.ok(Math.abs(mid.etaSeconds! - (mid.games * ((mid.halfWidth / 0.02) ** 2 - 1)) / 1000) < 1e-9);
    assert.equal(seen.at(-1)!.etaSeconds, 0);
  });

  test('bad requests are refused with every problem named', async () => {
    await assert.rejects(convergeMatchup(coin([0.5], 1), { budget: 0 }), /budget must be a whole number of games, at least 2 \(got 0\)/);
    await assert.rejects(convergeMatchup(coin([0.5], 1), { target: -0.01, batch: 7 }), /target half-width must be a number above 0.*; batch must be an even/);
  });

  test('an outcome that does not add up to the batch is an error', async () => {
    await assert.rejects(convergeMatchup(async () => ({ wins: 1, losses: 0, draws: 0 })), /games 0..63: outcome .* does not add up to 64 games/);
  });
});

describe('sprtMatchup', () => {
  test('is A favoured? accepts H1 for p = 0.6, H0 for p = 0.45', async () => {
    const yes = await sprtMatchup(coin([0.6], 1), {}, { batch: 16 });
    assert.equal(yes.stop, 'decided');
    assert.equal(yes.sprt.decision, 'H1');
    const no = await sprtMatchup(coin([0.45], 1), {}, { batch: 16 });
    assert.equal(no.sprt.decision, 'H0');
  });

  test('error rates stay near α = β = 0.05 over 200 runs at p = p0 and p = p1', async (t) => {
    let falseH1 = 0, falseH0 = 0, games = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const atP0 = await sprtMatchup(coin([0.5], seed), {}, { batch: 16 });
      const atP1 = await sprtMatchup(coin([0.55], seed), {}, { batch: 16 });
      if (atP0.sprt.decision === 'H1') falseH1++;
      if (atP1.sprt.decision === 'H0') falseH0++;
      games += atP0.games + atP1.games;
    }
    t.diagnostic(`H1 at p0: ${falseH1}/200, H0 at p1: ${falseH0}/200, mean games ${games / 400}`);
    // Checking only after each batch overshoots the bounds, which makes the test a little stricter.
    assert.ok(falseH1 <= 16 && falseH0 <= 16, `H1 at p0: ${falseH1}/200, H0 at p1: ${falseH0}/200`);
  });

  test('stops at the budget undecided', async () => {
    const r = await sprtMatchup(coin([0.52], 1), {}, { budget: 64 });
    assert.equal(r.stop, 'budget');
    assert.equal(r.sprt.decision, 'continue');
  });
});

describe('convergeGauntlet', () => {
  const shares = [0.5, 0.3, 0.1, 0.05, 0.05];
  const p = [0.5, 0.6, 0.3, 0.8, 0.45];

  /** Uniform allocation for comparison: one batch to each matchup in turn until W reaches the target. */
  function uniformGames(seed: number, batch: number): number {
    const tallies = shares.map(() => ({ wins: 0, losses: 0 }));
    for (let n = 0; ; n += batch) {
      for (let j = 0; j < shares.length; j++) {
        let wins = 0;
        for (let k = n; k < n + batch; k++) if (toss(seed, j, k) < p[j]!) wins++;
        tallies[j]!.wins += wins; tallies[j]!.losses += batch - wins;
        if (fieldWinRate(tallies.map((t, i) => ({ share: shares[i]!, ...t }))).halfWidth <= 0.02) return n * shares.length + (j + 1) * batch;
      }
    }
  }

  test('every matchup gets a batch before any gets a second; more games go to larger shares', async () => {
    const run = coin(p, 1);
    const r = await convergeGauntlet(run, shares, { batch: 16 });
    assert.deepEqual(run.requests.slice(0, 5).map((b) => b.matchup).sort(), [0, 1, 2, 3, 4]);
    assert.equal(r.stop, 'target');
    assert.ok(r.winRate.halfWidth <= 0.02);
    const games = r.matchups.map((m) => m.games);
    assert.ok(games[0]! > games[1]! && games[1]! > games[2]! && games[2]! > games[3]!, games.join(', '));
  });

  test('variance-driven allocation needs fewer games than uniform for the same W precision on a skewed field', async (t) => {
    let allocated = 0, uniform = 0;
    for (let seed = 1; seed <= 20; seed++) {
      allocated += (await convergeGauntlet(coin(p, seed), shares, { batch: 16 })).games;
      uniform += uniformGames(seed, 16);
    }
    const ratio = allocated / uniform;
    t.diagnostic(`allocated/uniform games = ${allocated / 20} / ${uniform / 20} = ${ratio.toFixed(3)}`);
    assert.ok(ratio < 0.8, `ratio ${ratio}`);
  });

  test('parallel rounds: the same results whatever order batches finish in', async () => {
    const run = async (seed: number, delay: (r: BatchRequest) => number) => {
      const c = coin(p, seed);
      const r = await convergeGauntlet(async (b) => {
        await new Promise((resolve) => setTimeout(resolve, delay(b)));
        return c(b);
      }, shares, { batch: 64, parallel: 4, target: 0.04 });
      return { r, requests: c.requests.map((b) => `${b.matchup}:${b.first}`).sort() };
    };
    const a = await run(5, (b) => (b.matchup * 3) % 5);
    const b = await run(5, (b) => 4 - ((b.matchup * 3) % 5));
    assert.deepEqual(a, b);
  });

  test('a loose target still plays every matchup of a large field before stopping', async () => {
    const many = Array<number>(45).fill(1 / 45);
    const r = await convergeGauntlet(coin(Array<number>(45).fill(0.5), 2), many, { batch: 64, target: 0.03 });
    assert.equal(r.stop, 'target');
    assert.ok(r.matchups.every((m) => m.games > 0), r.matchups.map((m) => m.games).join(', '));
  });

  test('a budget smaller than a full batch per matchup is shared so every matchup is played', async () => {
    for (const [decks, budget, parallel] of [[45, 1000, 8], [2, 16, 8], [3, 20, 1], [64, 128, 8]] as const) {
      const r = await convergeGauntlet(coin(Array<number>(decks).fill(0.5), 3), Array<number>(decks).fill(1 / decks), { batch: 64, budget, parallel, target: 0.001 });
      assert.equal(r.stop, 'budget');
      assert.ok(r.games <= budget);
      assert.ok(r.matchups.every((m) => m.games > 0), `${decks} decks, budget ${budget}: ${r.matchups.map((m) => m.games).join(', ')}`);
    }
  });

  test('refuses shares that do not sum to 1', async () => {
    await assert.rejects(convergeGauntlet(coin(p, 1), [0.5, 0.4]), /shares sum to 0.9, not 1/);
  });
});
